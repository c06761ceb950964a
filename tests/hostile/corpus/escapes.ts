import { PARAMS, PASS, withStep, type HostileCase } from './HostileCase.ts';

/** Node refuses to compile strings inside the vm sandbox, so every Function/eval escape stops there. */
const NO_CODEGEN = { code: 'runtime', message: /EvalError: Code generation from strings disallowed/ } as const;

/**
 * Escapes from the evaluator to the real global: in Node they fail at once (no code from strings,
 * and every object a program sees belongs to its own realm); in the browser they reach the worker's
 * global, which has no network (CSP), no storage (opaque origin) and no such APIs left (stripped).
 */
export const ESCAPE_CASES: HostileCase[] = [
  {
    id: 'function-this-xhr', what: "Function('return this')() and a synchronous XMLHttpRequest from the real global",
    source: withStep('const g = Function("return this")();\nconst x = new g.XMLHttpRequest();\nx.open("GET", "/", false);\nx.send();\nreturn { S: x.status, I: 0, R: 0 };'),
    phase: 'step', expect: NO_CODEGEN, browser: { code: 'runtime', message: /TypeError: g\.XMLHttpRequest is not a constructor/ },
  },
  {
    id: 'constructor-chain', what: "({}).constructor.constructor('return this')() and localStorage",
    source: withStep('const g = ({}).constructor.constructor("return this")();\nreturn { S: g.localStorage.getItem("gsim.canary").length, I: 0, R: 0 };'),
    phase: 'step', expect: NO_CODEGEN, browser: { code: 'runtime', message: /TypeError: Cannot read properties of undefined \(reading 'getItem'\)/ },
  },
  {
    id: 'state-constructor-process', what: "the state object's Function constructor, to reach process.exit",
    source: withStep('const g = state.constructor.constructor("return this")();\ng.process.exit(3);\n' + PASS),
    phase: 'step', expect: NO_CODEGEN, browser: { code: 'runtime', message: /TypeError: Cannot read properties of undefined \(reading 'exit'\)/ },
  },
  {
    id: 'params-constructor', what: "the params object's Function constructor",
    source: withStep('const F = params.constructor.constructor;\nreturn { S: F("return typeof process === \'object\' ? 1 : 0")(), I: 0, R: 0 };'),
    phase: 'step', expect: NO_CODEGEN, browser: { code: 'ok', state: { S: 0 } },
  },
  {
    id: 'rng-constructor', what: "an rng method's Function constructor",
    source: withStep('const F = rng.binomial.constructor;\nreturn { S: F("return typeof require === \'function\' ? 1 : 0")(), I: 0, R: 0 };'),
    phase: 'step', expect: NO_CODEGEN, browser: { code: 'ok', state: { S: 0 } },
  },
  {
    id: 'error-constructor', what: "a host error's Function constructor (an rng RangeError caught in the program)",
    source: withStep('try { rng.binomial(-1, 0.5); } catch (e) {\n  e.constructor.constructor("return this")().fetch("http://example.com");\n}\n' + PASS),
    phase: 'step', expect: NO_CODEGEN, browser: { code: 'runtime', message: /TypeError: .*fetch is not a function/ },
  },
  {
    id: 'indirect-eval-indexeddb', what: "indirect eval('this') and indexedDB.open",
    source: withStep('const g = (0, eval)("this");\ng.indexedDB.open("gsim-canary");\n' + PASS),
    phase: 'step', expect: NO_CODEGEN, browser: { code: 'runtime', message: /TypeError: Cannot read properties of undefined \(reading 'open'\)/ },
  },
  {
    id: 'eval-import', what: 'import() hidden from the syntax check inside eval',
    source: withStep('return eval("imp" + "ort(\'data:text/javascript,export default 1\')");'),
    phase: 'step', expect: NO_CODEGEN, browser: { code: 'invalid-state', message: /Promise/ },
  },
  {
    id: 'prototype-pollution', what: 'pollutes Object.prototype and Array.prototype at top level, then runs',
    source: `${PARAMS}Object.prototype.polluted = 'yes';\nArray.prototype.push = function () { throw new Error('hijacked push'); };\nfunction step(state) { ${PASS} }\n`,
    // Core shares the program's realm (a fresh one per program, in both runners), so the hijacked push
    // breaks that realm's own work; the next program gets a fresh realm (the runners check it).
    phase: 'load', expect: { code: 'crash', message: /hijacked push/ },
  },
  {
    id: 'math-random-override', what: 'replaces Math.random', source: withStep('Math.random = () => 0.5;\n' + PASS),
    phase: 'step', expect: { code: 'runtime', message: /TypeError: Cannot assign to read only property 'random'/ },
  },
  { id: 'math-random', what: 'calls Math.random', source: withStep('return { S: Math.random(), I: 0, R: 0 };'), phase: 'step', expect: { code: 'forbidden', message: /use rng\.random\(\)/ } },
  {
    id: 'stack-trace-hook', what: 'installs Error.prepareStackTrace to collect call sites',
    source: withStep('Error.prepareStackTrace = (e, sites) => sites;\n' + PASS),
    phase: 'step', expect: { code: 'runtime', message: /Cannot assign to read only property 'prepareStackTrace'/ }, browser: { code: 'ok' },
  },
];
