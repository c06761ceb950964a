/**
 * The abort handle of the calibration in progress, kept apart from calibrationActions so that code
 * which only needs to stop a run (switching projects) does not pull the calibrators into the main
 * chunk.
 */
let controller: AbortController | null = null;

/** Registers the running calibration's controller (null when it ends). */
export function setRunController(c: AbortController | null): void {
  controller = c;
}

/** The running calibration's controller, if any. */
export function runController(): AbortController | null {
  return controller;
}

/** Stops the running calibration; the run keeps its best parameters so far and is marked cancelled. */
export function cancelCalibration(): void {
  controller?.abort();
}
