/**
 * A simulator program's top-level declarations after evaluation, as the host sees them. `step` and
 * `initialState` are host-callable when the program declared functions; otherwise they hold what was
 * declared (so compileSimulator can say what is wrong). Arguments the host passes and values the
 * program returns cross the sandbox boundary inside these functions.
 */
export interface EvaluatedProgram {
  /** The `parameters` declaration as plain data, or undefined when absent. */
  readonly parameters: unknown;
  readonly step: unknown;
  readonly initialState: unknown;
}

/**
 * Where simulator code runs. Core stays environment-free: it only knows this interface, and each
 * environment installs the evaluator that isolates programs there (Node worker threads: a `node:vm`
 * context; the browser: the default functionEvaluator (installedSandboxEvaluator.ts), because there the whole worker sits in
 * an opaque-origin sandboxed iframe under a CSP; see README "Security").
 */
export interface SandboxEvaluator {
  /** Short name for diagnostics ("function", "vm"). */
  readonly name: string;
  /**
   * Runs a syntax-checked script and returns its declarations. Throws what the program's top level
   * throws (possibly a value from another realm), or `SimulatorError('syntax')` when the engine rejects
   * the text. Stack traces of program code name `sourceUrl`.
   */
  evaluate(source: string, sourceUrl: string): EvaluatedProgram;
  /** Lines the evaluator puts before line 1 of the source in stack traces (subtracted from positions). */
  lineOffset(): number;
}
