/** Handle returned by {@link createLatestOnly}. */
export interface LatestOnly<I> {
  /** Asks for a run with `input`; supersedes any input still waiting. */
  submit(input: I): void;
  /** Inputs dropped because a newer one arrived before they started (for tests and the UI). */
  readonly superseded: number;
  /** Aborts the run in flight and drops the waiting input; later submits are ignored. */
  dispose(): void;
}

/**
 * Runs an async job for the latest input only: while one run is in flight, new inputs replace each
 * other in a one-place queue, and the last one starts when the run finishes. Superseded inputs never
 * start, so a slider dragged across its range costs at most two runs, not one per pixel. The run in
 * flight is not aborted (restarting a worker costs more than finishing a short run), except on dispose.
 * @param run the job; its signal aborts on dispose.
 * @param deliver receives each result with the input that produced it, or the error.
 */
export function createLatestOnly<I, O>(
  run: (input: I, signal: AbortSignal) => Promise<O>,
  deliver: (result: { ok: true; value: O; input: I } | { ok: false; error: unknown; input: I }) => void,
): LatestOnly<I> {
  let busy = false;
  let waiting: { input: I } | null = null;
  let disposed = false;
  let superseded = 0;
  const controller = new AbortController();

  const start = (input: I) => {
    busy = true;
    run(input, controller.signal)
      .then(
        (value) => !disposed && deliver({ ok: true, value, input }),
        (error: unknown) => !disposed && deliver({ ok: false, error, input }),
      )
      .finally(() => {
        busy = false;
        const next = waiting;
        waiting = null;
        if (next && !disposed) start(next.input);
      });
  };

  return {
    submit(input) {
      if (disposed) return;
      if (!busy) return start(input);
      if (waiting) superseded++;
      waiting = { input };
    },
    get superseded() {
      return superseded;
    },
    dispose() {
      disposed = true;
      waiting = null;
      controller.abort();
    },
  };
}
