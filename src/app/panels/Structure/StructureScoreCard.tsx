import { Metric } from '../../components/Metric.tsx';
import { formatNumber } from '../../lib/format.ts';
import type { BenchmarkStructureScore } from '../../../core/structure/scoreStructure.ts';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const edge = (e: { from: string; to: string }) => `${e.from.split(':')[1]} → ${e.to.split(':')[1]}`;

/** Precision, recall, F1 and SHD of the influence edges against the benchmark's ground truth (paper Table 4). */
export function StructureScoreCard({ score, title }: { score: BenchmarkStructureScore; title: string }) {
  const renamed = Object.entries(score.matched).filter(([c, t]) => c !== t);
  return (
    <div className="card" data-testid="structure.score">
      <h3>Against the {title} ground truth</h3>
      <div className="row" style={{ gap: 'var(--space-3)', alignItems: 'stretch', flexWrap: 'wrap' }}>
        <Metric label="Precision" value={<span data-testid="structure.score.precision">{pct(score.precision)}</span>} hint={`${score.truePositives} of ${score.candidateEdges} edges`} />
        <Metric label="Recall" value={<span data-testid="structure.score.recall">{pct(score.recall)}</span>} hint={`${score.truePositives} of ${score.truthEdges} truth edges`} />
        <Metric label="F1" value={<span data-testid="structure.score.f1">{pct(score.f1)}</span>} hint="paper Table 4" />
        <Metric label="SHD" value={<span data-testid="structure.score.shd">{formatNumber(score.shd)}</span>} hint="edges to add, remove or reverse" />
      </div>
      <p className="text-small muted" style={{ marginTop: 'var(--space-2)' }}>
        Influence edges (parameter or state variable → next state variable) of this program against those of the ground-truth program, found by
        the same analysis; hidden state (lists, counters) is projected onto the observed variables.
        {renamed.length > 0 && <> Matched by alias: {renamed.map(([c, t]) => `${c.split(':')[1]} = ${t.split(':')[1]}`).join(', ')}.</>}
      </p>
      {(score.missing.length > 0 || score.extra.length > 0) && (
        <ul className="text-small structure-diff" data-testid="structure.score.diff">
          {score.missing.map((e) => (
            <li key={`m${edge(e)}`} className="structure-missing">
              missing {edge(e)}
            </li>
          ))}
          {score.extra.map((e) => (
            <li key={`x${edge(e)}`} className="structure-extra">
              extra {edge(e)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
