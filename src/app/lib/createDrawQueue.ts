/** Handle returned by {@link createDrawQueue}. */
export interface DrawQueue {
  /**
   * Queues a redraw of `key` (a chart element). A redraw still pending for the same key is replaced:
   * only the latest state is drawn.
   * @param draw does the drawing; the next queued draw waits until its promise settles. It may resolve
   *   to the drawing's own cost in ms (else the time until it settles counts), which paces redraws.
   */
  schedule(key: object, draw: () => unknown): void;
  /** Drops a pending redraw (the chart unmounted). */
  cancel(key: object): void;
}

/** Options of {@link createDrawQueue}. */
export interface DrawQueueOptions {
  /** The same chart is redrawn at most once per this many ms (its first draw is not delayed). */
  minIntervalMs: number;
  /**
   * The largest share of the main thread one chart's redraws may take (0–1, default 1: no pacing).
   * A redraw that cost `c` ms holds the chart's next one back for at least `c / maxShare` ms from its
   * start, so a chart fed by a running calibration redraws less often when its draws are slow (a
   * loaded machine, a big chart) instead of taking the main thread from the run's workers. A function
   * is read whenever a redraw's time is worked out (e.g. a smaller share while a calibration runs).
   */
  maxShare?: number | (() => number);
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
 * `minIntervalMs` (longer when its draws are costly, see `maxShare`), latest state wins. A Plotly
 * redraw of a small chart costs 20–40 ms on a slow machine; drawing two or three in one task is what
 * made 100+ ms long tasks during a GA run.
 */
export function createDrawQueue({ minIntervalMs, maxShare = 1, nextSlot = afterNextPaint, now = () => performance.now() }: DrawQueueOptions): DrawQueue {
  const shareNow = (): number => {
    const share = typeof maxShare === 'function' ? maxShare() : maxShare;
    if (!(share > 0 && share <= 1)) throw new RangeError(`createDrawQueue: maxShare must be in (0, 1], got ${share}`);
    return share;
  };
  shareNow();
  const pending = new Map<object, () => unknown>();
  /** When each chart's last draw started and what it cost (ms). */
  const last = new WeakMap<object, { start: number; cost: number }>();
  let slotPending = false;
  let drawing = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let timerAt = Infinity;

  const dueAt = (key: object) => {
    const l = last.get(key);
    return l ? l.start + Math.max(minIntervalMs, l.cost / shareNow()) : -Infinity;
  };

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
    const record = { start: t, cost: 0 };
    last.set(key, record);
    drawing = true;
    const done = (cost: unknown) => {
      record.cost = typeof cost === 'number' && Number.isFinite(cost) ? cost : now() - t;
      drawing = false;
      kick();
    };
    try {
      Promise.resolve(draw()).then(done, () => done(undefined));
    } catch {
      done(undefined);
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
