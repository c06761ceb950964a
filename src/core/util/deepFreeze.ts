/**
 * Freezes an object graph in place, so a simulator program cannot change the data it is handed
 * (a `state.pipeline.push(…)` in one draw would otherwise leak into every later draw and into the
 * dataset). In strict-mode programs a write then throws a TypeError, reported with its line.
 * NOTE: mutates `value` (freezes it) and returns it. Already-frozen subgraphs are skipped.
 */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value as object)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
