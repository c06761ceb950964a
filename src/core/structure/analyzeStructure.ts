import { buildStructureGraph } from './buildStructureGraph.ts';
import { callFunction, evalStatements } from './evalStatements.ts';
import { assign, evalExpr } from './evalExpression.ts';
import { childScope, type Flow, type Frame, type Scope } from './flowState.ts';
import { mergeValue, type FlowValue } from './flowValues.ts';
import { outlineProgram, StructureSyntaxError, type AstNode } from './programOutline.ts';
import type { StructureGraph } from './StructureGraph.ts';

/** Passes over the program before giving up on a fixpoint (loops converge in a few). */
const MAX_PASSES = 40;

/** What {@link analyzeStructure} answers: the graph, or where the program fails to parse. */
export type StructureResult = { ok: true; graph: StructureGraph } | { ok: false; error: { message: string; line: number; column: number } };

/** Options of {@link analyzeStructure}. */
export interface AnalyzeStructureOptions {
  /** State variables known to exist (e.g. the dataset's), so `{...state}` and `state[k]` can name them. */
  stateVariables?: readonly string[];
}

/**
 * Static analysis of a simulator program: which parameters, state variables and action each next
 * state variable depends on, through local variables, helper functions, loops and conditions, and the
 * submodules (named helpers, `// --- name` blocks) in between.
 *
 * The analysis is an abstract interpretation of `step` over dependency sets: every value carries the
 * inputs it was computed from; assignments made under a condition also depend on the condition
 * (control flow), and after `if (guard) return …` the rest of the block depends on the guard. The
 * store is flow-insensitive (a variable's dependencies are joined over all its assignments) and the
 * passes repeat until nothing grows, which covers loops. Helpers are analysed per call site.
 *
 * @example
 * const r = analyzeStructure(covid.starterSource);
 * if (r.ok) r.graph.edges.filter((e) => e.kind === 'influence'); // param:beta → state:I, …
 */
export function analyzeStructure(source: string, options: AnalyzeStructureOptions = {}): StructureResult {
  let outline;
  try {
    outline = outlineProgram(source);
  } catch (e) {
    if (e instanceof StructureSyntaxError) return { ok: false, error: { message: e.message, line: e.line, column: e.column } };
    throw e;
  }
  const flow: Flow = {
    outline,
    store: new Map(),
    changed: false,
    stepReturn: { deps: new Map() },
    writeRanges: new Map(),
    nodeRanges: new Map(),
    submodules: new Map(),
    active: [],
    warnings: new Set(),
    callFunction: (fn, args, caller, call) => callFunction(fn, args, caller, call, flow),
  };
  for (const b of outline.blocks) flow.submodules.set(b.name, { name: b.name, kind: 'block', ranges: [b.range], reads: new Map() });
  if (!outline.step) flow.warnings.add('The program defines no `function step(state, action, params, rng)`: there is no structure to draw.');
  else {
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      flow.changed = false;
      runPass(outline.program, outline.step, flow);
      if (!flow.changed) break;
    }
  }
  return { ok: true, graph: buildStructureGraph(flow, options.stateVariables ?? []) };
}

/** One pass: the top level (constants, helpers), then step with symbolic inputs. */
function runPass(program: AstNode, step: AstNode, flow: Flow): void {
  const top: Scope = { vars: new Map(), parent: null };
  const topFrame: Frame = { scope: top, ctx: 'top', control: new Map(), returns: { deps: new Map() }, isStep: false };
  // Top-level declarations other than step's inputs: constants such as WARD_ORDER, helper functions.
  evalStatements(
    (program.body as AstNode[]).filter((s) => s.type !== 'ExpressionStatement'),
    topFrame,
    flow,
  );
  const frame: Frame = { scope: childScope(top), ctx: 'step', control: new Map(), returns: { deps: new Map() }, isStep: true };
  const [stateP, actionP, paramsP, rngP] = step.params as (AstNode | undefined)[];
  const range = (n: AstNode) => flow.outline.rangeOf(n.start, n.end);
  const input = (p: AstNode | undefined, value: FlowValue) => p && assign(p, value, frame, flow, true);
  if (stateP) input(stateP, { deps: new Map([['state:*', [range(stateP)]]]), ref: 'state' });
  if (actionP) input(actionP, { deps: new Map([['action:action', [range(actionP)]]]) });
  if (paramsP) input(paramsP, { deps: new Map([['param:*', [range(paramsP)]]]), ref: 'params' });
  input(rngP, { deps: new Map(), ref: 'rng' });
  if (step.body.type === 'BlockStatement') evalStatements(step.body.body, frame, flow);
  else mergeValue(frame.returns, evalExpr(step.body, frame, flow));
  if (mergeValue(flow.stepReturn, frame.returns)) flow.changed = true;
}
