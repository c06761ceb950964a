import type { GsimLoopResult, IterationRecord } from '../core/llm/GsimLoop.ts';
import { fmt, pairs, table } from './formatText.ts';

/** What the run was, reported beside its result. */
export interface LoopRunInfo {
  provider: string;
  model: string;
  baseURL: string | null;
  env: string | null;
  /** The --data path, or how the data was generated. */
  data: string;
  knowledge: string;
  rules: string[];
  method: string;
  generations: number | null;
  popsize: number | null;
  mc: number;
  seed: number;
  iterations: number;
  patience: number;
  workers: number;
}

/**
 * One lineage entry as `gsim loop` reports it: the record without its transcript (that goes to
 * lineage.json with `--out`), with fixed keys (null when absent) so scripts can rely on them.
 * `valScore` is +Infinity for a failed iteration (null in JSON).
 */
export function lineageEntryJson(r: IterationRecord, withTranscript = false): Record<string, unknown> {
  const d = r.diagnosis;
  return {
    iteration: r.iteration,
    origin: r.origin,
    description: r.description ?? null,
    code: r.code ?? null,
    params: r.params ?? null,
    fitness: r.fitness ?? null,
    valScore: r.valScore,
    benchmarkW1: d?.benchmarkW1 ?? null,
    metrics: d
      ? { valScore: d.valScore, scores: d.scores ?? {}, perVariable: d.perVariable, perVariableMetric: d.perVariableMetric ?? 'one-step MSE', ruleViolations: d.ruleViolations }
      : null,
    reusedFrom: r.reusedFrom ?? null,
    error: r.error ?? null,
    feedback: r.feedback ?? null,
    ...(withTranscript ? { transcript: r.transcript } : {}),
  };
}

/** The `--json` object (and, with transcripts, lineage.json). */
export function loopResultJson(result: GsimLoopResult, info: LoopRunInfo, seconds: number, withTranscript = false): Record<string, unknown> {
  return {
    ...info,
    stopReason: result.stopReason,
    error: result.error ?? null,
    bestIteration: result.best?.iteration ?? null,
    lineage: result.lineage.map((r) => lineageEntryJson(r, withTranscript)),
    seconds,
  };
}

const STOP_TEXT: Record<GsimLoopResult['stopReason'], string> = {
  'max-iterations': 'all iterations done',
  patience: 'patience ran out (no better validation score)',
  aborted: 'cancelled',
  'llm-error': 'the LLM request failed',
};

/** The human-readable summary: a table of iterations, their parameters or errors, and the best candidate's code. */
export function formatLoopText(result: GsimLoopResult, info: LoopRunInfo, seconds: number): string {
  const lines = [
    `G-Sim loop: ${info.provider} model ${info.model}${info.baseURL ? ` at ${info.baseURL}` : ''}; data ${info.data}${info.env && !info.data.includes(info.env) ? ` (${info.env})` : ''}`,
    `calibration: ${info.method.toUpperCase()}${info.generations !== null ? `, ${info.generations} generations` : ''}${info.popsize !== null ? `, popsize ${info.popsize}` : ''}, mc ${info.mc}, seed ${info.seed}, ${info.workers} worker${info.workers === 1 ? '' : 's'}; rules: ${info.rules.join(', ') || 'none'}`,
  ];
  const hasBenchmark = result.lineage.some((r) => r.diagnosis?.benchmarkW1 !== undefined);
  if (result.lineage.length > 0) {
    lines.push(
      table(
        ['iteration', 'val score', ...(hasBenchmark ? ['benchmark W1'] : []), 'description'],
        result.lineage.map((r) => [String(r.iteration), fmt(r.valScore), ...(hasBenchmark ? [fmt(r.diagnosis?.benchmarkW1)] : []), oneLine(r.description ?? '—')]),
      ),
    );
    for (const r of result.lineage) {
      if (r.error) lines.push(`  ${r.iteration}: error in ${r.error.phase}${r.error.code ? ` [${r.error.code}]` : ''}: ${r.error.message}`);
      else if (r.params) lines.push(`  ${r.iteration}: ${pairs(r.params)}${r.reusedFrom !== undefined ? ` (same code as iteration ${r.reusedFrom})` : ''}`);
    }
  } else {
    lines.push('no iteration finished');
  }
  lines.push(`stopped: ${STOP_TEXT[result.stopReason]} after ${result.lineage.length} iteration${result.lineage.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s`);
  if (result.error) lines.push(`  ${result.error.message}`);
  const best = result.best;
  if (best) {
    lines.push(
      `best: iteration ${best.iteration}, val score ${fmt(best.valScore)}${best.diagnosis?.benchmarkW1 !== undefined ? `, benchmark W1 ${fmt(best.diagnosis.benchmarkW1)}` : ''} — ${oneLine(best.description ?? '')}`,
      `  parameters: ${pairs(best.params ?? {})}`,
      '  code:',
      ...(best.code ?? '').trimEnd().split('\n').map((l) => (l.trim() ? `    ${l}` : '')),
    );
  } else {
    lines.push('best: none (no iteration produced a working, calibrated simulator)');
  }
  return lines.join('\n');
}

function oneLine(s: string): string {
  const line = s.split('\n')[0];
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}
