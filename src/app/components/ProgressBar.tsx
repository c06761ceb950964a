/** A determinate progress bar with an accessible value. */
export function ProgressBar({ value, max, label, testId }: { value: number; max: number; label: string; testId?: string }) {
  const pct = max > 0 ? Math.max(0, Math.min(100, (100 * value) / max)) : 0;
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} data-testid={testId}>
      <div style={{ width: `${pct}%` }} />
    </div>
  );
}
