import { describe, expect, it } from 'vitest';
import { SimulatorError } from '../sim/SimulatorError.ts';
import type { CalibrationOutcome, Diagnosis, GsimLoopOptions } from './GsimLoop.ts';
import { LlmError } from './LlmError.ts';
import { runGsimLoop } from './runGsimLoop.ts';
import { fakeProvider, toolReply, type FakeReply } from './test/fakeProvider.ts';

/**
 * Programs are stand-ins here: calibrate/diagnose are fakes keyed by the code text, so these tests
 * check the loop's control flow only (the real simulator path is covered over HTTP in tests/llm).
 */
const SCORES: Record<string, number> = { A: 5, B: 3, C: 4, D: 2, E: 6, F: 7 };

function fakes(overrides: Partial<Record<string, Partial<CalibrationOutcome> | Error>> = {}, valOverrides: Record<string, number> = {}) {
  const calls: { code: string; warmStart?: Record<string, number> }[] = [];
  const calibrate = async (code: string, warmStart?: Record<string, number>): Promise<CalibrationOutcome> => {
    calls.push({ code, warmStart });
    const o = overrides[code];
    if (o instanceof Error) throw o;
    return { params: { p: SCORES[code] ?? 0 }, fitness: 1, ...o };
  };
  const diagnose = async (code: string): Promise<Diagnosis> => ({
    valScore: valOverrides[code] ?? SCORES[code],
    scores: { rolloutW1: valOverrides[code] ?? SCORES[code] },
    perVariable: { S: 1 },
    ruleViolations: [{ rule: 'non-negative', description: 'counts stay >= 0', check: 'S >= 0', rate: 0, evaluations: 10 }],
  });
  return { calibrate, diagnose, calls };
}

function options(replies: FakeReply[] | ((r: never, i: number) => FakeReply), extra: Partial<GsimLoopOptions> = {}) {
  const provider = fakeProvider(replies as never);
  const f = fakes();
  const opts: GsimLoopOptions = {
    provider, model: { model: 'm', temperature: 0.7 }, knowledge: '# K', variables: ['S'],
    calibrate: f.calibrate, diagnose: f.diagnose, maxIterations: 3, ...extra,
  };
  return { opts, provider, calls: f.calls };
}

describe('runGsimLoop', () => {
  it('runGsimLoop(opts) proposes, calibrates, diagnoses, then reflects and asks for code with the feedback', async () => {
    const events: string[] = [];
    const { opts, provider, calls } = options([toolReply('A'), 'feedback one', toolReply('B'), 'feedback two', toolReply('C')], {
      events: {
        onIterationStart: (e) => events.push(`start ${e.iteration}/${e.totalIterations}`),
        onCodeReceived: (e) => events.push(`code ${e.iteration} ${e.code}`),
        onCalibrationDone: (e) => events.push(`calibrated ${e.iteration}`),
        onDiagnosticsDone: (e) => events.push(`diagnosed ${e.iteration} ${e.diagnosis.valScore}`),
        onFeedbackReceived: (e) => events.push(`feedback ${e.iteration} ${e.feedback}`),
      },
    });
    const result = await runGsimLoop(opts);
    expect(events).toEqual([
      'start 1/3', 'code 1 A', 'calibrated 1', 'diagnosed 1 5',
      'start 2/3', 'feedback 2 feedback one', 'code 2 B', 'calibrated 2', 'diagnosed 2 3',
      'start 3/3', 'feedback 3 feedback two', 'code 3 C', 'calibrated 3', 'diagnosed 3 4',
    ]);
    expect(result.stopReason).toBe('max-iterations');
    expect(result.best?.iteration).toBe(2);
    expect(result.lineage.map((r) => [r.iteration, r.code, r.valScore, r.feedback])).toEqual([
      [1, 'A', 5, undefined], [2, 'B', 3, 'feedback one'], [3, 'C', 4, 'feedback two'],
    ]);
    // Conversation shapes (paper notes §4.7): [system, task] → [.., reflection] (no tools) → [.., feedback, code request].
    const [first, reflect, code] = provider.requests;
    expect(first.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(first.tool?.choice).toBe('auto');
    expect(first.temperature).toBe(0.7);
    expect(reflect.tool).toBeUndefined();
    expect(reflect.messages.map((m) => m.role)).toEqual(['system', 'user', 'user']);
    expect(reflect.messages[2].content).toContain('Iteration 1. Val score: 5 {rolloutW1: 5}. Model description: model A');
    expect(code.messages.map((m) => m.role)).toEqual(['system', 'user', 'user', 'assistant', 'user']);
    expect(code.messages[3].content).toBe('feedback one');
    expect(code.messages[4].content).toContain('You are generating code for iteration 2 out of 3.');
    // Warm start from the best so far.
    expect(calls.map((c) => c.warmStart)).toEqual([undefined, { p: 5 }, { p: 3 }]);
    // Transcript: iteration 2 holds its reflection and its proposal.
    expect(result.lineage[1].transcript.map((x) => x.purpose)).toEqual(['reflect', 'propose']);
    expect(result.lineage[1].transcript[1].response?.toolCall?.code).toBe('B');
  });

  it('runGsimLoop(opts) scores invalid code +Infinity, shows its error to the model and goes on', async () => {
    const f = fakes({ A: new SimulatorError('syntax', 'Syntax error at line 3, column 5: Unexpected token') });
    const { opts, provider } = options([toolReply('A'), 'fix it', toolReply('B')], { calibrate: f.calibrate, maxIterations: 2 });
    const errors: string[] = [];
    opts.events = { onError: (e) => errors.push(`${e.phase} ${e.fatal}`) };
    const result = await runGsimLoop(opts);
    expect(result.lineage[0]).toMatchObject({ valScore: Infinity, error: { phase: 'calibrate', code: 'syntax', message: expect.stringMatching(/^Syntax error at line 3/) } });
    expect(errors).toEqual(['calibrate false']);
    const reflection = provider.requests[1].messages[2].content;
    expect(reflection).toContain('Iteration 1. Val score: inf (failed: Syntax error at line 3, column 5: Unexpected token)');
    expect(reflection).toContain('Iteration 1 did not produce a working simulator (it failed during calibration): Syntax error at line 3');
    expect(reflection).toContain('Its code was:\n###\nA\n###');
    expect(reflection).toContain('None of the code completions so far produced a working simulator.');
    expect(provider.requests[2].messages[4].content).toContain('Remember that the code of iteration 1 failed: Syntax error');
    expect(result.best?.iteration).toBe(2);
  });

  it('runGsimLoop(opts) treats a failed calibration and a NaN validation score as invalid code', async () => {
    const f = fakes({ A: { fitness: Infinity } }, { B: NaN });
    const { opts } = options([toolReply('A'), 'fb', toolReply('B'), 'fb', toolReply('C')], { calibrate: f.calibrate, diagnose: f.diagnose });
    const result = await runGsimLoop(opts);
    expect(result.lineage.map((r) => [r.valScore, r.error?.phase])).toEqual([[Infinity, 'calibrate'], [Infinity, 'diagnose'], [4, undefined]]);
    expect(result.lineage[1].error?.message).toMatch(/validation score is NaN/);
  });

  it('runGsimLoop(opts) reuses the results of identical code instead of recalibrating', async () => {
    const { opts, calls, provider } = options([toolReply('A'), 'fb', toolReply('  A\n'), 'fb', toolReply('B')]);
    const result = await runGsimLoop(opts);
    expect(calls.map((c) => c.code)).toEqual(['A', 'B']);
    expect(result.lineage[1]).toMatchObject({ reusedFrom: 1, valScore: 5, params: { p: 5 } });
    expect(provider.requests[3].messages[2].content).toContain('Iteration 2 repeated the code of iteration 1 unchanged.');
    expect(result.best?.iteration).toBe(3);
  });

  it('runGsimLoop(opts) stops early after `patience` iterations without improvement', async () => {
    const { opts } = options([toolReply('D'), 'fb', toolReply('A'), 'fb', toolReply('E'), 'fb', toolReply('F')], { maxIterations: 10, patience: 2 });
    const result = await runGsimLoop(opts);
    expect(result.stopReason).toBe('patience');
    expect(result.lineage.map((r) => r.code)).toEqual(['D', 'A', 'E']);
    expect(result.best?.code).toBe('D');
  });

  it('runGsimLoop(opts) follows up an answer without code and shows the model what was wrong', async () => {
    const { opts, provider } = options(['I would use an SIR.', '```js\nA\n```'], { maxIterations: 1 });
    const result = await runGsimLoop(opts);
    expect(result.lineage[0]).toMatchObject({ code: 'A', valScore: 5 });
    const retry = provider.requests[1].messages;
    expect(retry.slice(-2)).toEqual([
      { role: 'assistant', content: 'I would use an SIR.' },
      { role: 'user', content: 'Your answer could not be used: the answer contained no code block. Call submit_simulator_code with the complete program and a concise description, or reply with the complete program in one ```js code block.' },
    ]);
  });

  it('runGsimLoop(opts) fails the iteration with no-code after maxNoCodeRetries and goes on', async () => {
    const { opts, provider } = options(['prose', 'more prose', 'fb', toolReply('B')], { maxIterations: 2, maxNoCodeRetries: 1 });
    const result = await runGsimLoop(opts);
    expect(result.lineage[0]).toMatchObject({ valScore: Infinity, error: { phase: 'propose', code: 'no-code' } });
    expect(result.lineage[0].transcript).toHaveLength(2);
    expect(provider.requests[2].messages[2].content).toContain('Iteration 1 produced no usable code: the answer contained no code block');
    expect(result.best?.code).toBe('B');
  });

  it('runGsimLoop(opts) repeats transient LLM failures, then stops with llm-error keeping the lineage', async () => {
    const network = new LlmError('network', 'socket hang up');
    const { opts, provider } = options([toolReply('A'), network, 'fb', toolReply('B'), network, network, network], { llmRetries: 2, maxIterations: 5 });
    const errors: boolean[] = [];
    opts.events = { onError: (e) => errors.push(e.fatal) };
    const result = await runGsimLoop(opts);
    expect(result.stopReason).toBe('llm-error');
    expect(result.error?.code).toBe('network');
    expect(result.lineage.map((r) => r.code)).toEqual(['A', 'B']);
    expect(result.lineage[1].transcript.map((x) => x.error?.code)).toEqual(['network', undefined, undefined]);
    expect(provider.requests).toHaveLength(7);
    expect(errors).toEqual([true]);
  });

  it('runGsimLoop(opts) stops at once on a non-transient LLM failure', async () => {
    const { opts, provider } = options([new LlmError('auth', 'bad key', { status: 401 })]);
    const result = await runGsimLoop(opts);
    expect(result).toMatchObject({ stopReason: 'llm-error', lineage: [], error: { code: 'auth', status: 401 } });
    expect(result.best).toBeUndefined();
    expect(provider.requests).toHaveLength(1);
  });

  it('runGsimLoop(opts) stops on abort between phases and drops the unfinished iteration', async () => {
    const controller = { aborted: false };
    const f = fakes();
    const { opts } = options([toolReply('A'), 'fb', toolReply('B')], {
      signal: controller,
      calibrate: async (code, warm, ctx) => {
        if (ctx.iteration === 2) controller.aborted = true;
        return f.calibrate(code, warm);
      },
    });
    const result = await runGsimLoop(opts);
    expect(result.stopReason).toBe('aborted');
    expect(result.lineage.map((r) => r.iteration)).toEqual([1]);
  });

  it('runGsimLoop(opts) awaits the pause hook at every phase boundary', async () => {
    const order: string[] = [];
    const { opts } = options([toolReply('A'), 'fb', toolReply('B')], {
      maxIterations: 2,
      pause: async () => {
        order.push('pause');
      },
      events: { onCalibrationDone: () => order.push('calibrated'), onFeedbackReceived: () => order.push('feedback') },
    });
    await runGsimLoop(opts);
    expect(order).toEqual(['pause', 'pause', 'calibrated', 'pause', 'pause', 'feedback', 'pause', 'pause', 'calibrated', 'pause']);
  });

  it('runGsimLoop(opts) starts from initialCode without asking the model, then continues a history', async () => {
    const first = options(['fb', toolReply('B')], { initialCode: { code: 'A' }, maxIterations: 2 });
    const r1 = await runGsimLoop(first.opts);
    expect(r1.lineage.map((r) => [r.origin, r.code, r.description])).toEqual([['user', 'A', 'code supplied by the user'], ['llm', 'B', 'model B']]);
    expect(first.provider.requests[0].tool).toBeUndefined(); // the first request is iteration 2's reflection

    const second = options(['fb', toolReply('D')], { history: r1.lineage, maxIterations: 1 });
    const r2 = await runGsimLoop(second.opts);
    expect(r2.lineage.map((r) => r.iteration)).toEqual([1, 2, 3]);
    expect(second.provider.requests[1].messages[4].content).toContain('iteration 3 out of 3');
    expect(r2.best?.code).toBe('D');
  });

  it('runGsimLoop(opts) validates its counts', async () => {
    const { opts } = options([toolReply('A')], { maxIterations: 0 });
    await expect(runGsimLoop(opts)).rejects.toThrow('runGsimLoop: maxIterations must be an integer >= 1, got 0');
  });
});
