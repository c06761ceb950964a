import { PARAMS, PASS, withStep, type HostileCase } from './HostileCase.ts';

const NODE = 'Node-specific: the browser has none of these';

/** Attempts on Node's own powers: process, require, the file system, Node's error reporting. */
export const NODE_CASES: HostileCase[] = [
  { id: 'process', what: 'reads process.env', source: withStep('return { S: Object.keys(process.env).length, I: 0, R: 0 };'), phase: 'step', expect: { code: 'forbidden', message: /process is not available/ }, only: 'node', why: NODE },
  { id: 'require', what: "require('node:fs')", source: withStep('require("node:fs").writeFileSync("/tmp/gsim-pwned", "x");\n' + PASS), phase: 'step', expect: { code: 'forbidden', message: /require is not available/ }, only: 'node', why: NODE },
  {
    id: 'global-process-exit', what: 'globalThis.process.exit(1)', source: withStep('globalThis.process.exit(1);\n' + PASS),
    phase: 'step', expect: { code: 'forbidden', message: /globalThis is not available/ }, only: 'node', why: NODE,
  },
  {
    id: 'fs-via-import', what: "import('node:fs') at top level to write a file", source: `${PARAMS}import('node:fs').then((fs) => fs.writeFileSync('/tmp/gsim-pwned', 'x'));\nfunction step(state) { ${PASS} }\n`,
    phase: 'load', expect: { code: 'forbidden', message: /import\(\) is not available/ }, only: 'node', why: NODE,
  },
  {
    id: 'inspect-hook-rejection', what: "an unhandled rejection whose util.inspect hook would receive Node's inspect function",
    source: `${PARAMS}Promise.reject({ [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) { inspect.constructor('return process')().exit(9); } });\nfunction step(state) { ${PASS} }\n`,
    phase: 'step', expect: { code: 'ok' }, only: 'node', why: NODE,
  },
  {
    id: 'this-at-top-level', what: 'top-level this and its Function constructor',
    source: `${PARAMS}const leaked = this && this.constructor && this.constructor.constructor;\nfunction step(state) { return { S: leaked('return 1')(), I: 0, R: 0 }; }\n`,
    phase: 'step', expect: { code: 'runtime', message: /TypeError: leaked is not a function at line 3/ },
  },
];
