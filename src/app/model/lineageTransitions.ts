import { normalizeCode } from '../../core/llm/normalizeCode.ts';
import type { LoopVersion } from './LoopVersion.ts';

/**
 * Adds a version to a lineage (oldest first), replacing one with the same id (pure).
 * @param lineage the project's lineage.
 * @param version the new version.
 */
export function appendVersion(lineage: readonly LoopVersion[], version: LoopVersion): LoopVersion[] {
  const rest = lineage.filter((v) => v.id !== version.id);
  return [...rest, version].sort((a, b) => a.record.iteration - b.record.iteration || a.createdAt - b.createdAt);
}

/** One point of the val-score-per-iteration chart. */
export interface ValScorePoint {
  iteration: number;
  /** Finite val score, or null when the iteration failed. */
  valScore: number | null;
  /** Best finite val score up to and including this iteration, or null before the first. */
  best: number | null;
}

/** The val score of every iteration and the running best (pure; failed iterations have null). */
export function valScorePoints(lineage: readonly LoopVersion[]): ValScorePoint[] {
  let best: number | null = null;
  return lineage.map((v) => {
    const s = Number.isFinite(v.record.valScore) ? v.record.valScore : null;
    if (s !== null && (best === null || s < best)) best = s;
    return { iteration: v.record.iteration, valScore: s, best };
  });
}

/** The version with the lowest finite val score, if any. */
export function bestVersion(lineage: readonly LoopVersion[]): LoopVersion | undefined {
  let best: LoopVersion | undefined;
  for (const v of lineage) if (Number.isFinite(v.record.valScore) && (!best || v.record.valScore < best.record.valScore)) best = v;
  return best;
}

/**
 * The code the next loop iteration should start from when the user edited the editor's copy after the
 * lineage's last version (whitespace aside), else undefined (the model proposes).
 * @param lineage the project's lineage.
 * @param source the editor's working copy.
 */
export function editedSinceLastVersion(lineage: readonly LoopVersion[], source: string): string | undefined {
  const last = [...lineage].reverse().find((v) => v.record.code !== undefined);
  if (!last || !source.trim()) return undefined;
  return normalizeCode(last.record.code!) === normalizeCode(source) ? undefined : source;
}
