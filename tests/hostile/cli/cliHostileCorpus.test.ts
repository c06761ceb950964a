// The CLI hostile corpus (cliCorpus.ts) through the real `gsim` executable, each case in a directory of
// its own, with a canary API key in gsim's environment and a listener on loopback. Every case must end
// as it says, and none may leak the canary, reach the listener, write outside its directory or change
// the ground truth's numbers.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/data/Dataset.ts';
import { generateDataset } from '../../../src/core/data/generateDataset.ts';
import { getEnvironment } from '../../../src/core/envs/environments.ts';
import { CLI_CORPUS, MARKER, PORT, TAMPERS, type CliCase } from './cliCorpus.ts';

const GSIM = fileURLToPath(new URL('../../../bin/gsim.mjs', import.meta.url));
const CANARY = 'sk-canary-cli-4c1d5e';

function gsim(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, OPENAI_API_KEY: CANARY, ANTHROPIC_API_KEY: CANARY, GSIM_SECRET: CANARY };
    execFile(process.execPath, [GSIM, ...args], { cwd, env, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

/** The small COVID dataset every case reads, and two special ones (no transitions; a marker state in val only). */
function datasets(): Record<string, Dataset> {
  const d = generateDataset(getEnvironment('covid'), 1, { train: 3, val: 2, test: 2, horizon: 8 });
  const one: Dataset = { ...d, splits: { train: d.splits.train.map((t) => ({ ...t, states: t.states.slice(0, 1), actions: [] })), val: [], test: [] } };
  const mixed: Dataset = structuredClone(d);
  mixed.splits.val[0].states[0] = { S: 123456, I: 10, R: 0 };
  return { 'd.json': d, 'one-state-dataset': one, 'val-marker-dataset': mixed };
}

describe('gsim against the CLI hostile corpus', () => {
  let root: string;
  let listener: Server;
  let port = 0;
  let hits = 0;
  let data: Record<string, Dataset>;
  let cleanTruth: unknown;

  const markerOf = (id: string) => join(tmpdir(), `gsim-pwned-${id}`);
  const prepare = (c: CliCase): { dir: string; made: Set<string> } => {
    const dir = join(root, c.id);
    mkdirSync(dir);
    writeFileSync(join(dir, 'd.json'), JSON.stringify(data['d.json']));
    const made = new Set(['d.json']);
    for (const [name, content] of Object.entries(c.files ?? {})) {
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      made.add(name.split('/')[0]);
      if (content === 'fifo:') execFileSync('mkfifo', [path]);
      else if (content.startsWith('symlink:')) symlinkSync(content.slice(8), path);
      else if (data[content]) writeFileSync(path, JSON.stringify(data[content]));
      else writeFileSync(path, content.replaceAll(PORT, String(port)).replaceAll(MARKER, markerOf(c.id)));
    }
    return { dir, made };
  };

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'gsim-cli-hostile-'));
    data = datasets();
    listener = createServer((s) => {
      hits++;
      s.destroy();
    });
    await new Promise<void>((r) => listener.listen(0, '127.0.0.1', r));
    port = (listener.address() as { port: number }).port;
    // The truth's what-if numbers next to a well-behaved model: tampering models must leave them as they are.
    const { dir } = prepare({ id: 'clean-reference', kind: 'truth tampering', what: '', files: { 'p.js': 'clean' }, args: [], expect: { code: 0 } });
    writeFileSync(join(dir, 'p.js'), `const parameters = { beta: { min: 0, max: 2, init: 0.5 }, gamma: { min: 0, max: 1, init: 0.1 } };\nfunction step(s) { return { S: s.S, I: s.I, R: s.R }; }\n`);
    const r = await gsim(dir, ['whatif', '--sim', 'p.js', '--env', 'covid', '--scenario', 'late-strict', '--rollouts', '4', '--workers', '1', '--json']);
    expect(r.code, r.stderr).toBe(0);
    cleanTruth = JSON.parse(r.stdout).scenarios[0].truth;
  }, 120_000);

  afterAll(() => {
    listener?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('holds at least 40 cases in every class of issue 13, each id unique', () => {
    expect(CLI_CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CLI_CORPUS.map((c) => c.id)).size).toBe(CLI_CORPUS.length);
    expect(new Set(CLI_CORPUS.map((c) => c.kind)).size).toBe(11);
  });

  it.concurrent.each(CLI_CORPUS.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const { dir, made } = prepare(c);
    const r = await gsim(dir, c.args);
    const said = `${c.what}\nexit ${r.code}\nstderr: ${r.stderr.slice(0, 2000)}\nstdout: ${r.stdout.slice(0, 500)}`;
    expect(r.code, said).toBe(c.expect.code);
    if (c.expect.stderr) expect(r.stderr, said).toMatch(c.expect.stderr);
    if (c.expect.stdout) expect(r.stdout, said).toMatch(c.expect.stdout);
    expect(r.stdout + r.stderr).not.toContain(CANARY);
    expect(r.stdout + r.stderr).not.toMatch(/ESCAPED|WROTE|EXEC uid/);
    expect(existsSync(markerOf(c.id))).toBe(false);
    // Nothing new in the case's directory either (no case here asks for an output file).
    expect(readdirSync(dir).filter((f) => !made.has(f))).toEqual([]);
    if (c.id in TAMPERS) expect(JSON.parse(r.stdout).scenarios[0].truth).toEqual(cleanTruth);
  }, 180_000);

  it('no case reached the loopback listener', () => {
    expect(hits).toBe(0);
  });
});
