import type { Rng } from '../rng/Rng.ts';
import type { Action, State } from '../sim/types.ts';
import type { PolicySpec } from './Scenario.ts';

/** An action policy as simulateScenario calls it: state, time, its own random stream. */
export type ScenarioPolicy = (state: State, t: number, rng: Rng) => Action;

/**
 * A runnable policy from a declarative {@link PolicySpec}: `none` → null, `constant` → that order,
 * `order-up-to` → `max(0, level − (inventory − backlog + pipeline_total))` rounded down to whole units
 * (the supply chain's inventory position, as its behaviour policy uses, without exploration).
 */
export function scenarioPolicy(spec: PolicySpec<number>): ScenarioPolicy {
  switch (spec.kind) {
    case 'none':
      return () => null;
    case 'constant':
      return () => spec.order;
    case 'order-up-to':
      return (state) => {
        const position = num(state.inventory) - num(state.backlog) + num(state.pipeline_total);
        return Math.max(0, Math.floor(spec.level - position));
      };
  }
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
