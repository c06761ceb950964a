import { useStore } from 'zustand';
import { setPanel } from '../../actions/uiActions.ts';
import { formatNumber } from '../../lib/format.ts';
import { useStudio } from '../../store/useStudio.ts';
import { baselineStore } from './baselineStore.ts';
import { datasetKey } from './runBaselineComparison.ts';

/**
 * What-if: why the data-driven baselines are not offered here. Parameter interventions act on a
 * mechanism (a rate, a lead time, a capacity) that a black box does not have; it can answer only state
 * and action interventions. When the Diagnostics comparison has run on this data, each model's error
 * against the truth under the benchmark's preset intervention is repeated here.
 */
export function BlackBoxWhatIfNote() {
  const dataset = useStudio((s) => s.dataset);
  const st = useStore(baselineStore);
  const latest = st.datasetKey === datasetKey(dataset) ? st.results.at(-1) : undefined;
  if (!dataset) return null;
  return (
    <div className="card" data-testid="whatif.blackBoxNote">
      <h3>Data-driven baselines and interventions</h3>
      <p className="text-small">
        Parameter interventions (a lockdown scaling the transmission rate, a new lead time, extra beds) apply to mechanistic
        simulators only. A data-driven baseline (SINDy, an MLP world model; see{' '}
        <button className="btn text-small" type="button" onClick={() => setPanel('diagnostics')}>
          Diagnostics
        </button>
        ) has no such parameter: it can answer only state and action interventions (a changed start state, an ordering policy).
      </p>
      {latest?.intervention && (
        <table className="data" data-testid="whatif.blackBoxErrors">
          <thead>
            <tr>
              <th>model ({latest.size} train trajectories)</th>
              <th className="num">error vs truth under “{latest.intervention.name}”</th>
            </tr>
          </thead>
          <tbody>
            {latest.rows.map((r) => (
              <tr key={r.key} className={r.kind === 'floor' ? 'muted' : undefined}>
                <td>{r.label}{r.interventionNote ? ` — ${r.interventionNote}` : ''}</td>
                <td className="num">{r.interventionError != null ? formatNumber(r.interventionError) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
