/**
 * An estimate of the bytes a structured-cloned value holds (typed arrays and buffers by byteLength,
 * strings at 2 bytes a character, 8 per number, 16 per property or entry), walked without recursion and
 * stopped as soon as it passes `budget`, so a huge or deeply nested answer costs at most about a
 * budget's worth of walking. Shared objects and cycles count once.
 * @returns the estimate, or `Infinity` once it exceeds `budget`.
 * @example
 * cloneSizeAtMost({ a: new Float64Array(4) }, 1024); // 16 + 32 = 48
 */
export function cloneSizeAtMost(value: unknown, budget: number): number {
  let total = 0;
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    switch (typeof v) {
      case 'string':
        total += 2 * v.length;
        break;
      case 'number':
      case 'bigint':
        total += 8;
        break;
      case 'object': {
        if (v === null || seen.has(v)) break;
        seen.add(v);
        if (ArrayBuffer.isView(v)) total += v.byteLength;
        else if (v instanceof ArrayBuffer) total += v.byteLength;
        else if (typeof Blob !== 'undefined' && v instanceof Blob) total += v.size;
        else if (Array.isArray(v)) {
          // By index with the check inside: a 10-million-element array stops early, with no key list built.
          for (let i = 0; i < v.length; i++) {
            if ((total += 16) > budget) return Infinity;
            stack.push(v[i]);
          }
        } else if (v instanceof Map || v instanceof Set) {
          for (const entry of v.entries()) {
            if ((total += 16) > budget) return Infinity;
            stack.push(entry[0]);
            if (v instanceof Map) stack.push(entry[1]);
          }
        } else {
          for (const k in v) {
            if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
            if ((total += 16 + 2 * k.length) > budget) return Infinity;
            stack.push((v as Record<string, unknown>)[k]);
          }
        }
        break;
      }
      default:
        total += 8; // boolean, undefined
    }
    if (total > budget) return Infinity;
  }
  return total;
}
