/**
 * The cancel handle of the G-Sim loop in progress, kept apart from loopActions so that code which only
 * needs to stop it (switching projects) does not pull the loop, the providers and the SDKs into the
 * main chunk (as runControl does for calibrations).
 */
let stopper: (() => Promise<void>) | null = null;

/** Registers the running loop's cancel function (null when it ends). */
export function setLoopStopper(stop: (() => Promise<void>) | null): void {
  stopper = stop;
}

/** Cancels the running loop, if any, and resolves when it has stopped. */
export async function cancelLoop(): Promise<void> {
  await stopper?.();
}
