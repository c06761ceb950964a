// Hostile programs through the real `gsim` executable: a clear one-line error and a non-zero exit,
// never a hang.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const GSIM = fileURLToPath(new URL('../../bin/gsim.mjs', import.meta.url));

function gsim(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [GSIM, ...args], { cwd, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('gsim with hostile programs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gsim-hostile-'));
    writeFileSync(join(dir, 'loop.js'), 'const parameters = { a: { min: 0, max: 1 } };\nwhile (true) {}\nfunction step(s) { return s; }\n');
    writeFileSync(join(dir, 'throws.js'), 'const parameters = { a: { min: 0, max: 1 } };\nfunction step(s) {\n  throw new Error("broken model");\n}\n');
    const r = await gsim(dir, 'data', '--env', 'covid', '--seed', '1', '--out', 'd.json', '--train', '2', '--val', '1', '--test', '1', '--horizon', '5');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an endless loop at top level: timeout error naming the limit, exit 1', async () => {
    const r = await gsim(dir, 'evaluate', '--sim', 'loop.js', '--data', 'd.json', '--timeout', '1', '--workers', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^gsim evaluate: simulator error \[timeout\]: .*time limit of 1 s/);
  });

  it('calibrating a program whose step always throws: every candidate fails, the message says why', async () => {
    const r = await gsim(dir, 'calibrate', '--sim', 'throws.js', '--data', 'd.json', '--generations', '1', '--popsize', '4', '--workers', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/every candidate failed.*broken model at line 3/);
  });

  // whatif compiles the model in gsim's own thread: that thread evaluates programs in the vm sandbox too.
  it('a what-if model that reaches for the real global at top level: a clear error, the process is not taken over', async () => {
    writeFileSync(
      join(dir, 'escape.js'),
      "const parameters = { beta: { min: 0, max: 2 }, gamma: { min: 0, max: 1 } };\nFunction('return this')().process.exit(7);\nfunction step(s) { return s; }\n",
    );
    writeFileSync(
      join(dir, 'inspect.js'),
      "const parameters = { beta: { min: 0, max: 2 }, gamma: { min: 0, max: 1 } };\n" +
        "Promise.reject({ [Symbol.for('nodejs.util.inspect.custom')](d, o, inspect) { inspect.constructor('return process')().exit(7); } });\n" +
        'function step(s) { return s; }\n',
    );
    const escape = await gsim(dir, 'whatif', '--sim', 'escape.js', '--env', 'covid', '--scenario', 'late-strict', '--rollouts', '2');
    expect(escape.code).toBe(1);
    expect(escape.stderr).toMatch(/EvalError: Code generation from strings disallowed.*line 2/);
    const inspect = await gsim(dir, 'whatif', '--sim', 'inspect.js', '--env', 'covid', '--scenario', 'late-strict', '--rollouts', '2');
    expect(inspect.code).not.toBe(7);
    expect(inspect.stderr).not.toMatch(/^gsim: unhandled promise rejection: .*process/);
  });
});
