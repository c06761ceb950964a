import { selectRun } from '../actions/calibrationActions.ts';
import { formatTime } from '../lib/format.ts';
import type { RunRecord } from '../model/RunRecord.ts';
import { useStudio } from '../store/useStudio.ts';

const METHOD_LABEL = { ga: 'GA', cmaes: 'CMA-ES', npe: 'NPE' } as const;

/** A short label for a run: method, time, status. */
export function runLabel(r: RunRecord): string {
  return `${METHOD_LABEL[r.settings.method]} · ${formatTime(r.createdAt)} · ${r.status}`;
}

/** Chooses which run the result panels show. */
export function RunPicker({ runs, value, testId }: { runs: RunRecord[]; value: string | null; testId?: string }) {
  const active = useStudio((s) => s.activeRunId);
  if (runs.length === 0) return null;
  return (
    <label className="row text-small muted" style={{ fontWeight: 550 }}>
      Showing
      <select value={value ?? ''} onChange={(e) => selectRun(e.target.value || null)} data-testid={testId} style={{ maxWidth: 340 }}>
        {runs.map((r) => (
          <option key={r.id} value={r.id}>
            {runLabel(r)}
            {r.id === active ? ' (live)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
