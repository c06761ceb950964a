/**
 * The text is not a valid expression. `pos` is the 0-based offset of the offending character;
 * `trailing` marks a complete expression followed by more text (`a); evil(`), which callers word as
 * "must be one expression".
 */
export class ExprSyntaxError extends Error {
  readonly pos: number;
  readonly trailing: boolean;

  constructor(message: string, pos: number, trailing = false) {
    super(message);
    this.name = 'ExprSyntaxError';
    this.pos = pos;
    this.trailing = trailing;
  }
}

/**
 * Evaluation failed: an unknown name (`ReferenceError`), a value of the wrong kind (`TypeError`) or an
 * index outside a series (`RangeError`). `kind` is worded like JavaScript's so messages stay familiar.
 */
export class ExprEvalError extends Error {
  readonly kind: 'ReferenceError' | 'TypeError' | 'RangeError';
  readonly pos: number;

  constructor(kind: ExprEvalError['kind'], message: string, pos: number) {
    super(message);
    this.name = 'ExprEvalError';
    this.kind = kind;
    this.pos = pos;
  }
}
