/**
 * Pieces of the simulator programs the baselines are emitted as. A fitted baseline becomes an ordinary
 * program in the simulator form (no parameters, a `step` that reads the observed variables and the
 * action), so everything that runs programs — the worker pool, the sandbox, diagnostics, rollouts,
 * what-if state and action interventions — runs a baseline unchanged, and the user can read it.
 */

/** A number as JavaScript source: 8 significant digits (float32 weights need no more), finite only. */
export function jsNumber(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`baseline program: non-finite value ${v}`);
  if (v === 0) return '0';
  return String(Number(v.toPrecision(8)));
}

/** An array literal of numbers, wrapped every 12 values to keep lines readable. */
export function jsArray(values: ArrayLike<number>): string {
  const parts = Array.from(values, jsNumber);
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += 12) lines.push(parts.slice(i, i + 12).join(', '));
  return lines.length <= 1 ? `[${lines[0] ?? ''}]` : `[\n  ${lines.join(',\n  ')},\n]`;
}

/**
 * Source lines that read the input vector `x` (the observed variables, then the action when the model
 * uses one; a null action reads 0) from `state` and `action`.
 */
export function readInputsSource(variables: readonly string[], hasAction: boolean): string {
  const reads = variables.map((v) => `state[${JSON.stringify(v)}]`);
  if (hasAction) reads.push(`(typeof action === 'number' ? action : 0)`);
  return `  const x = [${reads.join(', ')}];`;
}

/** Source of the helper that keeps each variable's form: counts rounded and clamped at 0. */
export function formSource(counts: readonly boolean[]): string {
  return [
    `const COUNT = [${counts.map(String).join(', ')}];`,
    '// counts in the data stay counts: rounded and clamped at 0 (paper P3, data-form consistency)',
    'function keepForm(j, v) {',
    '  return COUNT[j] ? Math.max(0, Math.round(v)) : v;',
    '}',
  ].join('\n');
}
