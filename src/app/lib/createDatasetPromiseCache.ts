/**
 * A few results computed from a dataset, each a promise kept under (dataset, key): the last `size`
 * asked for are remembered, and a failure is forgotten, so the next ask tries again. Used by work the
 * page derives from a dataset once per session (the landscape, the benchmark noise floor).
 */
export function createDatasetPromiseCache<T>(size: number) {
  const entries: { dataset: object; key: string; value: Promise<T> }[] = [];
  return (dataset: object, key: string, compute: () => Promise<T>): Promise<T> => {
    const hit = entries.find((e) => e.dataset === dataset && e.key === key);
    if (hit) return hit.value;
    const value = compute();
    entries.push({ dataset, key, value });
    if (entries.length > size) entries.shift();
    value.catch(() => {
      const i = entries.findIndex((e) => e.value === value);
      if (i >= 0) entries.splice(i, 1);
    });
    return value;
  };
}
