/**
 * Formats a number for tables and headlines: 4 significant digits, thousands separators for large
 * values, scientific notation for tiny or huge ones, and an en dash for missing values.
 * @param x the number (or undefined).
 */
export function formatNumber(x: number | undefined | null): string {
  if (x === undefined || x === null || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e7)) return x.toExponential(2);
  if (a >= 1000) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(4)).toString();
}

/**
 * Formats a duration in seconds ("0.8 s", "12 s", "3 min 05 s").
 * @param seconds duration.
 */
export function formatSeconds(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return '–';
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const m = Math.floor(seconds / 60);
  return `${m} min ${String(Math.round(seconds - 60 * m)).padStart(2, '0')} s`;
}

/**
 * Formats a timestamp as a short local date and time.
 * @param ms epoch milliseconds.
 */
export function formatTime(ms: number): string {
  const d = new Date(ms);
  return d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}
