import type { Dataset, Trajectory } from '../../data/Dataset.ts';
import { createRng } from '../../rng/createRng.ts';
import type { State } from '../../sim/types.ts';

/**
 * A known linear stochastic system with an action, for the baselines' recovery tests:
 *   dx = 0.5 − 0.1·x + 0.05·y + 0.3·a + N(0, 0.2²)
 *   dy = 0.1·x − 0.2·y + N(0, 0.5²)
 * with actions uniform in [−1, 1]. The fixed point is near (x, y) = (10, 5).
 */
export const LINEAR_SYSTEM = {
  dx: { const: 0.5, x: -0.1, y: 0.05, a: 0.3, sd: 0.2 },
  dy: { const: 0, x: 0.1, y: -0.2, a: 0, sd: 0.5 },
};

/** The system's exact one-step mean and sd from (x, y) under action a. */
export function linearStep(x: number, y: number, a: number): { mean: [number, number]; sd: [number, number] } {
  const { dx, dy } = LINEAR_SYSTEM;
  return {
    mean: [x + dx.const + dx.x * x + dx.y * y + dx.a * a, y + dy.const + dy.x * x + dy.y * y + dy.a * a],
    sd: [dx.sd, dy.sd],
  };
}

/** A dataset of the linear system: `trajectories` per split, `horizon` steps each, seeded. */
export function linearSystemDataset(trajectories: number, horizon: number, seed: number): Dataset {
  const rng = createRng(seed);
  const make = (split: string): Trajectory[] =>
    Array.from({ length: trajectories }, (_, k) => {
      let x = rng.uniform(0, 20);
      let y = rng.uniform(0, 10);
      const states: State[] = [{ x, y }];
      const actions: number[] = [];
      for (let t = 0; t < horizon; t++) {
        const a = rng.uniform(-1, 1);
        const s = linearStep(x, y, a);
        x = s.mean[0] + s.sd[0] * rng.normal();
        y = s.mean[1] + s.sd[1] * rng.normal();
        actions.push(a);
        states.push({ x, y });
      }
      return { id: `${split}-${k}`, states, actions };
    });
  return { format: 'gsim-dataset', version: 1, name: 'linear system', variables: ['x', 'y'], splits: { train: make('train'), val: make('val'), test: make('test') } };
}
