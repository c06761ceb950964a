import { useEffect, useState } from 'react';
import type { EnvId } from '../../../core/data/Dataset.ts';
import { analyzeStructure, type StructureResult } from '../../../core/structure/analyzeStructure.ts';
import { scoreAgainstBenchmark, type BenchmarkStructureScore } from '../../../core/structure/scoreStructure.ts';

/** Typing pauses this long before the graph is recomputed. */
const DEBOUNCE_MS = 350;

/** The analysis of one source text, and its benchmark score when the project is a benchmark. */
export interface StructureAnalysis {
  source: string;
  result: StructureResult;
  score: BenchmarkStructureScore | null;
  /** Milliseconds the analysis took (shown, so slow programs are visible). */
  ms: number;
}

function analyse(source: string, env: EnvId | null, variables: readonly string[]): StructureAnalysis {
  const t0 = performance.now();
  const result = analyzeStructure(source, { stateVariables: variables });
  const score = result.ok && env ? scoreAgainstBenchmark(result.graph, env) : null;
  return { source, result, score, ms: performance.now() - t0 };
}

/**
 * The structure of the working copy, recomputed after typing pauses (debounced) and in its own task,
 * so keystrokes never wait for it. While the code does not parse, the last good graph stays, with the
 * parse error beside it.
 */
export function useStructureAnalysis(source: string, env: EnvId | null, variables: readonly string[]): { current: StructureAnalysis | null; lastGood: StructureAnalysis | null } {
  const [current, setCurrent] = useState<StructureAnalysis | null>(() => (source.trim() ? analyse(source, env, variables) : null));
  const [lastGood, setLastGood] = useState<StructureAnalysis | null>(() => (current?.result.ok ? current : null));
  const varsKey = variables.join('\u0000');
  useEffect(() => {
    if (current && current.source === source) return;
    const timer = setTimeout(() => {
      const a = source.trim() ? analyse(source, env, variables) : null;
      setCurrent(a);
      if (a?.result.ok) setLastGood(a);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, env, varsKey]);
  return { current, lastGood };
}
