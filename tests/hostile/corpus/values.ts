import { PARAMS, withStep, type HostileCase } from './HostileCase.ts';

const invalid = (message: RegExp) => ({ code: 'invalid-state', message }) as const;
const runtime = (message: RegExp) => ({ code: 'runtime', message }) as const;

/** Programs that return or throw the wrong things, or are not programs at all. */
export const VALUE_CASES: HostileCase[] = [
  { id: 'returns-nan', what: 'returns NaN', source: withStep('return { S: NaN, I: 0, R: 0 };'), phase: 'step', expect: invalid(/state\.S = NaN/) },
  { id: 'returns-infinity', what: 'returns Infinity', source: withStep('return { S: 0, I: Infinity, R: 0 };'), phase: 'step', expect: invalid(/state\.I = Infinity/) },
  { id: 'returns-string', what: 'returns a string for a variable', source: withStep('return { S: "5", I: 0, R: 0 };'), phase: 'step', expect: invalid(/state\.S = "5"/) },
  { id: 'missing-key', what: 'leaves out a variable', source: withStep('return { S: 1, I: 1 };'), phase: 'step', expect: invalid(/without "R"/) },
  { id: 'returns-null', what: 'returns null', source: withStep('return null;'), phase: 'step', expect: invalid(/step returned null/) },
  {
    // A million (8 MB): 0.1 s in the browser when idle. Three million took 0.3 s idle but passed the pool's
    // 1 s limit beside a CPU burner, ending as a (correct) timeout instead of the case's point, a huge answer.
    id: 'huge-object', what: 'returns a state carrying a million numbers', source: withStep('return { S: 1, I: 1, R: 1, junk: new Array(1e6).fill(0) };'),
    phase: 'step', expect: { code: 'ok', state: { S: 1 } },
  },
  {
    id: 'cyclic-state', what: 'returns a state that contains itself', source: withStep('const s = { S: 1, I: 1, R: 1 };\ns.self = s;\nreturn s;'),
    phase: 'step', expect: { code: 'ok', state: { S: 1 } },
  },
  { id: 'throws-string', what: 'throws a string', source: withStep('throw "boom";'), phase: 'step', expect: runtime(/step threw a non-Error value \("boom"\)/) },
  { id: 'throws-null', what: 'throws null', source: withStep('throw null;'), phase: 'step', expect: runtime(/step threw a non-Error value \(null\)/) },
  { id: 'throws-object', what: 'throws a plain object', source: withStep('throw { reason: "nope" };'), phase: 'step', expect: runtime(/step threw a non-Error value \(an object\)/) },
  {
    id: 'throws-trap-proxy', what: 'throws a Proxy whose every trap throws',
    source: withStep('const trap = () => { throw new Error("trap"); };\nthrow new Proxy({}, { get: trap, getPrototypeOf: trap, ownKeys: trap, has: trap });'),
    phase: 'step', expect: runtime(/step threw a non-Error value \(an object\)/),
  },
  {
    id: 'throws-error-at-line', what: 'throws an Error on line 4', source: withStep('const x = 1;\nthrow new TypeError("bad " + x);'),
    phase: 'step', expect: runtime(/step threw TypeError: bad 1 at line 4/),
  },
  { id: 'syntax-error', what: 'does not parse', source: `${PARAMS}function step(state {\n  return state;\n}\n`, phase: 'load', expect: { code: 'syntax', message: /Syntax error at line 2/ } },
  {
    id: 'async-step', what: 'an async step', source: `${PARAMS}async function step(state) { return { S: state.S, I: state.I, R: state.R }; }\n`,
    phase: 'step', expect: invalid(/Promise/),
  },
  {
    id: 'bad-parameters', what: 'parameters with min above max', source: 'const parameters = { beta: { min: 2, max: 1 } };\nfunction step(s) { return s; }\n',
    phase: 'load', expect: { code: 'definition', message: /parameters\.beta: min \(2\) must be below max \(1\)/ },
  },
  {
    id: 'top-level-throw', what: 'throws at top level', source: `${PARAMS}throw new Error("no model today");\nfunction step(s) { return s; }\n`,
    phase: 'load', expect: runtime(/top level threw Error: no model today at line 2/),
  },
];
