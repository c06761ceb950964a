import { parse } from 'acorn';
import type { Rng } from '../rng/Rng.ts';
import { callProgram, describe, SOURCE_URL } from './callProgram.ts';
import { findImportCall } from './findImportCall.ts';
import { currentSandboxEvaluator } from './installedSandboxEvaluator.ts';
import type { EvaluatedProgram, SandboxEvaluator } from './SandboxEvaluator.ts';
import { SimulatorError } from './SimulatorError.ts';
import type { Action, CompiledSimulator, ParameterSpec, ParamValues, State, StepFn } from './types.ts';


/**
 * Compiles simulator source text (the documented simulator form: a script that declares
 * `const parameters = { name: { min, max, init? } }` and `function step(state, action, params, rng)`)
 * into a validated {@link CompiledSimulator}.
 *
 * Throws {@link SimulatorError} with code `syntax` (with line and column) when the source does not
 * parse, `runtime` when its top level throws, and `definition` when `parameters` or `step` is missing
 * or malformed.
 *
 * @example
 * const sim = compileSimulator(source);
 * const next = sim.step({ S: 990, I: 10, R: 0 }, null, { beta: 0.5, gamma: 0.1 }, createRng(1), ['S', 'I', 'R']);
 */
export function compileSimulator(source: string): CompiledSimulator {
  if (typeof source !== 'string') throw new SimulatorError('definition', 'simulator source must be a string');
  checkSyntax(source);
  const evaluator = currentSandboxEvaluator();
  const raw = evaluateProgram(evaluator, source);
  const declared = readParameters(raw.parameters);
  const parameters = declared.filter((p) => !p.fixed);
  const fixedParameters = declared.filter((p) => p.fixed);
  const withFixed = fixedDefaults(fixedParameters);
  if (typeof raw.step !== 'function') {
    throw new SimulatorError('definition', 'the program must define `function step(state, action, params, rng)` returning the next state');
  }
  const stepFn = raw.step as StepFn;
  const initFn = typeof raw.initialState === 'function' ? (raw.initialState as (rng: Rng) => State) : undefined;

  return {
    source,
    parameters,
    fixedParameters,
    initialState: initFn
      ? (rng) => {
          const s = callProgram(() => initFn(rng), evaluator, 'initialState');
          if (s === null || typeof s !== 'object' || Array.isArray(s)) {
            throw new SimulatorError('invalid-state', `initialState returned ${describe(s)}; expected a state object`);
          }
          return s;
        }
      : undefined,
    step(state: State, action: Action, params: ParamValues, rng: Rng, required: readonly string[]): State {
      const full = withFixed(params);
      const next = callProgram(() => stepFn(state, action, full, rng), evaluator, 'step');
      return validateState(next, required);
    },
  };
}

/**
 * Completes `params` with the fixed parameters' init values the caller did not pass. The last answer is
 * cached by identity for frozen params (rollouts pass the same frozen object for many steps); an
 * unfrozen object may be edited in place between calls, so it is merged afresh each time.
 */
function fixedDefaults(fixed: readonly ParameterSpec[]): (params: ParamValues) => ParamValues {
  if (fixed.length === 0) return (params) => params;
  let lastIn: ParamValues | undefined;
  let lastOut: ParamValues | undefined;
  return (params) => {
    if (params === lastIn && lastOut && Object.isFrozen(params)) return lastOut;
    let out: Record<string, number> | undefined;
    for (const p of fixed) {
      if (params[p.name] === undefined) (out ??= { ...params })[p.name] = p.init!;
    }
    lastIn = params;
    lastOut = out ? Object.freeze(out) : params;
    return lastOut;
  };
}

function checkSyntax(source: string): void {
  let ast: unknown;
  try {
    ast = parse(source, { ecmaVersion: 'latest', sourceType: 'script', locations: true });
  } catch (e) {
    const err = e as { message?: string; loc?: { line: number; column: number } };
    const msg = (err.message ?? String(e)).replace(/\s*\(\d+:\d+\)$/, '');
    const loc = err.loc;
    throw new SimulatorError('syntax', loc ? `Syntax error at line ${loc.line}, column ${loc.column + 1}: ${msg}` : `Syntax error: ${msg}`, loc ? { line: loc.line, column: loc.column + 1 } : undefined);
  }
  const found = findImportCall(ast);
  if (found) {
    const { line, column } = found.loc.start;
    throw new SimulatorError('forbidden', `import() is not available to simulator programs (no modules, network or file system), at line ${line}, column ${column + 1}`, { line, column: column + 1 });
  }
}

function evaluateProgram(evaluator: SandboxEvaluator, source: string): EvaluatedProgram {
  return callProgram(() => evaluator.evaluate(source, SOURCE_URL), evaluator, 'top level');
}

function readParameters(raw: unknown): ParameterSpec[] {
  if (raw === undefined) throw new SimulatorError('definition', 'the program must declare `const parameters = { name: { min, max, init } , ... }`');
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SimulatorError('definition', `parameters must be an object of { min, max, init? } entries, got ${describe(raw)}`);
  }
  const specs: ParameterSpec[] = [];
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === null || typeof value !== 'object') {
      throw new SimulatorError('definition', `parameters.${name} must be { min, max, init? }, got ${describe(value)}`);
    }
    const v = value as Record<string, unknown>;
    for (const key of ['min', 'max'] as const) {
      if (typeof v[key] !== 'number' || !Number.isFinite(v[key])) {
        throw new SimulatorError('definition', `parameters.${name}.${key} must be a finite number, got ${describe(v[key])}`);
      }
    }
    const min = v.min as number;
    const max = v.max as number;
    if (!(min < max)) throw new SimulatorError('definition', `parameters.${name}: min (${min}) must be below max (${max})`);
    let init: number | undefined;
    if (v.init !== undefined) {
      if (typeof v.init !== 'number' || !Number.isFinite(v.init) || v.init < min || v.init > max) {
        throw new SimulatorError('definition', `parameters.${name}.init must be a number in [${min}, ${max}], got ${describe(v.init)}`);
      }
      init = v.init;
    }
    const description = typeof v.description === 'string' ? v.description : undefined;
    if (v.fixed !== undefined && typeof v.fixed !== 'boolean') {
      throw new SimulatorError('definition', `parameters.${name}.fixed must be true or false, got ${describe(v.fixed)}`);
    }
    if (v.fixed === true) {
      if (init === undefined) throw new SimulatorError('definition', `parameters.${name} is fixed, so it needs an init value (the value step receives)`);
      specs.push({ name, min, max, init, description, fixed: true });
    } else {
      specs.push({ name, min, max, init, description });
    }
  }
  return specs;
}

/** Checks a returned state: an object carrying every required variable as a finite number. */
export function validateState(next: unknown, required: readonly string[]): State {
  if (next === null || typeof next !== 'object' || Array.isArray(next)) {
    throw new SimulatorError('invalid-state', `step returned ${describe(next)}; expected a state object with ${required.map((r) => `"${r}"`).join(', ')}`);
  }
  if (typeof (next as { then?: unknown }).then === 'function') {
    throw new SimulatorError('invalid-state', 'step returned a Promise: step must be synchronous (no async/await)');
  }
  const s = next as State;
  for (let k = 0; k < required.length; k++) {
    const key = required[k];
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new SimulatorError(
        'invalid-state',
        v === undefined ? `step returned a state without "${key}"` : `step returned state.${key} = ${describe(v)}; expected a finite number`,
      );
    }
  }
  return s;
}
