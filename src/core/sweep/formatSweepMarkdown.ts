import type { SweepTable } from './aggregateSweep.ts';
import type { SweepResults } from './SweepResults.ts';

/**
 * `sweep.md`: the table (rows cases, columns methods, test W1 mean ± std over seeds, best in bold,
 * beside the noise floor), how it was made, then every cell with its parameters and time.
 */
export function formatSweepMarkdown(results: SweepResults, table: SweepTable): string {
  const lines: string[] = [];
  const done = results.cells.length;
  lines.push('# Sweep results', '');
  lines.push(`Command: \`${results.command.replace(/`/g, "'")}\``, '');
  lines.push(
    `${done} of ${results.total} cells finished${done < results.total ? ' (partial: rerun the command to resume)' : ''}; ` +
      `${formatSeconds(results.wallSeconds)} of wall time; grid ${results.gridHash}.`,
    '',
  );
  lines.push('Test-split benchmark W1 of the fitted simulator, mean ± std over seeds (lower is better; best per row in bold).');
  lines.push('Noise floor: the same W1 with the ground truth as the candidate (same start states and samples), what a perfect fit scores.', '');
  lines.push(row(['benchmark', 'noise floor', ...table.columns.map((c) => c.label)]));
  lines.push(row(['---', '---:', ...table.columns.map(() => '---:')]));
  for (const r of table.rows) {
    const cells = r.stats.map((s) => {
      if (!s) return '–';
      if (s.n === 0) return `failed (${s.cells})`;
      const v = `${fmt(s.mean)} ± ${fmt(s.std)}`;
      const partial = s.n < s.cells ? ` (${s.n} of ${s.cells})` : '';
      return (s.best ? `**${v}**` : v) + partial;
    });
    lines.push(row([r.case, r.floor === null ? '–' : fmt(r.floor), ...cells]));
  }
  lines.push('', 'Mean seconds per run:', '');
  lines.push(row(['benchmark', ...table.columns.map((c) => c.label)]));
  lines.push(row(['---', ...table.columns.map(() => '---:')]));
  for (const r of table.rows) lines.push(row([r.case, ...r.stats.map((s) => (s ? s.meanSeconds.toFixed(1) : '–'))]));
  lines.push('', '## Cells', '');
  lines.push(row(['benchmark', 'method', 'budget', 'seed', 'test W1', 'seconds', 'ran on', 'parameters']));
  lines.push(row(['---', '---', '---', '---:', '---:', '---:', '---', '---']));
  for (const c of results.cells) {
    const w1 = c.status === 'failed' ? `failed: ${c.error ?? 'unknown'}` : c.testW1 === null ? '–' : `${fmt(c.testW1)} ± ${fmt(c.testW1StdError ?? NaN)}`;
    const params = Object.entries(c.params).map(([k, v]) => `${k}=${fmt(v)}`).join(', ');
    lines.push(row([c.case, c.method, c.budget, String(c.seed), w1, c.seconds.toFixed(1), c.ranOn, params || '–']));
  }
  return lines.join('\n') + '\n';
}

/** Three significant digits, the precision the paper's tables print. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e5 || a < 1e-3 ? x.toExponential(2) : x.toPrecision(3);
}

function formatSeconds(s: number): string {
  return s < 120 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

/**
 * A Markdown table row. Backslashes, pipes and line breaks in names are escaped so a name cannot break
 * the table, and angle brackets so it cannot become HTML in a renderer.
 */
function row(cells: string[]): string {
  const safe = (c: string) => c.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `| ${cells.map(safe).join(' | ')} |`;
}
