/**
 * A worker API as the main thread calls it: every method returns a promise of its result. Used in
 * place of comlink's `Remote<T>`, whose promise type distributes over unions (`LoadResult` would come
 * back as `Promise<Ok> | Promise<Err>`, which defeats inference in `pool.broadcast(...)`). Runtime
 * behaviour is comlink's; only the type is stricter.
 */
export type RemoteApi<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};
