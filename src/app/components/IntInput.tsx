/** Props of {@link IntInput}. */
export interface IntInputProps {
  label: string;
  value: number;
  min: number;
  max: number;
  /** Called with the typed value rounded and clamped to [min, max] (an emptied field reads as 0, so as min when min > 0). */
  onChange(value: number): void;
  testId: string;
  hint?: string;
  disabled?: boolean;
  width?: number;
}

/**
 * A labelled whole-number field for budgets, seeds and counts. It rounds and clamps what is typed, so a
 * setting can never leave its bounds.
 */
export function IntInput({ label, value, min, max, onChange, testId, hint, disabled, width = 96 }: IntInputProps) {
  return (
    <label className="field" title={hint}>
      {label}
      <input
        type="number"
        min={min}
        max={max}
        step={1}
        value={value}
        disabled={disabled}
        data-testid={testId}
        style={{ width }}
        onChange={(e) => {
          const v = Math.round(Number(e.target.value));
          if (Number.isFinite(v)) onChange(Math.min(max, Math.max(min, v)));
        }}
      />
    </label>
  );
}
