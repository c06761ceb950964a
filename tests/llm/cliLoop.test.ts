import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IterationRecord } from '../../src/core/llm/GsimLoop.ts';
import { createLoopProgress } from '../../src/cli/loopProgress.ts';
import { startScriptedLlmServer, type ScriptedLlmServer } from './scriptedLlmServer.ts';
import { FEEDBACK, SIR_PROGRAM, SYNTAX_ERROR_PROGRAM } from './scriptedPrograms.ts';

/**
 * `gsim loop` end to end: the real executable in a child process, talking HTTP to the scripted LLM
 * server in this process, calibrating and diagnosing on its worker pool with a tiny budget.
 */
const GSIM = fileURLToPath(new URL('../../bin/gsim.mjs', import.meta.url));
const SECRET = 'sk-test-secret-0123456789abcdef';

/** Runs gsim with a clean environment: no provider keys unless given. */
function gsim(cwd: string, args: string[], keys: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...keys };
  for (const k of ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY']) if (!(k in keys)) delete env[k];
  return new Promise((resolve) => {
    execFile(process.execPath, [GSIM, ...args], { cwd, env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const tool = (code: string, description: string) => ({ kind: 'tool' as const, code, description });
/** Small calibration and benchmark budget, two workers. */
const BUDGET = ['--generations', '3', '--popsize', '12', '--mc', '1', '--states', '40', '--samples', '40', '--workers', '2'];

describe('gsim loop', () => {
  let dir: string;
  let server: ScriptedLlmServer;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gsim-loop-'));
    server = await startScriptedLlmServer({ script: [] });
    const r = await gsim(dir, ['data', '--env', 'covid', '--seed', '3', '--out', 'small.json', '--train', '10', '--val', '5', '--test', '5']);
    expect(r.code, r.stderr).toBe(0);
    writeFileSync(join(dir, 'rules.json'), JSON.stringify([{ id: 'I-bounded', description: 'at most 1000 infected', check: 'I <= 1000' }]));
    writeFileSync(join(dir, 'typo.json'), JSON.stringify({ rules: [{ id: 'typo', description: 'broken', check: 'S >' }] }));
    writeFileSync(join(dir, 'knowledge.md'), '# An epidemic\nA closed population of S, I, R.');
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records a syntax error as +Infinity (null) with its error, goes on, calibrates the SIR program; --out writes code and lineage; the key never leaks', async () => {
    server.setScript([tool(SYNTAX_ERROR_PROGRAM, 'SIR with a typo'), { kind: 'text', text: FEEDBACK }, tool(SIR_PROGRAM, 'Binomial SIR')]);
    server.requests.length = 0;
    const r = await gsim(
      dir,
      ['loop', '--env', 'covid', '--data', 'small.json', '--provider', 'openai', '--model', 'scripted', '--base-url', server.baseURL,
        '--iterations', '2', ...BUDGET, '--out', 'run', '--json'],
      { OPENAI_API_KEY: SECRET },
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ provider: 'openai', model: 'scripted', env: 'covid', stopReason: 'max-iterations', error: null, bestIteration: 2 });
    const [bad, good] = out.lineage;
    expect(out.lineage).toHaveLength(2);
    expect(bad).toMatchObject({ iteration: 1, code: SYNTAX_ERROR_PROGRAM, valScore: null, params: null, error: { phase: 'calibrate', code: 'syntax' } });
    expect(bad.error.message).toMatch(/line 8/);
    expect(good).toMatchObject({ iteration: 2, description: 'Binomial SIR', error: null, feedback: FEEDBACK });
    expect(Object.keys(good.params)).toEqual(['beta', 'gamma']);
    expect(Number.isFinite(good.valScore)).toBe(true);
    expect(good.valScore).toBe(good.metrics.scores.rolloutW1);
    expect(good.benchmarkW1).toBeGreaterThan(0);
    expect(good.metrics.ruleViolations.map((v: { rule: string; rate: number }) => [v.rule, v.rate])).toEqual([['conservation', 0], ['non-negative', 0]]);
    expect(good.transcript).toBeUndefined();
    // The model saw the syntax error in its reflection prompt; the key went only into the header.
    expect(JSON.stringify(server.requests[1].body.messages)).toMatch(/syntax/i);
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${SECRET}`);
    // --out: the programs verbatim and the full lineage with transcripts.
    const files = readdirSync(join(dir, 'run')).sort();
    expect(files).toEqual(['iteration-1.js', 'iteration-2.js', 'lineage.json']);
    expect(readFileSync(join(dir, 'run', 'iteration-2.js'), 'utf8')).toBe(SIR_PROGRAM);
    const lineageText = readFileSync(join(dir, 'run', 'lineage.json'), 'utf8');
    expect(JSON.parse(lineageText).lineage[1].transcript.length).toBe(2);
    for (const text of [r.stdout, r.stderr, lineageText]) expect(text).not.toContain(SECRET);
  });

  it('without a key, a --base-url server gets a placeholder; --knowledge and --rules replace the defaults; text output names the best candidate', async () => {
    server.setScript([tool(SIR_PROGRAM, 'Binomial SIR')]);
    server.requests.length = 0;
    const r = await gsim(dir, ['loop', '--data', 'small.json', '--knowledge', 'knowledge.md', '--rules', 'rules.json', '--provider', 'openai', '--model', 'scripted',
      '--base-url', server.baseURL, '--iterations', '1', ...BUDGET]);
    expect(r.code, r.stderr).toBe(0);
    expect(server.requests[0].headers.authorization).toBe('Bearer no-key');
    expect(JSON.stringify(server.requests[0].body.messages)).toContain('A closed population of S, I, R.');
    expect(r.stdout).toContain('rules: I-bounded');
    expect(r.stdout).toMatch(/best: iteration 1, val score [\d.]+, benchmark W1 [\d.]+ — Binomial SIR/);
    expect(r.stdout).toContain('parameters: beta = ');
    expect(r.stderr).toContain('iteration 1/1: val score');
  });

  it('a 401 ends the loop with the auth message on stderr and exit code 1', async () => {
    server.setScript([{ kind: 'error', status: 401, message: 'Incorrect API key provided' }]);
    const r = await gsim(dir, ['loop', '--env', 'covid', '--data', 'small.json', '--provider', 'openai', '--model', 'scripted', '--base-url', server.baseURL, ...BUDGET, '--json'], { OPENAI_API_KEY: SECRET });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/gsim loop: The provider rejected the API key \(HTTP 401\)/);
    expect(JSON.parse(r.stdout)).toMatchObject({ stopReason: 'llm-error', error: { code: 'auth', status: 401 }, lineage: [], bestIteration: null });
  });

  it('bad flags exit 2 with a clear message before anything runs', async () => {
    const cases: [string[], RegExp][] = [
      [['--env', 'covid', '--provider', 'openai'], /gsim loop: gsim loop needs --model/],
      [['--env', 'covid', '--provider', 'gemini', '--model', 'x'], /--provider must be one of openai, anthropic, got "gemini"/],
      [['--env', 'covid', '--provider', 'anthropic', '--model', 'x'], /no API key: set ANTHROPIC_API_KEY/],
      [['--env', 'mars', '--provider', 'openai', '--model', 'x', '--base-url', 'http://127.0.0.1:1/v1'], /unknown environment "mars"/],
      [['--provider', 'openai', '--model', 'x', '--base-url', 'http://127.0.0.1:1/v1'], /needs --env ENV or --data FILE/],
      [['--data', 'small.json', '--rules', 'typo.json', '--provider', 'openai', '--model', 'x', '--base-url', 'http://127.0.0.1:1/v1'], /--rules file "typo.json": rules\[0\]: Domain rule "typo": syntax error/],
    ];
    const results = await Promise.all(cases.map(([args]) => gsim(dir, ['loop', ...args])));
    results.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(cases[i][1]);
      expect(r.stdout).toBe('');
    });
  });
});

describe('createLoopProgress(stream)', () => {
  const record = (iteration: number, valScore: number, extra: Partial<IterationRecord> = {}): IterationRecord => ({ iteration, origin: 'llm', valScore, transcript: [], description: 'SIR', ...extra });

  it('on a terminal redraws one live line (iteration, phase, tokens, best val) and leaves one line per iteration', () => {
    const out: string[] = [];
    let t = 0;
    const p = createLoopProgress({ isTTY: true, columns: 200, write: (s) => out.push(s) }, () => (t += 1000));
    p.events.onIterationStart?.({ iteration: 1, totalIterations: 3 });
    p.events.onToken?.({ iteration: 1, phase: 'propose', text: 'a' });
    p.events.onToken?.({ iteration: 1, phase: 'propose', text: 'b' });
    p.events.onCodeReceived?.({ iteration: 1, code: '', description: '', origin: 'llm' });
    p.onCalibrationProgress({ method: 'ga', iteration: 2, totalIterations: 3, best: 1, mean: 2, bestParams: {}, simulations: 9, failures: 0 });
    expect(out.at(-1)).toBe('\riteration 1/3 · calibrate gen 2/3 · 2 tokens\x1b[K');
    p.events.onIterationDone?.({ record: record(1, 4.5) });
    expect(out.at(-1)).toBe('iteration 1/3: val score 4.5 (best so far) — SIR\n');
    p.events.onIterationStart?.({ iteration: 2, totalIterations: 3 });
    expect(out.at(-1)).toBe('\riteration 2/3 · propose · 0 tokens · best val 4.5\x1b[K');
    p.events.onIterationDone?.({ record: record(2, Infinity, { error: { phase: 'calibrate', message: 'Unexpected token\nmore', code: 'syntax' } }) });
    expect(out.at(-1)).toBe('iteration 2/3: failed in calibrate [syntax]: Unexpected token\n');
  });

  it('off a terminal writes only the per-iteration lines', () => {
    const out: string[] = [];
    const p = createLoopProgress({ isTTY: false, write: (s) => out.push(s) });
    p.events.onIterationStart?.({ iteration: 1, totalIterations: 1 });
    p.events.onToken?.({ iteration: 1, phase: 'propose', text: 'a' });
    p.events.onIterationDone?.({ record: record(1, 2, { reusedFrom: 1 }) });
    p.done();
    expect(out).toEqual(['iteration 1/1: val score 2 (best so far) (same code as iteration 1) — SIR\n']);
  });
});
