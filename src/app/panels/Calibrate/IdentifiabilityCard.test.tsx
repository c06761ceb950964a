import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../model/RunRecord.ts';
import { IdentifiabilityCard } from './IdentifiabilityCard.tsx';

afterEach(cleanup);

function runWithNoiseRatio(noiseRatio: number): RunRecord {
  return {
    id: 'r', projectId: 'p', createdAt: 1, settings: { method: 'ga', generations: 2, popsize: 4, mc: 1, seed: 1 }, codeHash: 'h',
    parameters: [{ name: 'beta', min: 0, max: 2 }], status: 'done', iteration: 2, totalIterations: 2, history: [], traces: [],
    params: { beta: 0.5 }, bestFitness: 1, simulations: 8, failures: 0,
    diagnostics: { status: 'done', validation: { energyScore: 1, mse: 1, perVariable: [], noiseRatio, transitions: 10, trajectories: 2 } },
  };
}

describe('IdentifiabilityCard: the validation noise ratio', () => {
  it('says a fit far above the noise once, on its own line, flagged (not again in the warning list)', () => {
    render(<IdentifiabilityCard run={runWithNoiseRatio(2.2)} testId="t" />);
    const line = screen.getByTestId('t.noiseRatio');
    expect(line.dataset.flagged).toBe('true');
    expect(line.textContent).toContain('2.2×');
    expect(line.textContent).toContain('the structure misses something');
    expect(screen.queryByTestId('t.warnings')).toBeNull();
    // The card still lists every warning kind for whoever reads them.
    expect(screen.getByTestId('t').dataset.warnings).toContain('above-noise-floor');
  });

  it('is a plain reference when the fit is at the noise', () => {
    render(<IdentifiabilityCard run={runWithNoiseRatio(1.02)} testId="t" />);
    expect(screen.getByTestId('t.noiseRatio').dataset.flagged).toBe('false');
    expect(screen.getByTestId('t.noiseRatio').textContent).toContain('1.02×');
  });

  it('explains a deterministic simulator instead of printing the stored 1.8e308×', () => {
    render(<IdentifiabilityCard run={runWithNoiseRatio(Number.MAX_VALUE)} testId="t" />);
    const text = screen.getByTestId('t.noiseRatio').textContent!;
    expect(text).toContain('deterministic');
    expect(text).not.toContain('e+308');
  });
});
