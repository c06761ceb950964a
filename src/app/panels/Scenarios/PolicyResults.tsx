import { useMemo } from 'react';
import { optimumOnEdge, policyHeatmap, sharedCostRange, type HeatmapMark } from '../../charts/policyHeatmap.ts';
import { Metric } from '../../components/Metric.tsx';
import { CsvButton } from '../../components/CsvButton.tsx';
import { Plot } from '../../components/Plot.tsx';
import { formatNumber, formatSeconds } from '../../lib/format.ts';
import type { PolicyRun } from '../../model/WhatIf.ts';

/** The last policy search: the model's heatmap (and the truth's beside it), optima and regret. */
export function PolicyResults({ run }: { run: PolicyRun }) {
  const charts = useMemo(() => {
    const range = sharedCostRange([run.model, run.truth]);
    const mo = run.model?.optimum;
    const model = run.model && policyHeatmap(run.model, mo ? [{ x: mo.x, y: mo.y, label: 'optimum', symbol: 'star' }] : [], range);
    const tMarks: HeatmapMark[] = [];
    if (run.truth?.optimum) tMarks.push({ x: run.truth.optimum.x, y: run.truth.optimum.y, label: 'optimum', symbol: 'star' });
    if (mo && run.truth && (mo.i !== run.truth.optimum?.i || mo.j !== run.truth.optimum?.j)) tMarks.push({ x: mo.x, y: mo.y, label: "model's choice", symbol: 'x' });
    const truth = run.truth && policyHeatmap(run.truth, tMarks, range);
    return { model, truth };
  }, [run]);
  const g = run.grid;
  const mo = run.model?.optimum;
  const edges = run.model ? optimumOnEdge(run.model) : [];
  return (
    <div className="card stack" data-testid="policy.results" data-status={run.status}>
      {run.status !== 'done' && (
        <div className={run.status === 'failed' ? 'alert' : 'alert info'} role="alert" data-testid="policy.failed">
          <strong>{run.status === 'failed' ? 'The policy search failed.' : 'The policy search was cancelled; cells not run are blank.'}</strong> {run.error}
        </div>
      )}
      {run.model && (
        <div className="row" style={{ gap: 'var(--space-3)', alignItems: 'stretch' }}>
          <Metric
            label="Model's optimum" testId="policy.optimum"
            value={mo ? `${g.xName} ${mo.x}, ${g.yName} ${mo.y}` : '–'} hint={mo ? `expected cost ${formatNumber(mo.cost)}` : undefined}
          />
          {run.truth?.optimum && (
            <Metric label="Truth's optimum" value={`${g.xName} ${run.truth.optimum.x}, ${g.yName} ${run.truth.optimum.y}`} hint={`expected cost ${formatNumber(run.truth.optimum.cost)}`} />
          )}
          {run.regret && (
            <Metric
              label="Regret in the truth" testId="policy.regret"
              value={<span data-testid="policy.regret.value">{formatNumber(run.regret.regret)}</span>}
              hint={`${formatNumber(100 * run.regret.relativeRegret)} % above the truth's best; the model's choice costs ${formatNumber(run.regret.modelChoiceTrueCost)} there`}
            />
          )}
          <Metric label="Computed in" value={formatSeconds(run.seconds)} hint={`${run.rollouts} rollouts per cell, in Web Workers`} />
        </div>
      )}
      {edges.length > 0 && (
        <div className="alert info" data-testid="policy.edgeOptimum">
          The model's optimum lies on the edge of the grid ({edges.map((k) => (k === 'x' ? g.xName : g.yName)).join(' and ')}): the best policy may lie
          beyond the values tried; widen the grid on that side.
        </div>
      )}
      {run.model && (
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <p className="text-small muted mono" style={{ margin: 0 }}>cost = {g.cost}</p>
          <CsvButton
            fileName={`policy-${g.name}`} testId="policy.csv"
            build={() => ({
              header: [g.xName, g.yName, 'model_cost', 'model_std_error', ...(run.truth ? ['truth_cost', 'truth_std_error'] : [])],
              rows: g.xValues.flatMap((x, i) =>
                g.yValues.map((y, j) => [x, y, run.model!.mean[i][j], run.model!.stdError?.[i]?.[j], ...(run.truth ? [run.truth.mean[i][j], run.truth.stdError?.[i]?.[j]] : [])]),
              ),
            })}
          />
        </div>
      )}
      <div className="grid-2">
        {charts.model && (
          <div>
            <h3>Model: expected cost</h3>
            <Plot data={charts.model.data} layout={charts.model.layout} label="Expected cost on the model" testId="policy.heatmap.model" height={340} />
          </div>
        )}
        {charts.truth && (
          <div>
            <h3>Ground truth: expected cost</h3>
            <Plot data={charts.truth.data} layout={charts.truth.layout} label="Expected cost on the ground truth" testId="policy.heatmap.truth" height={340} />
          </div>
        )}
      </div>
    </div>
  );
}
