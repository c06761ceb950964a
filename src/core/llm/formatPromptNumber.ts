/**
 * Formats a metric or parameter value for a prompt: four significant digits, exponent notation outside
 * [1e-4, 1e6), `inf` / `NaN` spelled out. Deterministic (no locale), so golden prompts are stable and
 * long float tails do not waste the model's context.
 * @param x any number.
 * @example
 * formatPromptNumber(0.448612); // '0.4486'
 * formatPromptNumber(Infinity); // 'inf'
 */
export function formatPromptNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-4) return x.toExponential(3).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(4)));
}

/**
 * Formats a rate in [0, 1] as a percentage with one decimal (`0.0%` … `100.0%`), NaN as `n/a`.
 * @param r a share in [0, 1].
 */
export function formatPromptRate(r: number): string {
  return Number.isFinite(r) ? `${(r * 100).toFixed(1)}%` : 'n/a';
}
