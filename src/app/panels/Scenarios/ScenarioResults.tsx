import { useMemo, useState } from 'react';
import { scenarioFan, sharedFanRange } from '../../charts/scenarioFan.ts';
import { CsvButton } from '../../components/CsvButton.tsx';
import { Plot } from '../../components/Plot.tsx';
import { formatNumber, formatSeconds } from '../../lib/format.ts';
import type { OutcomeInterval, ScenarioRun, VariableOutcomes, VariableW1 } from '../../model/WhatIf.ts';
import { peaksAtStart } from './peaksAtStart.ts';
import { wholeDays } from './wholeDays.ts';

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

const PEAK_KEYS: readonly (keyof VariableW1)[] = ['peakW1', 'peakTimeW1'];

/** Model-vs-truth W1s of the shown variable: one number per cell. */
function W1Table({ run, variable }: { run: ScenarioRun; variable: string }) {
  const cols: [keyof VariableW1, string, string][] = [
    ['peakW1', 'peak', `W1 between the model's and the truth's distributions of ${variable}'s peak`],
    ['peakTimeW1', 'peak day', `W1 between the distributions of the day ${variable} peaks`],
    ['finalW1', 'final', `W1 between the distributions of ${variable}'s last value`],
    ['meanW1', 'over time', `W1 of ${variable} averaged over the days`],
  ];
  const rows = run.outcomes.filter((o) => !o.error);
  const noPeak = rows.some((o) => peaksAtStart(o, variable));
  return (
    <>
      <table className="data" data-testid="whatif.w1Table">
        <thead>
          <tr>
            <th>scenario</th>
            <th className="num" title="Mean W1 over all variables and outcomes">mean W1 (all variables)</th>
            {cols.map(([k, label, title]) => (
              <th key={k} className="num" title={title}>
                {variable} {label} W1
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.name} data-testid={`whatif.w1.${o.name}`}>
              <td className="mono">{o.name}</td>
              <td className="num" data-testid="whatif.w1.mean">{formatNumber(o.comparison?.meanW1)}</td>
              {cols.map(([k]) =>
                PEAK_KEYS.includes(k) && peaksAtStart(o, variable) ? (
                  <td key={k} className="num muted" data-testid={`whatif.w1.${k}.na`} title={`${variable} never rises above its start here: its peak is the shared start state`}>
                    n/a
                  </td>
                ) : (
                  <td key={k} className="num">
                    {formatNumber(o.comparison?.perVariable[variable]?.[k])}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {noPeak && (
        <p className="text-small muted" data-testid="whatif.w1.noPeakNote">
          n/a: {variable} only falls from its start in every rollout of model and truth, so both peak at the shared start state and a peak W1 would be 0 by construction.
        </p>
      )}
    </>
  );
}

const OUTCOME_COLUMNS: [keyof VariableOutcomes, string][] = [
  ['peak', 'peak'],
  ['peakDay', 'peak day'],
  ['total', 'total over the days'],
  ['final', 'final value'],
];

/** "median (5–95 %)" of an outcome interval. */
function Interval({ v }: { v: OutcomeInterval }) {
  return (
    <>
      {formatNumber(v.median)} <span className="muted">({formatNumber(v.q05)}–{formatNumber(v.q95)})</span>
    </>
  );
}

/**
 * Outcomes of the shown variable in its own units (median and 5–95 % over the rollouts), model and
 * truth, with each scenario's median difference from the first one (the baseline).
 */
function OutcomeTable({ run, variable }: { run: ScenarioRun; variable: string }) {
  const rows = run.outcomes.filter((o) => !o.error && o.summary?.model[variable]);
  if (rows.length === 0) return null;
  const baseline = rows[0];
  const sides = (['model', 'truth'] as const).filter((side) => rows.some((o) => o.summary?.[side]?.[variable]));
  return (
    <>
      <div className="card-head">
        <h3>Outcomes of {variable}</h3>
        <CsvButton
          fileName={`whatif-outcomes-${variable}`} testId="whatif.outcomes.csv"
          build={() => ({
            header: ['scenario', 'side', ...OUTCOME_COLUMNS.flatMap(([k]) => [`${k}_median`, `${k}_q05`, `${k}_q95`])],
            rows: rows.flatMap((o) =>
              sides.flatMap((side) => {
                const v = o.summary?.[side]?.[variable];
                return v ? [[o.name, side, ...OUTCOME_COLUMNS.flatMap(([k]) => [v[k].median, v[k].q05, v[k].q95])]] : [];
              }),
            ),
          })}
        />
      </div>
      <p className="text-small muted">
        Median over the rollouts, 5–95 % in brackets; Δ is the change of the median from <span className="mono">{baseline.name}</span>, the first scenario.
      </p>
      <table className="data" data-testid="whatif.outcomes">
        <thead>
          <tr>
            <th>scenario</th>
            <th>side</th>
            {OUTCOME_COLUMNS.map(([k, label]) => (
              <th key={k} className="num">
                {label}
              </th>
            ))}
            {OUTCOME_COLUMNS.map(([k, label]) => (
              <th key={`d-${k}`} className="num">
                Δ {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((o) =>
            sides.map((side) => {
              const raw = o.summary?.[side]?.[variable];
              const rawBase = baseline.summary?.[side]?.[variable];
              if (!raw) return null;
              // Peak days read as whole days here (the CSV keeps the interpolated quantiles).
              const v = { ...raw, peakDay: wholeDays(raw.peakDay) };
              const b = rawBase && { ...rawBase, peakDay: wholeDays(rawBase.peakDay) };
              return (
                <tr key={`${o.name}-${side}`} data-testid={`whatif.outcome.${o.name}.${side}`}>
                  <td className="mono">{o.name}</td>
                  <td>{side}</td>
                  {OUTCOME_COLUMNS.map(([k]) => (
                    <td key={k} className="num" data-testid={`whatif.outcome.${k}`}>
                      <Interval v={v[k]} />
                    </td>
                  ))}
                  {OUTCOME_COLUMNS.map(([k]) => (
                    <td key={`d-${k}`} className="num">
                      {o === baseline || !b ? '–' : signed(v[k].median - b[k].median)}
                    </td>
                  ))}
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </>
  );
}

function signed(x: number): string {
  return x > 0 ? `+${formatNumber(x)}` : formatNumber(x);
}

/** Scenarios that could not run, each with its own message. */
function ScenarioErrors({ run }: { run: ScenarioRun }) {
  const failed = run.outcomes.filter((o) => o.error);
  if (failed.length === 0) return null;
  return (
    <div className="alert" role="alert" data-testid="whatif.scenarioErrors">
      <strong>{failed.length === 1 ? 'One scenario could not run' : `${failed.length} scenarios could not run`}</strong>
      {failed.length < run.outcomes.length ? '; the others are shown below.' : '.'}
      <ul style={{ margin: 'var(--space-1) 0 0', paddingLeft: 'var(--space-4)' }}>
        {failed.map((o) => (
          <li key={o.name} data-testid={`whatif.scenarioError.${o.name}`}>
            <span className="mono">{o.name}</span>: {o.error}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The last what-if run: fan charts per scenario side by side for one variable, and the W1 table. */
export function ScenarioResults({ run }: { run: ScenarioRun }) {
  const [picked, setPicked] = useState<string | null>(null);
  const variable = picked && run.variables.includes(picked) ? picked : (run.variables.find((v) => KEY_VARIABLE.includes(v)) ?? run.variables[0]);
  const shown = useMemo(() => run.outcomes.filter((o) => !o.error), [run]);
  const yRange = useMemo(() => sharedFanRange(shown, variable), [shown, variable]);
  if (run.status !== 'done') {
    if (run.status === 'failed' && run.outcomes.length > 0) return <ScenarioErrors run={run} />;
    return (
      <div className={run.status === 'failed' ? 'alert' : 'alert info'} role="alert" data-testid="whatif.failed">
        <strong>{run.status === 'failed' ? 'The what-if run failed.' : 'The what-if run was cancelled.'}</strong> {run.error}
      </div>
    );
  }
  const hasTruth = shown.some((o) => o.truth);
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
      <ScenarioErrors run={run} />
      <Legend truth={hasTruth} />
      <p className="text-small muted">All panels share one y axis.</p>
      <div className="grid-auto">
        {shown.map((o) => {
          const c = scenarioFan(o, variable, yRange);
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
      <OutcomeTable run={run} variable={variable} />
      {hasTruth && (
        <>
          <div className="card-head">
            <h3>Model vs truth: W1 between outcome distributions</h3>
            <CsvButton
              fileName="whatif-w1" testId="whatif.w1.csv"
              build={() => ({
                header: ['scenario', 'mean_w1', ...run.variables.flatMap((v) => [`${v}_peak_w1`, `${v}_peak_day_w1`, `${v}_final_w1`, `${v}_mean_w1`])],
                rows: run.outcomes.filter((o) => !o.error).map((o) => [
                  o.name, o.comparison?.meanW1,
                  ...run.variables.flatMap((v) => {
                    const c = o.comparison?.perVariable[v];
                    // Blank where the peak is the shared start (0 by construction, see peaksAtStart).
                    const peak = peaksAtStart(o, v) ? [null, null] : [c?.peakW1, c?.peakTimeW1];
                    return [...peak, c?.finalW1, c?.meanW1];
                  }),
                ]),
              })}
            />
          </div>
          <W1Table run={run} variable={variable} />
        </>
      )}
    </div>
  );
}
