// Hostile inputs for the `gsim` executable (issue 13): programs, scenario/grid/rule files, special files
// and flags an attacker or a typo supplies. Each case runs the real gsim with a canary API key in its
// environment and a loopback listener; the runner (cliHostileCorpus.test.ts) also checks that no canary
// leaves, nobody connects, and nothing is written outside the case's own directory.

/** Placeholders the runner fills in: the listener's port and a marker file outside the case directory. */
export const PORT = '__PORT__';
export const MARKER = '__MARKER__';

export interface CliCase {
  id: string;
  /** The class of attack (issue 13's list). */
  kind: 'host-realm error' | 'inspect/stack hook' | 'top-level hang' | 'truth tampering' | 'off-heap memory' | 'special file' | 'flag overflow' | 'getter/proxy' | 'expression' | 'output' | 'data';
  what: string;
  /** Files to create in the case directory (name → content); `fifo:` and `symlink:` make special files. */
  files?: Record<string, string>;
  args: string[];
  /** Exit code, and what stderr (or stdout) must say. */
  expect: { code: number; stderr?: RegExp; stdout?: RegExp };
}

const PARAMS = 'const parameters = { beta: { min: 0, max: 2, init: 0.5 }, gamma: { min: 0, max: 1, init: 0.1 } };\n';
const SIR = `
function sir(s, p, rng) {
  const n = s.S + s.I + s.R;
  const inf = rng.binomial(s.S, Math.min(1, Math.max(0, 1 - Math.exp(-p.beta * s.I / Math.max(n, 1)))));
  const rec = rng.binomial(s.I, p.gamma);
  return { S: s.S - inf, I: s.I + inf - rec, R: s.R + rec };
}
`;

/**
 * What a program does with anything it hopes is the host's `Function`: take `process`, read the key,
 * write a file, run a command, call the listener. Every step reports into a string the program then
 * throws, so the test sees that the attempt ran and how far it got ("blocked: …" is the only good end).
 */
const PWN = `
function pwn(F) {
  const r = [];
  try {
    const g = F('return globalThis')();
    const p = g.process;
    r.push('ESCAPED env=' + JSON.stringify(p.env));
    try { p.getBuiltinModule('fs').writeFileSync('${MARKER}', 'x'); r.push('WROTE'); } catch (e) { r.push('nowrite ' + e.code); }
    try { r.push('EXEC ' + p.getBuiltinModule('child_process').execSync('id')); } catch (e) { r.push('noexec ' + e.code); }
    try { const s = p.getBuiltinModule('net').connect(${PORT}, '127.0.0.1'); s.on('error', () => {}); r.push('connecting'); } catch (e) { r.push('nonet ' + e.code); }
  } catch (e) {
    r.push('blocked: ' + (e && e.message));
  }
  return r.join('; ');
}
`;

/** A program whose step runs `attack` (an expression giving a value whose constructor.constructor is tried) and throws the report. */
function escapeViaError(attack: string): string {
  return `${PARAMS}${PWN}
let report = 'no error';
try { ${attack} } catch (h) { try { report = pwn(h.constructor.constructor); } catch (x) { report = 'blocked: ' + x; } }
function step(s, a, p, rng) { throw new Error('probe ' + report); }
`;
}

const EVAL = (file: string) => ['evaluate', '--sim', file, '--data', 'd.json', '--workers', '1', '--states', '5', '--samples', '20'];
const BLOCKED = { code: 1, stderr: /probe (blocked|no error)/ };

const hostRealm: CliCase[] = [
  ['symbol-name-stack', 'an Error whose name is a Symbol, then .stack', "const e = new Error('x'); e.name = Symbol('s'); e.stack;"],
  ['symbol-message-stack', 'an Error whose message is a Symbol, then .stack', "const e = new Error('x'); e.message = Symbol('s'); e.stack;"],
  ['capture-plain-symbol', 'captureStackTrace on an object named by a Symbol', "const o = { name: Symbol('n') }; Error.captureStackTrace(o); o.stack;"],
  ['capture-then-symbol', 'captureStackTrace, then a Symbol name', "const o = {}; Error.captureStackTrace(o); o.name = Symbol(); o.message = Symbol(); String(o.stack);"],
  ['prepare-callsite-this', 'prepareStackTrace handing out call sites (getThis)', "Error.prepareStackTrace = (e, cs) => cs.map((c) => c.getThis()); const t = new Error().stack; for (const x of t) if (x) { report = pwn(x.constructor.constructor); } throw 0;"],
  ['prepare-callsite-fn', 'prepareStackTrace handing out call sites (getFunction)', "Error.prepareStackTrace = (e, cs) => cs.map((c) => c.getFunction()); const t = new Error().stack; for (const f of t) if (f) { report = pwn(f.constructor); } throw 0;"],
  ['overflow-host-error', 'a stack overflow, then the RangeError\'s constructor', 'const f = () => f(); f();'],
  ['aggregate-symbol', 'an AggregateError holding a Symbol, then .stack', "const e = new AggregateError([Symbol()], Symbol('m')); e.name = Symbol(); e.stack;"],
  ['throwing-name-getter', 'a name getter that throws while the stack is formatted', "const e = new Error('x'); Object.defineProperty(e, 'name', { get() { throw new TypeError('g'); } }); e.stack;"],
  ['proxy-error-stack', 'a Proxy of an Error asked for its stack', "const e = new Proxy(new Error('x'), { get(t, k) { if (k === 'name') return Symbol(); return Reflect.get(t, k); } }); Error.captureStackTrace(e); e.stack;"],
  ['async-fn-ctor', 'the AsyncFunction constructor', "throw { constructor: { constructor: (async () => {}).constructor } };"],
  ['generator-ctor', 'the GeneratorFunction constructor', "throw { constructor: { constructor: (function* () {}).constructor } };"],
  ['stack-limit-getter', 'a stackTraceLimit getter that throws', "Object.defineProperty(Error, 'stackTraceLimit', { get() { throw new Error('l'); } }); new Error('x').stack;"],
  ['tostring-tag-error', 'Symbol.toStringTag and toPrimitive on a thrown object', "throw { [Symbol.toPrimitive]() { throw new TypeError('p'); }, get [Symbol.toStringTag]() { throw new TypeError('t'); } };"],
].map(([id, what, attack]) => ({ id, kind: 'host-realm error' as const, what, files: { 'p.js': escapeViaError(attack) }, args: EVAL('p.js'), expect: BLOCKED }));

const hooks: CliCase[] = [
  {
    id: 'rejection-inspect', kind: 'inspect/stack hook', what: 'a rejection whose inspect hook reaches for the host inspect',
    files: { 'p.js': `${PARAMS}${PWN}${SIR}\nPromise.reject({ [Symbol.for('nodejs.util.inspect.custom')](d, o, inspect) { pwn(inspect.constructor); } });\nfunction step(s, a, p, rng) { return sir(s, p, rng); }\n` },
    args: EVAL('p.js'), expect: { code: 0, stdout: /benchmark W1/ },
  },
  {
    id: 'finalization-throw', kind: 'inspect/stack hook', what: 'a FinalizationRegistry callback that throws after the call',
    files: { 'p.js': `${PARAMS}${SIR}\nconst reg = new FinalizationRegistry(() => { throw { [Symbol.for('nodejs.util.inspect.custom')]: () => 'x' }; });\nfor (let i = 0; i < 1000; i++) reg.register({}, i);\nfunction step(s, a, p, rng) { return sir(s, p, rng); }\n` },
    args: EVAL('p.js'), expect: { code: 0, stdout: /benchmark W1/ },
  },
  {
    id: 'microtask-storm', kind: 'inspect/stack hook', what: 'an endless microtask chain left behind after load',
    files: { 'p.js': `${PARAMS}${SIR}\nPromise.resolve().then(function f() { return Promise.resolve().then(f); });\nfunction step(s, a, p, rng) { return sir(s, p, rng); }\n` },
    args: [...EVAL('p.js'), '--timeout', '3'], expect: { code: 1, stderr: /time limit|timeout/ },
  },
  {
    id: 'atomics-wait-top', kind: 'top-level hang', what: 'a what-if model that blocks in Atomics.wait at top level',
    files: { 'p.js': `${PARAMS}Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);\nfunction step(s) { return s; }\n` },
    args: ['whatif', '--sim', 'p.js', '--env', 'covid', '--scenario', 'late-strict', '--rollouts', '2'], expect: { code: 1, stderr: /time limit of 5 s/ },
  },
  {
    id: 'regex-backtrack-top', kind: 'top-level hang', what: 'a what-if model whose top level backtracks a regular expression for ever',
    files: { 'p.js': `${PARAMS}/^(a+)+$/.test('a'.repeat(40) + 'b');\nfunction step(s) { return s; }\n` },
    args: ['whatif', '--sim', 'p.js', '--env', 'covid', '--scenario', 'late-strict', '--rollouts', '2'], expect: { code: 1, stderr: /time limit of 5 s/ },
  },
  {
    id: 'thenable-state', kind: 'inspect/stack hook', what: 'step returns a thenable',
    files: { 'p.js': `${PARAMS}function step(s) { return { S: 1, I: 1, R: 1, then(r) { r(1); } }; }\n` },
    args: EVAL('p.js'), expect: { code: 1, stderr: /Promise/ },
  },
  {
    id: 'rejection-symbol-primitive', kind: 'inspect/stack hook', what: 'an unhandled rejection of an object whose toPrimitive throws',
    files: { 'p.js': `${PARAMS}${SIR}\nPromise.reject({ [Symbol.toPrimitive]() { throw new Error('x'); }, get stack() { throw new Error('y'); } });\nfunction step(s, a, p, rng) { return sir(s, p, rng); }\n` },
    args: EVAL('p.js'), expect: { code: 0, stdout: /benchmark W1/ },
  },
];

/** Models that tamper with their realm's intrinsics; the truth's numbers must equal a clean run's (the runner compares). */
export const TAMPERS: Record<string, string> = {
  'tamper-map-get': 'Map.prototype.get = function () { return 0; };',
  'tamper-number': 'Number.isFinite = () => true; Number.prototype.toFixed = function () { return "0"; }; Object.freeze = (o) => o;',
  'tamper-typed': 'Float64Array.prototype.set = function () {}; Float64Array.prototype.fill = function () { return this; }; Array.prototype.sort = function () { return this; };',
  'tamper-object-proto': "Object.defineProperty(Object.prototype, 'I', { get() { return 0; }, set() {}, configurable: true });",
  'tamper-json': 'JSON.stringify = () => "{}"; JSON.parse = () => ({});',
};
const tampering: CliCase[] = Object.entries(TAMPERS).map(([id, code]) => ({
  id, kind: 'truth tampering' as const, what: `a what-if model that runs ${code}`,
  files: { 'p.js': `${PARAMS}${SIR}\n${code}\nfunction step(s, a, p, rng) { return sir(s, p, rng); }\n` },
  args: ['whatif', '--sim', 'p.js', '--env', 'covid', '--scenario', 'late-strict', '--rollouts', '4', '--workers', '1', '--json'],
  expect: { code: 0 },
}));

const memory: CliCase[] = [
  ['arraybuffer-bomb', 'keeps allocating 256 MB ArrayBuffers', 'const keep = []; for (;;) keep.push(new ArrayBuffer(256 * 1024 * 1024));'],
  ['shared-bomb', 'keeps allocating SharedArrayBuffers', 'const keep = []; for (;;) keep.push(new SharedArrayBuffer(256 * 1024 * 1024));'],
  ['typed-growth', 'keeps allocating large typed arrays', 'const keep = []; for (;;) keep.push(new Float64Array(32 * 1024 * 1024));'],
  ['wasm-memory', 'asks for WebAssembly memory', 'const m = new WebAssembly.Memory({ initial: 65536 }); throw new Error("wasm " + m.buffer.byteLength);'],
].map(([id, what, body]) => ({
  id, kind: 'off-heap memory' as const, what, files: { 'p.js': `${PARAMS}function step(s) { ${body} }\n` },
  args: [...EVAL('p.js'), '--timeout', '20'], expect: { code: 1, stderr: /out of memory|allocation failed|Invalid array|WebAssembly is not defined|RangeError/ },
}));

const special: CliCase[] = (<Omit<CliCase, 'kind'>[]>[
  { id: 'fifo-data', what: '--data is a FIFO', files: { 'f': 'fifo:' }, args: ['evaluate', '--sim', 'gt:covid', '--data', 'f'], expect: { code: 1, stderr: /--data file "f": not a regular file/ } },
  { id: 'fifo-sim', what: '--sim is a FIFO', files: { 'f': 'fifo:' }, args: ['evaluate', '--sim', 'f', '--data', 'd.json'], expect: { code: 1, stderr: /--sim file "f": not a regular file/ } },
  { id: 'dev-zero-data', what: '--data is /dev/zero', args: ['evaluate', '--sim', 'gt:covid', '--data', '/dev/zero'], expect: { code: 1, stderr: /not a regular file/ } },
  { id: 'fifo-rules', what: '--rules is a FIFO', files: { 'f': 'fifo:' }, args: ['loop', '--env', 'covid', '--rules', 'f', '--provider', 'openai', '--model', 'm', '--base-url', 'http://127.0.0.1:9/v1', '--iterations', '1'], expect: { code: 1, stderr: /--rules file "f": not a regular file/ } },
  { id: 'fifo-scenario', what: '--scenario is a FIFO named .json', files: { 'f.json': 'fifo:' }, args: ['whatif', '--sim', 'gt:covid', '--scenario', 'f.json'], expect: { code: 1, stderr: /--scenario file "f.json": not a regular file/ } },
  { id: 'urandom-grid', what: '--grid is a symlink to /dev/urandom', files: { 'g.json': 'symlink:/dev/urandom' }, args: ['policy', '--sim', 'gt:covid', '--grid', 'g.json'], expect: { code: 1, stderr: /not a regular file/ } },
  { id: 'dir-sim', what: '--sim is a directory', files: { 'dir/x': 'x' }, args: ['evaluate', '--sim', 'dir', '--data', 'd.json'], expect: { code: 1, stderr: /it is a directory/ } },
  { id: 'symlink-fifo', what: '--data is a symlink to a FIFO', files: { 'f': 'fifo:', 'l.json': 'symlink:f' }, args: ['evaluate', '--sim', 'gt:covid', '--data', 'l.json'], expect: { code: 1, stderr: /not a regular file/ } },
  { id: 'huge-program', what: 'a 3 MB program', files: { 'p.js': `${PARAMS}// ${'x'.repeat(3 * 1024 * 1024)}\nfunction step(s) { return s; }\n` }, args: EVAL('p.js'), expect: { code: 1, stderr: /over the limit/ } },
]).map((c) => ({ ...c, kind: 'special file' as const }));

const flags: CliCase[] = (<Omit<CliCase, 'kind'>[]>[
  { id: 'timeout-overflow', what: '--timeout past what timers can wait', args: ['evaluate', '--sim', 'gt:covid', '--data', 'd.json', '--timeout', '3000000'], expect: { code: 2, stderr: /--timeout must be at most 86400/ } },
  { id: 'rollouts-1e12', what: '--rollouts 1e12', args: ['whatif', '--sim', 'gt:covid', '--scenario', 'late-strict', '--rollouts', '1e12'], expect: { code: 2, stderr: /--rollouts must be an integer in 1\.\.100000/ } },
  { id: 'workers-256', what: '--workers 256', args: ['evaluate', '--sim', 'gt:covid', '--data', 'd.json', '--workers', '256'], expect: { code: 2, stderr: /--workers must be an integer in 1\.\./ } },
  { id: 'horizon-1e9', what: 'whatif --horizon 1000000000', args: ['whatif', '--sim', 'gt:covid', '--scenario', 'late-strict', '--horizon', '1000000000'], expect: { code: 2, stderr: /--horizon must be an integer in 1\.\.100000/ } },
  { id: 'rollouts-times-horizon', what: 'rollouts × horizon past the ensemble limit', args: ['whatif', '--sim', 'gt:covid', '--scenario', 'late-strict', '--horizon', '100000', '--rollouts', '1000'], expect: { code: 2, stderr: /over the limit/ } },
  { id: 'grid-horizon-1e8', what: 'a policy grid with horizon 1e8', files: { 'g.json': JSON.stringify({ name: 'g', horizon: 1e8, x: { name: 'a', values: [1] }, y: { name: 'b', values: [1] }, scenario: { name: 's', interventions: [] }, cost: 'a' }) }, args: ['policy', '--sim', 'gt:covid', '--grid', 'g.json'], expect: { code: 2, stderr: /horizon must be an integer in 1\.\.100000/ } },
  { id: 'seed-1e20', what: '--seed 1e20', args: ['evaluate', '--sim', 'gt:covid', '--data', 'd.json', '--seed', '1e20'], expect: { code: 2, stderr: /--seed must be an integer/ } },
  { id: 'popsize-1e9', what: '--popsize 1e9', args: ['calibrate', '--sim', 'gt:covid', '--data', 'd.json', '--popsize', '1e9'], expect: { code: 2, stderr: /--popsize must be an integer in 2\.\.100000/ } },
  { id: 'generations-1e9', what: '--generations 1e9', args: ['calibrate', '--sim', 'gt:covid', '--data', 'd.json', '--generations', '1e9'], expect: { code: 2, stderr: /--generations must be an integer in 0\.\.100000/ } },
  { id: 'mc-1e9', what: '--mc 1e9', args: ['calibrate', '--sim', 'gt:covid', '--data', 'd.json', '--mc', '1e9'], expect: { code: 2, stderr: /--mc must be an integer in 1\.\.10000/ } },
  { id: 'sims-1e9', what: 'NPE --sims 1e9', args: ['calibrate', '--method', 'npe', '--sim', 'gt:covid', '--data', 'd.json', '--sims', '1e9'], expect: { code: 2, stderr: /--sims must be an integer in 20\.\.1000000/ } },
  { id: 'samples-1e12', what: '--samples 1e12', args: ['evaluate', '--sim', 'gt:covid', '--data', 'd.json', '--samples', '1e12'], expect: { code: 2, stderr: /--samples must be an integer in 1\.\.100000/ } },
  { id: 'data-size-overflow', what: 'gsim data with 1e6 trajectories of 1e5 steps', args: ['data', '--env', 'covid', '--seed', '1', '--out', 'big.json', '--train', '1000000', '--horizon', '100000'], expect: { code: 2, stderr: /over the limit/ } },
  { id: 'params-proto', what: '--params with a __proto__ key', args: ['evaluate', '--sim', 'gt:covid', '--data', 'd.json', '--params', '{"__proto__": {"beta": 5}, "beta": 0.5}'], expect: { code: 2, stderr: /--params: "__proto__" must be a finite number/ } },
]).map((c) => ({ ...c, kind: 'flag overflow' as const }));

const getters: CliCase[] = (<Omit<CliCase, 'kind'>[]>[
  {
    id: 'getter-some-candidates', what: 'a state getter that throws for some parameter values, in a calibration',
    files: { 'p.js': `${PARAMS}${SIR}\nfunction step(s, a, p, rng) { const o = sir(s, p, rng); if (p.beta > 1.2) Object.defineProperty(o, 'I', { get() { throw new Error('getter'); }, enumerable: true }); return o; }\n` },
    args: ['calibrate', '--sim', 'p.js', '--data', 'd.json', '--generations', '2', '--popsize', '12', '--workers', '1', '--states', '5', '--samples', '20'],
    expect: { code: 0, stdout: /fitted: beta/ },
  },
  {
    id: 'proxy-some-candidates', what: 'a Proxy state whose traps throw for some parameter values, in a calibration',
    files: { 'p.js': `${PARAMS}${SIR}\nfunction step(s, a, p, rng) { const o = sir(s, p, rng); return p.gamma > 0.6 ? new Proxy(o, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('keys'); } }) : o; }\n` },
    args: ['calibrate', '--sim', 'p.js', '--data', 'd.json', '--generations', '2', '--popsize', '12', '--workers', '1', '--states', '5', '--samples', '20'],
    expect: { code: 0, stdout: /fitted: beta/ },
  },
  {
    id: 'proxy-evaluate', what: 'a Proxy state whose traps always throw, evaluated', files: { 'p.js': `${PARAMS}function step(s) { return new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('keys'); } }); }\n` },
    args: EVAL('p.js'), expect: { code: 1, stderr: /trap|keys/ },
  },
  {
    id: 'getter-loops', what: 'a state getter that never returns', files: { 'p.js': `${PARAMS}function step(s) { return { S: 1, R: 1, get I() { for (;;) {} } }; }\n` },
    args: [...EVAL('p.js'), '--timeout', '2'], expect: { code: 1, stderr: /time limit of 2 s/ },
  },
  {
    id: 'many-keys', what: 'a state with two million keys', files: { 'p.js': `${PARAMS}function step(s) { const o = { S: 1, I: 1, R: 1 }; for (let i = 0; i < 2e6; i++) o['k' + i] = i; return o; }\n` },
    args: [...EVAL('p.js'), '--timeout', '5'], expect: { code: 1, stderr: /time limit of 5 s|more than|out of memory/ },
  },
]).map((c) => ({ ...c, kind: 'getter/proxy' as const }));

const FN = 'Function("return process")().exit(7)';
const expressions: CliCase[] = (<Omit<CliCase, 'kind' | 'expect'>[]>[
  { id: 'scenario-tstart-function', what: 'a scenario tStart that calls Function', files: { 's.json': JSON.stringify({ name: 's', interventions: [{ type: 'param', target: 'beta', factor: 0.5, tStart: `0 + (${FN}, 5)` }] }) }, args: ['whatif', '--sim', 'gt:covid', '--scenario', 's.json', '--rollouts', '2'] },
  { id: 'scenario-constructor', what: 'a scenario tEnd reaching constructor.constructor', files: { 's.json': JSON.stringify({ name: 's', interventions: [{ type: 'param', target: 'beta', factor: 0.5, tStart: 1, tEnd: 'horizon.constructor.constructor("return 1")()' }] }) }, args: ['whatif', '--sim', 'gt:covid', '--scenario', 's.json', '--rollouts', '2'] },
  { id: 'grid-cost-function', what: 'a policy cost that calls Function', files: { 'g.json': JSON.stringify({ name: 'g', x: { name: 'a', values: [1] }, y: { name: 'b', values: [1] }, scenario: { name: 's', interventions: [] }, cost: FN }) }, args: ['policy', '--sim', 'gt:covid', '--grid', 'g.json', '--rollouts', '2'] },
  { id: 'grid-define-this', what: 'a grid define reaching this', files: { 'g.json': JSON.stringify({ name: 'g', x: { name: 'a', values: [1] }, y: { name: 'b', values: [1] }, scenario: { name: 's', interventions: [] }, define: { z: 'this.process' }, cost: 'z' }) }, args: ['policy', '--sim', 'gt:covid', '--grid', 'g.json', '--rollouts', '2'] },
  { id: 'rules-check-function', what: 'a domain rule whose check calls Function', files: { 'r.json': JSON.stringify([{ id: 'x', description: 'x', check: `S >= 0 && ${FN}` }]) }, args: ['loop', '--env', 'covid', '--rules', 'r.json', '--provider', 'openai', '--model', 'm', '--base-url', 'http://127.0.0.1:9/v1', '--iterations', '1'] },
  { id: 'rules-check-template', what: 'a domain rule with a tagged template', files: { 'r.json': JSON.stringify([{ id: 'x', description: 'x', check: 'String.raw`x` && S >= 0' }]) }, args: ['loop', '--env', 'covid', '--rules', 'r.json', '--provider', 'openai', '--model', 'm', '--base-url', 'http://127.0.0.1:9/v1', '--iterations', '1'] },
]).map((c) => ({ ...c, kind: 'expression' as const, expect: { code: c.args[0] === 'loop' ? 2 : 1, stderr: /not allowed|not available|unknown name|cannot|unexpected|expected|is not|no function|only/i } }));

const outputs: CliCase[] = (<Omit<CliCase, 'kind'>[]>[
  { id: 'data-out-exists', what: 'gsim data --out onto an existing file', files: { 'keep.json': 'precious' }, args: ['data', '--env', 'covid', '--seed', '1', '--out', 'keep.json'], expect: { code: 2, stderr: /already exists: pass --force/ } },
  { id: 'export-onnx-exists', what: '--export-onnx onto an existing file', files: { 'keep.onnx': 'precious' }, args: ['calibrate', '--method', 'npe', '--sim', 'gt:covid', '--data', 'd.json', '--export-onnx', 'keep.onnx', '--sims', '20', '--workers', '1'], expect: { code: 2, stderr: /already exists: pass --force/ } },
]).map((c) => ({ ...c, kind: 'output' as const }));

const data: CliCase[] = (<Omit<CliCase, 'kind'>[]>[
  { id: 'no-transitions', what: 'a dataset whose trajectories have one state each', files: { 'one.json': 'one-state-dataset' }, args: ['calibrate', '--sim', 'gt:covid', '--data', 'one.json'], expect: { code: 2, stderr: /no transitions in its train split/ } },
  {
    id: 'diagnostics-fail', what: 'a program that fails only on validation states: the calibration is still reported',
    files: { 'p.js': `${PARAMS}${SIR}\nfunction step(s, a, p, rng) { if (s.S === 123456) throw new Error('val only'); return sir(s, p, rng); }\n`, 'mixed.json': 'val-marker-dataset' },
    args: ['calibrate', '--sim', 'p.js', '--data', 'mixed.json', '--generations', '1', '--popsize', '6', '--workers', '1', '--json'],
    expect: { code: 1, stderr: /diagnostics of the fitted simulator failed: .*val only/, stdout: /"diagnosticsError": ?".*val only/ },
  },
]).map((c) => ({ ...c, kind: 'data' as const }));

export const CLI_CORPUS: CliCase[] = [...hostRealm, ...hooks, ...tampering, ...memory, ...special, ...flags, ...getters, ...expressions, ...outputs, ...data];
