import { PARAMS, PASS, withStep, type HostileCase } from './HostileCase.ts';

// Each runner sets its own limit (1 s in the browser, 5 s in Node): the message names it.
const TIMEOUT = { code: 'timeout', message: /time limit of [1-5] s/ } as const;

/** Programs that never finish or eat the machine: stopped by the time limit, the stack or the heap. */
export const LIMIT_CASES: HostileCase[] = [
  { id: 'loop-in-step', what: 'while (true) inside step', source: withStep('while (true) {}'), phase: 'step', expect: TIMEOUT, timeLimit: true },
  {
    id: 'loop-in-parameters', what: 'an endless loop while defining the parameters',
    source: `const parameters = (() => { for (;;) {} })();\nfunction step(state) { ${PASS} }\n`, phase: 'load', expect: TIMEOUT, timeLimit: true,
  },
  { id: 'loop-at-top-level', what: 'an endless loop at top level', source: `${PARAMS}for (;;) {}\nfunction step(state) { ${PASS} }\n`, phase: 'load', expect: TIMEOUT, timeLimit: true },
  {
    id: 'loop-through-rng', what: 'an endless loop that keeps calling the host rng', source: withStep('let x = 0; for (;;) x += rng.random();'),
    phase: 'step', expect: TIMEOUT, timeLimit: true,
  },
  {
    id: 'deep-recursion', what: 'unbounded recursion', source: withStep('function f(n) { return f(n + 1) + 1; }\nreturn { S: f(0), I: 0, R: 0 };'),
    phase: 'step', expect: { code: 'runtime', message: /RangeError: Maximum call stack size exceeded/ },
  },
  {
    id: 'huge-array', what: 'new Array(2 ** 32)', source: withStep('const a = new Array(2 ** 32);\nreturn { S: a.length, I: 0, R: 0 };'),
    phase: 'step', expect: { code: 'runtime', message: /RangeError: Invalid array length/ },
  },
  {
    id: 'huge-typed-array', what: 'a 8 TB Float64Array', source: withStep('const a = new Float64Array(2 ** 40);\nreturn { S: a.length, I: 0, R: 0 };'),
    phase: 'step', expect: { code: 'runtime', message: /RangeError: (Invalid typed array length|Array buffer allocation failed)/ },
  },
  {
    id: 'string-doubling', what: 'doubling a string until it breaks', source: withStep("let s = 'x';\nfor (;;) s += s;"),
    phase: 'step', expect: { code: 'runtime', message: /RangeError: Invalid string length/ },
  },
  {
    id: 'heap-growth', what: 'keeping ever more arrays alive', source: withStep('const hoard = [];\nfor (;;) hoard.push(new Array(1e5).fill(state.S + 0.5));'),
    phase: 'step', expect: { code: 'runtime', message: /ran out of memory \(worker heap limit 96 MB/ },
    only: 'node',
    why: 'browsers give workers no heap limit: the bomb would take the sandbox process down (README "Security")',
  },
];
