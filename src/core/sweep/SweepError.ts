/**
 * A sweep grid or results file that cannot be used, with where the problem is (a JSON path such as
 * `methods[2]` or `cells[14].testW1`). Parsing never half-succeeds: one of these is thrown first.
 */
export class SweepError extends Error {
  /** JSON path of the offending value; empty for the whole document. */
  readonly path: string;

  constructor(path: string, message: string) {
    super(path ? `${path}: ${message}` : message);
    this.name = 'SweepError';
    this.path = path;
  }
}
