import type { CodeVersion } from './Project.ts';

/**
 * Records `source` as a version unless a version with the same hash exists (content-addressed, so
 * re-running unchanged code never duplicates). Newest first.
 */
export function recordVersion(versions: readonly CodeVersion[], version: CodeVersion): CodeVersion[] {
  if (versions.some((v) => v.hash === version.hash)) return versions as CodeVersion[];
  return [version, ...versions];
}
