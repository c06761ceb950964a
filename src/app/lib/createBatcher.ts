/** Handle returned by {@link createBatcher}. */
export interface Batcher<T> {
  push(item: T): void;
  /** Delivers pending items now (e.g. when the run ends). */
  flush(): void;
  cancel(): void;
}

/**
 * Collects high-rate events (calibration progress) and delivers them in batches at most once per
 * `intervalMs`, so the store and React see a handful of updates per second however fast workers are.
 * The first event after a quiet spell is delivered at once (leading edge) so progress shows promptly.
 * @param deliver receives each batch, in order.
 * @param intervalMs minimum time between deliveries.
 */
export function createBatcher<T>(deliver: (items: T[]) => void, intervalMs: number): Batcher<T> {
  let pending: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;

  const flush = () => {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (pending.length === 0) return;
    const items = pending;
    pending = [];
    last = performance.now();
    deliver(items);
  };

  return {
    push(item) {
      pending.push(item);
      if (timer !== null) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    flush,
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      pending = [];
    },
  };
}
