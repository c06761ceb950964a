import type { CSSProperties } from 'react';

export interface TrajectoryPickerProps {
  ids: readonly string[];
  value: string;
  onChange(id: string): void;
  testId: string;
  style?: CSSProperties;
}

/** "Trajectory [select]": which observed trajectory a rollout chart draws (Diagnostics, run comparison). */
export function TrajectoryPicker({ ids, value, onChange, testId, style }: TrajectoryPickerProps) {
  return (
    <label className="row text-small muted" style={style}>
      Trajectory
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {ids.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </select>
    </label>
  );
}
