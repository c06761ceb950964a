/** Handle returned by {@link createDrawQueue}. */
export interface DrawQueue {
  /**
   * Queues a redraw of `key` (a chart element). A redraw still pending for the same key is replaced:
   * only the latest state is drawn.
   * @param draw does the drawing; the next queued draw waits until its promise settles.
   */
  schedule(key: object, draw: () => unknown): void;
  /** Drops a pending redraw (the chart unmounted). */
  cancel(key: object): void;
}

/** Options of {@link createDrawQueue}. */
export interface DrawQueueOptions {
  /** The same chart is redrawn at most once per this many ms (its first draw is not delayed). */
  minIntervalMs: number;
  /** Runs `cb` in a later task of its own. Default: after the next paint (see {@link afterNextPaint}). */
  nextSlot?: (cb: () => void) => void;
  /** Clock, in ms. Default `performance.now`. */
  now?: () => number;
}

/**
 * Runs `cb` in a fresh task after the browser's next frame (rAF, then a macrotask), so a chart's
 * redraw and the frame that paints the previous one never share one long task.
 */
export function afterNextPaint(cb: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(cb, 0));
  else setTimeout(cb, 0);
}

/**
 * Serialises chart redraws so the main thread stays responsive while data streams in (calibration
 * progress): one chart per task, each task after a paint, and each chart at most once per
 * `minIntervalMs`, latest state wins. A Plotly redraw of a small chart costs 20–40 ms on a slow machine;
 * drawing two or three in one task is what made 100+ ms long tasks during a GA run.
 */
export function createDrawQueue({ minIntervalMs, nextSlot = afterNextPaint, now = () => performance.now() }: DrawQueueOptions): DrawQueue {
  const pending = new Map<object, () => unknown>();
  const lastDrawn = new WeakMap<object, number>();
  let slotPending = false;
  let drawing = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerAt = Infinity;

  const dueAt = (key: object) => (lastDrawn.get(key) ?? -Infinity) + minIntervalMs;

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    timerAt = Infinity;
  };

  const kick = () => {
    if (slotPending || drawing || pending.size === 0) return;
    const t = now();
    let earliest = Infinity;
    for (const key of pending.keys()) earliest = Math.min(earliest, dueAt(key));
    if (earliest <= t) {
      clearTimer();
      slotPending = true;
      nextSlot(pump);
    } else if (earliest < timerAt) {
      clearTimer();
      timerAt = earliest;
      timer = setTimeout(() => {
        timer = null;
        timerAt = Infinity;
        kick();
      }, earliest - t);
    }
  };

  const pump = () => {
    slotPending = false;
    const t = now();
    // Oldest due request first (a Map iterates in insertion order).
    let entry: [object, () => unknown] | undefined;
    for (const e of pending) {
      if (dueAt(e[0]) <= t) {
        entry = e;
        break;
      }
    }
    if (!entry) return kick();
    const [key, draw] = entry;
    pending.delete(key);
    lastDrawn.set(key, t);
    drawing = true;
    const done = () => {
      drawing = false;
      kick();
    };
    try {
      Promise.resolve(draw()).then(done, done);
    } catch {
      done();
    }
  };

  return {
    schedule(key, draw) {
      pending.delete(key); // re-insert at the back: a chart that just changed waits behind the others
      pending.set(key, draw);
      kick();
    },
    cancel(key) {
      pending.delete(key);
      if (pending.size === 0) clearTimer();
    },
  };
}
