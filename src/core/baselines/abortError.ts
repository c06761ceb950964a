/** The error a cancelled fit or training run throws (`name === 'AbortError'`, as fetch and the CLI expect). */
export function abortError(): Error {
  const e = new Error('cancelled');
  e.name = 'AbortError';
  return e;
}
