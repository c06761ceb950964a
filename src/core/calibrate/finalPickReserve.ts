/** The most candidates set aside for the final race (finalPick.ts): 8 finalists × 32 rounds. */
export const FINAL_PICK_MAX_RESERVE = 256;

/**
 * Candidates set aside for the final race out of a whole cap of `maxCandidates`: an eleventh, at most
 * {@link FINAL_PICK_MAX_RESERVE}, so that the default cap ({@link withFinalPickReserve}) leaves the
 * search exactly its own cap. Its own file so that `budget.ts` can use it without importing the race.
 */
export function finalPickReserve(maxCandidates: number): number {
  if (!Number.isFinite(maxCandidates)) return FINAL_PICK_MAX_RESERVE;
  return Math.min(FINAL_PICK_MAX_RESERVE, Math.floor(maxCandidates / 11));
}

/** A whole cap that leaves a search `searchCap` candidates and the race a tenth of that (at most 256) on top. */
export function withFinalPickReserve(searchCap: number): number {
  return searchCap + Math.min(FINAL_PICK_MAX_RESERVE, Math.floor(searchCap / 10));
}
