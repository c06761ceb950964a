import type { RuleViolation } from './DomainRule.ts';
import { formatPromptNumber, formatPromptRate } from './formatPromptNumber.ts';
import type { IterationRecord } from './GsimLoop.ts';
import { topCandidates } from './loopState.ts';

/** Inputs of {@link reflectionPrompt}. */
export interface ReflectionPromptInput {
  /** Every iteration so far, in order. */
  records: readonly IterationRecord[];
  /** How many of the best completions to show (k of "top-k"). */
  topK: number;
  /** The iteration the next code is for, and the total. */
  iteration: number;
  totalIterations: number;
}

/** Longest error text quoted in a history line (full errors go in the problems section). */
const MAX_LINE_ERROR = 200;

/**
 * The reflection prompt (paper App. E.4, paper notes §4.6): one history line per iteration
 * ("Iteration i. Val score: … Model description: …"), the top-k completions sorted with the best LAST,
 * each with its validation score, per-variable errors, domain-rule violation rates and fitted parameters,
 * the latest iteration's failure if any, and a request for actionable feedback only, without code.
 * @example
 * const feedbackRequest = reflectionPrompt({ records, topK: 5, iteration: 3, totalIterations: 5 });
 */
export function reflectionPrompt(input: ReflectionPromptInput): string {
  const { records } = input;
  const top = topCandidates(records, input.topK);
  const parts: string[] = [
    'The previous code completions had their numerical parameters calibrated on the training data. Reflect on how to improve the code so that it fits the validation data better (a lower validation score) and stays realistic. Code examples are delimited by ###.',
    `Here are your previous iterations:\n${records.map(historyLine).join('\n')}`,
  ];
  const rules = rulesOf(records);
  if (rules.length > 0) {
    parts.push(
      'Domain rules, checked at every step of simulated validation rollouts (violation rate: the share of simulated steps that break the rule):\n' +
        rules.map((r) => `- ${r.rule}: ${r.description} (\`${r.check}\`)`).join('\n'),
    );
  }
  if (top.length > 0) {
    parts.push(`Here are the top code completions so far that you have generated, sorted for the lowest validation score last:\n\n${top.map(completionEntry).join('\n\n')}`);
  } else if (input.topK > 0) {
    parts.push('None of the code completions so far produced a working simulator.');
  }
  const problem = latestProblem(records);
  if (problem) parts.push(problem);
  parts.push(
    'Reflect step by step on how to improve the fit and the realism of the model. Look at the variables with the largest errors, at the domain rules that are violated, and at the fitted parameter values (a value at a prior bound suggests a wrong bound or a missing mechanism; a parameter the data cannot pin down, or two that trade off, suggests removing or merging them; a validation error far above the simulator\'s own noise suggests a missing mechanism rather than poorly fitted values). ' +
      `Give only actionable feedback, as a numbered list of changes that translate directly into code changes. Do not write the code. The next code will be for iteration ${input.iteration} out of ${input.totalIterations}.`,
  );
  return parts.join('\n\n');
}

/**
 * How far to trust the fitted values (issue #14), as comments under them: per parameter, how well
 * the data pin it down, and the calibration's warnings. A parameter the data cannot pin down, or a
 * pair that trades off, is a structural hint the model can act on (drop, merge or re-parameterise).
 */
function trustLines(r: IterationRecord): string[] {
  const t = r.trust;
  if (!t) return [];
  const lines: string[] = [];
  if (t.identifiability.length > 0) {
    const each = t.identifiability.map((p) => {
      const notes = [p.status, p.atBound ? `at the ${p.atBound} bound` : '', p.tradesOffWith ? `trades off with ${p.tradesOffWith}` : ''].filter(Boolean);
      return `${p.name} ±${formatPromptNumber(p.width)} (${notes.join(', ')})`;
    });
    lines.push(`// How well the training data pin each parameter down: ${each.join('; ')}`);
  }
  for (const w of t.warnings) lines.push(`// Calibration warning: ${oneLine(w, 300)}`);
  return lines;
}

function historyLine(r: IterationRecord): string {
  const description = r.description?.trim() || '(none)';
  let score: string;
  if (r.error) score = `inf (failed: ${oneLine(r.error.message, MAX_LINE_ERROR)})`;
  else {
    const extra = r.diagnosis?.scores ? ` ${scoreDict(r.diagnosis.scores)}` : '';
    score = `${formatPromptNumber(r.valScore)}${extra}`;
    if (r.reusedFrom !== undefined) score += ` (identical to iteration ${r.reusedFrom})`;
  }
  return `Iteration ${r.iteration}. Val score: ${score}. Model description: ${oneLine(description, 400)}`;
}

function completionEntry(r: IterationRecord): string {
  const d = r.diagnosis;
  const details: string[] = [];
  if (d) {
    const perVar = Object.entries(d.perVariable).map(([k, v]) => `${k}: ${formatPromptNumber(v)}`);
    if (perVar.length > 0) details.push(`val ${d.perVariableMetric ?? 'one-step MSE'} per variable: ${perVar.join(', ')}`);
    if (d.ruleViolations.length > 0) {
      details.push(`domain-rule violation rates: ${d.ruleViolations.map((v) => `${v.rule} ${formatPromptRate(v.rate)}${v.error ? ' (the check threw)' : ''}`).join(', ')}`);
    }
  }
  const params = Object.entries(r.params ?? {}).map(([k, v]) => `${k}: ${formatPromptNumber(v)}`).join(', ');
  return [
    `Val score: ${formatPromptNumber(r.valScore)}${details.length > 0 ? ` (${details.join('; ')})` : ''} Iteration: ${r.iteration}`,
    '###',
    (r.code ?? '').trimEnd(),
    '// Fitted parameters (calibrated on the training data):',
    `const fittedParameters = { ${params} };`,
    ...trustLines(r),
    '###',
  ].join('\n');
}

/** What went wrong in the latest iteration, with its code when there was any, so the model can fix it. */
function latestProblem(records: readonly IterationRecord[]): string | undefined {
  const last = records[records.length - 1];
  if (!last) return undefined;
  if (last.error) {
    const head = last.error.phase === 'propose'
      ? `Iteration ${last.iteration} produced no usable code: ${last.error.message}`
      : `Iteration ${last.iteration} did not produce a working simulator (it failed during ${last.error.phase === 'calibrate' ? 'calibration' : 'diagnostics'}): ${last.error.message}`;
    return last.code ? `${head}\nIts code was:\n###\n${last.code.trimEnd()}\n###` : head;
  }
  if (last.reusedFrom !== undefined) {
    return `Iteration ${last.iteration} repeated the code of iteration ${last.reusedFrom} unchanged. Propose a real change to the model.`;
  }
  return undefined;
}

/** Rules named in any diagnosis, first occurrence wins, in order of appearance. */
function rulesOf(records: readonly IterationRecord[]): RuleViolation[] {
  const seen = new Map<string, RuleViolation>();
  for (const r of records) for (const v of r.diagnosis?.ruleViolations ?? []) if (!seen.has(v.rule)) seen.set(v.rule, v);
  return [...seen.values()];
}

function scoreDict(scores: Record<string, number>): string {
  return `{${Object.entries(scores).map(([k, v]) => `${k}: ${formatPromptNumber(v)}`).join(', ')}}`;
}

function oneLine(text: string, max: number): string {
  const s = text.replace(/\s+/g, ' ').trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
