/** Exit code of a worker that a program's left-over async error ended (createNodePool names it). */
export const ASYNC_ERROR_EXIT_CODE = 70;

/**
 * Keeps Node's own error reporting away from values a sandboxed program produced. A program can leave a
 * rejected promise (or a FinalizationRegistry callback that throws) behind; Node would format that value
 * with `util.inspect`, which calls the value's `[util.inspect.custom](depth, options, inspect)` with
 * host objects, a way out of the vm sandbox. With these listeners Node hands the value to us instead,
 * and we never look at it: a rejection is dropped (the call that created it already failed or returned),
 * an uncaught exception ends the worker, which the pool replaces.
 */
export function guardWorkerProcess(): void {
  process.on('unhandledRejection', () => {});
  process.on('uncaughtException', () => process.exit(ASYNC_ERROR_EXIT_CODE));
}
