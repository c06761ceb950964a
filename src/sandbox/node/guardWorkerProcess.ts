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

/**
 * The same guard for a main thread that compiles programs (the CLI): an unhandled rejection or uncaught
 * exception is still fatal, as by default, but it is reported as text read off the value (its stack or
 * message), never through `util.inspect`.
 */
export function guardMainProcess(): void {
  const fatal = (what: string) => (value: unknown) => {
    process.stderr.write(`gsim: ${what}: ${describeSafely(value)}\n`);
    process.exit(1);
  };
  process.on('unhandledRejection', fatal('unhandled promise rejection'));
  process.on('uncaughtException', fatal('uncaught exception'));
}

function describeSafely(value: unknown): string {
  try {
    if (Object.prototype.toString.call(value) === '[object Error]') {
      const e = value as { stack?: unknown; message?: unknown };
      return typeof e.stack === 'string' ? e.stack : String(e.message);
    }
    return typeof value === 'string' ? value : `a non-Error value (${typeof value})`;
  } catch {
    return 'a value that cannot be described';
  }
}
