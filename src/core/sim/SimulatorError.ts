/** Why a simulator program failed; the UI and CLI tell these apart. */
export type SimulatorErrorCode =
  | 'syntax' // the source does not parse
  | 'definition' // parameters/step missing or malformed
  | 'runtime' // the program threw
  | 'invalid-state' // step returned a missing key, wrong type, NaN or Infinity
  | 'timeout' // the program ran past its time limit and its worker was replaced
  | 'forbidden'; // the program touched an API it may not use (network, storage, DOM)

/**
 * An error in a user's (or an LLM's) simulator program, with the position in the source when known
 * (1-based line and column), so editors can place a marker.
 */
export class SimulatorError extends Error {
  readonly code: SimulatorErrorCode;
  readonly line?: number;
  readonly column?: number;

  constructor(code: SimulatorErrorCode, message: string, position?: { line?: number; column?: number }) {
    super(message);
    this.name = 'SimulatorError';
    this.code = code;
    this.line = position?.line;
    this.column = position?.column;
  }

  /** A plain object that survives structured cloning between workers. */
  toJSON(): SimulatorErrorData {
    return { code: this.code, message: this.message, line: this.line, column: this.column };
  }

  static fromJSON(d: SimulatorErrorData): SimulatorError {
    return new SimulatorError(d.code, d.message, d);
  }
}

export interface SimulatorErrorData {
  code: SimulatorErrorCode;
  message: string;
  line?: number;
  column?: number;
}
