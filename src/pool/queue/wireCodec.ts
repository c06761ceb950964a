/**
 * JSON that carries what structured cloning carries between a coordinator and a queue worker: typed
 * arrays (bit for bit, NaN payloads included), NaN, ±Infinity and -0, which plain JSON turns into
 * null or 0 — and a +Infinity fitness must stay +Infinity, or a failed candidate would win.
 *
 * Tagged values are objects with a `$w` key; a user object that happens to have one is wrapped, so
 * decoding never mistakes data for a tag.
 */

const TYPED = {
  f64: Float64Array,
  f32: Float32Array,
  i32: Int32Array,
  u32: Uint32Array,
  i16: Int16Array,
  u16: Uint16Array,
  i8: Int8Array,
  u8: Uint8Array,
} as const;
type TypedTag = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedTag]>;

/** Text for `value`; {@link decodeWire} gives it back. */
export function encodeWire(value: unknown): string {
  return JSON.stringify(toWire(value));
}

/** The value {@link encodeWire} encoded. @throws SyntaxError on text that is not JSON. */
export function decodeWire(text: string): unknown {
  return fromWire(JSON.parse(text));
}

function toWire(v: unknown): unknown {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return Object.is(v, -0) ? { $w: 'num', v: '-0' } : v;
    return { $w: 'num', v: String(v) };
  }
  if (v === null || typeof v !== 'object') return v;
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const tag = typedTag(v as Typed);
    const bytes = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    return { $w: tag, b: bytes.toString('base64') };
  }
  if (Array.isArray(v)) return v.map(toWire);
  if (v instanceof Map || v instanceof Set || v instanceof Date) {
    throw new TypeError(`wireCodec: cannot carry a ${v.constructor.name} (use plain objects and arrays)`);
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toWire(x);
  return '$w' in out ? { $w: 'obj', v: out } : out;
}

function fromWire(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(fromWire);
  const o = v as Record<string, unknown>;
  if ('$w' in o) {
    const tag = o.$w;
    if (tag === 'num') return Number(o.v);
    if (tag === 'obj') return decodeFields(o.v as Record<string, unknown>);
    if (typeof tag === 'string' && tag in TYPED) {
      const bytes = Buffer.from(String(o.b), 'base64');
      const Ctor = TYPED[tag as TypedTag];
      // Copy into a fresh, aligned buffer (Buffer pools may hand out unaligned offsets).
      const copy = new Uint8Array(bytes.byteLength);
      copy.set(bytes);
      return new Ctor(copy.buffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
    }
    throw new SyntaxError(`wireCodec: unknown tag ${JSON.stringify(tag)}`);
  }
  return decodeFields(o);
}

function decodeFields(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(o)) out[k] = fromWire(x);
  return out;
}

function typedTag(v: Typed): TypedTag {
  for (const [tag, Ctor] of Object.entries(TYPED)) if (v instanceof Ctor) return tag as TypedTag;
  throw new TypeError(`wireCodec: cannot carry a ${v.constructor.name}`);
}
