import { useEffect, useMemo, useState } from 'react';
import { getEnvironment } from '../../../core/envs/environments.ts';
import type { SourceRange } from '../../../core/structure/StructureGraph.ts';
import { checkNow } from '../../actions/codeActions.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { selectCompiledParameters, selectRunsWithParams } from '../../store/selectors.ts';
import { useStudio } from '../../store/useStudio.ts';
import { layoutStructureGraph } from './layoutStructureGraph.ts';
import { SlidersCard } from './SlidersCard.tsx';
import { StructureCodeView } from './StructureCodeView.tsx';
import { StructureGraphView, StructureLegend } from './StructureGraphView.tsx';
import { StructureScoreCard } from './StructureScoreCard.tsx';
import { useStructureAnalysis } from './useStructureAnalysis.ts';
import './structure.css';

const NO_RANGES: SourceRange[] = [];

/**
 * Explore: the simulator's causal structure drawn from its code (issue #9), scored against the
 * benchmark's ground truth, beside the code, and live sliders that re-simulate as they move.
 */
export function StructurePanel() {
  const source = useStudio((s) => s.source);
  const env = useStudio((s) => s.meta?.env ?? null);
  const dataset = useStudio((s) => s.dataset);
  const variables = useStudio((s) => s.variables);
  const compile = useStudio((s) => s.compile.status);
  const parameters = useStudio(selectCompiledParameters);
  const runs = useStudio((s) => selectRunsWithParams(s.runs));
  const { current, lastGood } = useStructureAnalysis(source, env, variables);
  const shown = current?.result.ok ? current : lastGood;
  const [selected, setSelected] = useState<string | null>(null);
  const [lines, setLines] = useState<{ from: number; to: number } | null>(null);

  useEffect(() => {
    if (compile === 'idle' && source.trim()) void checkNow();
  }, [compile, source]);

  const graph = shown?.result.ok ? shown.result.graph : null;
  const layout = useMemo(() => (graph ? layoutStructureGraph(graph, shown!.score) : null), [graph, shown]);
  const node = graph?.nodes.find((n) => n.id === selected) ?? null;
  // A node's own code: a parameter's declaration and reads, a variable's reads and writes, a submodule's body.
  const highlight = node ? node.ranges : NO_RANGES;
  const linked = useMemo(() => {
    const ids = new Set<string>();
    if (lines && graph) for (const n of graph.nodes) if (n.ranges.some((r) => r.from < lines.to && r.to > lines.from)) ids.add(n.id);
    return ids;
  }, [lines, graph]);
  // The newest calibration of a program with the same parameter names seeds the sliders.
  const run = useMemo(() => runs.find((r) => parameters?.every((p) => r.params?.[p.name] !== undefined)) ?? null, [runs, parameters]);

  if (!source.trim()) {
    return (
      <EmptyState title="No simulator code yet" testId="panel.structure">
        Write or generate a simulator program; its structure is drawn here.
      </EmptyState>
    );
  }
  const parseError = current && !current.result.ok ? current.result.error : null;
  return (
    <section className="panel" data-testid="panel.structure">
      <div className="panel-head">
        <div>
          <h2>Explore the simulator</h2>
          <p>Its structure read from the code: what each state variable's next value depends on. Click a node to see its code; select code lines to find their nodes.</p>
        </div>
      </div>
      {parseError && (
        <div className="alert" role="alert" data-testid="structure.parseError">
          Line {parseError.line}, column {parseError.column}: {parseError.message}
          {lastGood && ' The graph shows the last version that parsed.'}
        </div>
      )}
      {graph && layout && (
        <div className="structure-main">
          <div className="card structure-graph-card">
            <div className="card-head">
              <h3>Structure graph</h3>
              <span className="text-small muted" data-testid="structure.summary">
                {graph.nodes.filter((n) => n.kind === 'param').length} parameters · {graph.nodes.filter((n) => n.kind === 'state').length} state variables ·{' '}
                {graph.edges.filter((e) => e.kind === 'influence').length} influence edges · analysed in {shown!.ms.toFixed(0)} ms
              </span>
            </div>
            <div className="structure-canvas">
              <StructureGraphView layout={layout} selected={selected} linked={linked} onSelect={setSelected} />
            </div>
            <StructureLegend scored={!!shown!.score} />
            {graph.warnings.length > 0 && (
              <ul className="text-small muted" data-testid="structure.warnings">
                {graph.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            )}
          </div>
          <div className="card structure-code-card">
            <div className="card-head">
              <h3>Code</h3>
              <span className="text-small muted" data-testid="structure.selection">
                {node ? `${node.kind} ${node.name}: ${new Set(highlight.map((r) => r.start.line)).size} lines` : linked.size > 0 ? `${linked.size} nodes in the selected lines` : 'click a node'}
              </span>
            </div>
            <div className="structure-code">
              <StructureCodeView source={shown!.source} highlight={highlight} onSelectLines={setLines} />
            </div>
          </div>
        </div>
      )}
      {shown?.score && env && <StructureScoreCard score={shown.score} title={getEnvironment(env).title} />}
      {dataset && parameters ? (
        <SlidersCard source={source} dataset={dataset} parameters={parameters} run={run} />
      ) : (
        <div className="card text-small muted" data-testid="explore.unavailable">
          {!dataset ? 'Live sliders need data: import or generate trajectories in Knowledge.' : compile === 'error' ? 'Live sliders need a program that compiles.' : 'Checking the program…'}
        </div>
      )}
    </section>
  );
}
