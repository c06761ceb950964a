import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../model/RunRecord.ts';
import { createInitialState, studioStore } from '../../store/studioStore.ts';
import { PopulationAnimation } from './PopulationAnimation.tsx';

afterEach(cleanup);

function run(id: string, names: string[], status: RunRecord['status'] = 'done'): RunRecord {
  return {
    id, projectId: 'p', createdAt: 1, settings: { method: 'ga', generations: 2, popsize: 4, mc: 1, seed: 1 }, codeHash: 'h',
    parameters: names.map((name) => ({ name, min: 0, max: 1 })), status, iteration: 1, totalIterations: 2, history: [], traces: [], simulations: 0, failures: 0,
  };
}

describe('PopulationAnimation', () => {
  beforeEach(() => studioStore.setState(createInitialState(), true));

  it('renders nothing (and does not throw) for a run that has not loaded its program, so has no parameters yet', () => {
    const { container } = render(<PopulationAnimation run={run('r0', [], 'running')} />);
    expect(container.innerHTML).toBe('');
  });

  it('falls back to the first two parameters when the viewed run changes to one with fewer', () => {
    const wide = run('wide', ['a', 'b', 'c']);
    const { rerender } = render(<PopulationAnimation run={wide} />);
    fireEvent.change(screen.getByTestId('population.y'), { target: { value: '2' } });
    expect((screen.getByTestId('population.y') as HTMLSelectElement).value).toBe('2');
    // Another run picked (or another project opened) under the same mounted panel.
    act(() => rerender(<PopulationAnimation run={run('narrow', ['x', 'y'])} />));
    expect((screen.getByTestId('population.x') as HTMLSelectElement).value).toBe('0');
    expect((screen.getByTestId('population.y') as HTMLSelectElement).value).toBe('1');
    // Back on the wide run, the user's pick is still there.
    act(() => rerender(<PopulationAnimation run={wide} />));
    expect((screen.getByTestId('population.y') as HTMLSelectElement).value).toBe('2');
  });

  it('a finished run, shown again (the panel reopened), starts on its last generation, not its first', () => {
    const done = run('done', ['a', 'b']);
    const frame = (iteration: number) => ({ iteration, points: [[0.1 * iteration, 0.5]] });
    studioStore.setState({ populations: { runId: 'done', frames: [frame(1), frame(2)] } });
    render(<PopulationAnimation run={done} />);
    expect(screen.getByTestId('calibrate.population').dataset.frame).toBe('2');
    expect(screen.getByTestId('population.label').textContent).toBe('gen 2 / 2');
  });
});
