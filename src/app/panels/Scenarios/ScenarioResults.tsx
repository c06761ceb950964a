import { useState } from 'react';
import { scenarioFan } from '../../charts/scenarioFan.ts';
import { Plot } from '../../components/Plot.tsx';
import { formatNumber, formatSeconds } from '../../lib/format.ts';
import type { ScenarioRun } from '../../model/WhatIf.ts';

/** The variable a benchmark's story is about (the infection curve, the backlog, the ward). */
const KEY_VARIABLE = ['I', 'backlog', 'standard_occupancy'];

function Legend({ truth }: { truth: boolean }) {
  return (
    <div className="row text-small muted" style={{ gap: 'var(--space-4)' }} aria-hidden="true">
      {truth && (
        <span>
          <span className="legend-swatch" style={{ background: 'rgba(232,135,30,0.3)', borderTop: '2px solid #e8871e' }} />
          truth: median (solid), 5–95 %
        </span>
      )}
      <span>
        <span className="legend-swatch" style={{ background: 'rgba(59,109,240,0.3)', borderTop: `2px ${truth ? 'dashed' : 'solid'} #3b6df0` }} />
        model: median ({truth ? 'dashed' : 'solid'}), 5–95 %
      </span>
      <span>
        <span className="legend-swatch" style={{ background: 'rgba(201,55,44,0.15)' }} />
        intervention window
      </span>
    </div>
  );
}

function W1Table({ run }: { run: ScenarioRun }) {
  const vars = run.variables;
  return (
    <table className="data" data-testid="whatif.w1Table">
      <thead>
        <tr>
          <th>scenario</th>
          <th className="num">mean W1</th>
          {vars.map((v) => (
            <th key={v} className="num" title={`W1 of ${v}'s peak / final value between the model's and the truth's rollouts`}>
              {v}: peak W1 · final W1
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {run.outcomes.map((o) => (
          <tr key={o.name} data-testid={`whatif.w1.${o.name}`}>
            <td className="mono">{o.name}</td>
            <td className="num" data-testid="whatif.w1.mean">{formatNumber(o.comparison?.meanW1)}</td>
            {vars.map((v) => (
              <td key={v} className="num">
                {formatNumber(o.comparison?.perVariable[v]?.peakW1)} · {formatNumber(o.comparison?.perVariable[v]?.finalW1)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The last what-if run: fan charts per scenario side by side for one variable, and the W1 table. */
export function ScenarioResults({ run }: { run: ScenarioRun }) {
  const [picked, setPicked] = useState<string | null>(null);
  if (run.status !== 'done') {
    return (
      <div className={run.status === 'failed' ? 'alert' : 'alert info'} role="alert" data-testid="whatif.failed">
        <strong>{run.status === 'failed' ? 'The what-if run failed.' : 'The what-if run was cancelled.'}</strong> {run.error}
      </div>
    );
  }
  const variable = picked && run.variables.includes(picked) ? picked : (run.variables.find((v) => KEY_VARIABLE.includes(v)) ?? run.variables[0]);
  const hasTruth = run.outcomes.some((o) => o.truth);
  return (
    <div className="card stack" data-testid="whatif.results">
      <div className="card-head">
        <h3>Scenarios side by side</h3>
        <label className="row text-small muted" style={{ fontWeight: 550 }}>
          Variable
          <select value={variable} onChange={(e) => setPicked(e.target.value)} data-testid="whatif.variable">
            {run.variables.map((v) => (
              <option key={v}>{v}</option>
            ))}
          </select>
        </label>
      </div>
      <p className="text-small muted">
        {run.settings.rollouts} rollouts per scenario over {run.settings.horizon} steps, seed {run.settings.seed}, in {formatSeconds(run.seconds)}
        {hasTruth ? '; the ground truth ran from the same start states and seeds.' : '.'}{' '}
        <span data-testid="whatif.resultsParams" data-origin={run.origin.kind}>
          {run.origin.kind === 'posterior'
            ? `Model parameters: posterior draws (${run.origin.draws}, one per rollout), so the fans include parameter uncertainty.`
            : run.origin.kind === 'init'
              ? "Model parameters: the program's init values."
              : 'Model parameters: the calibration\'s point estimate.'}
        </span>
      </p>
      <Legend truth={hasTruth} />
      <div className="grid-auto">
        {run.outcomes.map((o) => {
          const c = scenarioFan(o, variable);
          return (
            <div key={o.name}>
              <div className="text-small" style={{ fontWeight: 600 }} title={o.description}>
                {o.name} <span className="muted">· {variable}</span>
              </div>
              <Plot data={c.data} layout={c.layout} label={`${variable} under ${o.name}`} testId={`whatif.fan.${o.name}`} height={230} />
            </div>
          );
        })}
      </div>
      {hasTruth && (
        <>
          <h3>Model vs truth: W1 between outcome distributions</h3>
          <W1Table run={run} />
        </>
      )}
    </div>
  );
}
