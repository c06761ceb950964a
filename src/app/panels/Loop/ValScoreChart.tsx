import { Plot } from '../../components/Plot.tsx';
import { valScorePoints } from '../../model/lineageTransitions.ts';
import { useStudio } from '../../store/useStudio.ts';

/** Validation score (rollout W1, lower is better) per loop iteration, with the running best; failed iterations are gaps. */
export function ValScoreChart() {
  const lineage = useStudio((s) => s.lineage);
  const points = valScorePoints(lineage);
  const x = points.map((p) => p.iteration);
  return (
    <div className="card" data-testid="loop.valChart" data-points={points.filter((p) => p.valScore !== null).length}>
      <h3>Validation score per iteration</h3>
      {points.length === 0 ? (
        <p className="text-small muted">Each iteration’s validation rollout W1 appears here (lower is better).</p>
      ) : (
        <Plot
          label="Validation rollout W1 per loop iteration, and the best so far"
          height={200}
          data={[
            { type: 'scatter', mode: 'lines+markers', name: 'val W1', x, y: points.map((p) => p.valScore), line: { color: '#3b6df0', width: 2 }, marker: { size: 7 } },
            { type: 'scatter', mode: 'lines', name: 'best so far', x, y: points.map((p) => p.best), line: { color: '#2e9d5b', width: 1.5, dash: 'dot', shape: 'hv' } },
          ]}
          layout={{ xaxis: { title: { text: 'iteration' }, dtick: 1 }, yaxis: { title: { text: 'val rollout W1' } }, margin: { t: 10, r: 10 } }}
        />
      )}
    </div>
  );
}
