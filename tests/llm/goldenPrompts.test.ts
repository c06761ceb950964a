import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EnvId } from '../../src/core/data/Dataset.ts';
import { getEnvironment } from '../../src/core/envs/environments.ts';
import type { ChatMessage } from '../../src/core/llm/ChatProvider.ts';
import { defaultDomainRules } from '../../src/core/llm/defaultDomainRules.ts';
import type { IterationRecord } from '../../src/core/llm/GsimLoop.ts';
import { codeRequestMessages, openingMessages, reflectionMessages, type ConversationContext } from '../../src/core/llm/loopMessages.ts';
import { compileSimulator } from '../../src/core/sim/compileSimulator.ts';

/**
 * Golden prompts (style P11): the exact conversations the loop sends for each benchmark. A mismatch
 * fails and writes `<name>-changed.txt` beside the golden for review; `UPDATE_GOLDEN=1 npx vitest run
 * tests/llm/goldenPrompts.test.ts` rewrites the goldens.
 */
const DIR = join(import.meta.dirname, '..', 'golden', 'prompts');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function render(messages: readonly ChatMessage[]): string {
  return messages.map((m) => `===== ${m.role} =====\n${m.content}`).join('\n\n') + '\n';
}

function expectGolden(name: string, actual: string): void {
  const path = join(DIR, `${name}.txt`);
  const changed = join(DIR, `${name}-changed.txt`);
  if (UPDATE) {
    writeFileSync(path, actual);
    rmSync(changed, { force: true });
    return;
  }
  const expected = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect.fail(`${name}.txt ${expected === undefined ? 'is missing' : 'differs'}: see ${name}-changed.txt (UPDATE_GOLDEN=1 to accept)`);
}

const FEEDBACK = `1. Model the missing mechanism explicitly instead of folding it into one rate.
2. Widen the prior bounds of parameters whose fitted values sit at a bound.
3. Fix the syntax error of the last iteration before anything else.`;

/** A deterministic history: the starter, the ground truth, then a program with a syntax error. */
function history(env: EnvId): IterationRecord[] {
  const e = getEnvironment(env);
  const starter = compileSimulator(e.starterSource);
  const rules = defaultDomainRules(env);
  const perVariable = (scale: number) => Object.fromEntries(e.variables.map((v, j) => [v, scale * (j + 1.2345)]));
  const broken = e.starterSource.replace('function step(', 'function step((');
  let syntaxError = '';
  try {
    compileSimulator(broken);
  } catch (err) {
    syntaxError = (err as Error).message;
  }
  return [
    {
      iteration: 1, origin: 'llm', code: e.starterSource, description: 'Starter model with simplified dynamics',
      params: Object.fromEntries(starter.parameters.map((p) => [p.name, p.init ?? (p.min + p.max) / 2])), fitness: 31.4159,
      diagnosis: {
        valScore: 12.3456, scores: { rolloutW1: 12.3456, energyScore: 5.4321, mse: 40.1234 }, perVariable: perVariable(10),
        ruleViolations: rules.map((r, i) => ({ rule: r.id, description: r.description, check: r.check, rate: i === 0 ? 0.0421 : 0, evaluations: 1200 })),
      },
      valScore: 12.3456, transcript: [],
    },
    {
      iteration: 2, origin: 'llm', code: e.groundTruthSource, description: 'Mechanistic model of every process in the description',
      params: { ...e.trueParams }, fitness: 20.5,
      diagnosis: {
        valScore: 1.2345, scores: { rolloutW1: 1.2345, energyScore: 2.3456, mse: 9.8765 }, perVariable: perVariable(1),
        ruleViolations: rules.map((r) => ({ rule: r.id, description: r.description, check: r.check, rate: 0, evaluations: 1200 })),
      },
      valScore: 1.2345, feedback: FEEDBACK, transcript: [],
    },
    {
      iteration: 3, origin: 'llm', code: broken, description: 'Mechanistic model with an extra term', valScore: Infinity,
      error: { phase: 'calibrate', message: syntaxError, code: 'syntax' }, feedback: FEEDBACK, transcript: [],
    },
  ];
}

describe.each(['covid', 'supply-chain', 'hospital'] as const)('golden prompts: %s', (env) => {
  const e = getEnvironment(env);
  const ctx: ConversationContext = {
    knowledge: e.knowledge, variables: e.variables, data: { trajectories: 100, steps: 60 }, totalIterations: 5, topK: 5, toolMode: 'auto',
  };

  it(`${env}.task: the opening conversation (system + task prompt, iteration 1 of 5)`, () => {
    expectGolden(`${env}.task`, render(openingMessages(ctx, 1)));
  });

  it(`${env}.reflection: the reflection request for iteration 4 after a starter, a good model and a syntax error`, () => {
    const text = render(reflectionMessages(ctx, history(env), 4));
    expect(text).toContain('Iteration 3. Val score: inf (failed: Syntax error at line');
    expectGolden(`${env}.reflection`, text);
  });

  it(`${env}.code-request: the code request for iteration 4, after the model's feedback`, () => {
    expectGolden(`${env}.code-request`, render(codeRequestMessages(ctx, history(env), FEEDBACK, 4)));
  });
});
