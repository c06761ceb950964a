import type { SuiteEnvironment } from './SuiteEnvironment.ts';

/** Order-up-to level of the behaviour policy. */
const ORDER_UP_TO = 40;

/**
 * A shop selling a perishable good under a closed-loop order-up-to policy (orders depend on the
 * current stock, with 20 % random orders for exploration). The delivery yield sits near its upper
 * bound (0.95 in [0.5, 1]); the action drives the state, so a calibrator must use it.
 */
export const perishableInventory: SuiteEnvironment = {
  id: 'perishable-inventory',
  title: 'Perishable inventory under an order-up-to policy (3 parameters)',
  stresses: 'closed-loop behaviour policy; a true value near its upper bound',
  variables: ['stock', 'sold'],
  groundTruthSource: `// Orders arrive the same day with a binomial yield; Poisson demand; binomial spoilage of what is left
const parameters = {
  demand: { min: 0, max: 30, init: 10, description: 'mean customer demand per day (Poisson)' },
  spoil:  { min: 0, max: 0.5, init: 0.2, description: 'daily spoilage probability of unsold stock' },
  yield:  { min: 0.5, max: 1, init: 0.75, description: 'share of ordered units delivered in sellable condition' },
};
const clip = (p) => Math.min(1, Math.max(0, p));
function step(state, action, params, rng) {
  const delivered = rng.binomial(Math.max(0, Math.round(action ?? 0)), clip(params.yield));
  const onHand = state.stock + delivered;
  const sold = Math.min(onHand, rng.poisson(params.demand));
  const left = onHand - sold;
  return { stock: left - rng.binomial(left, clip(params.spoil)), sold };
}
`,
  trueParams: { demand: 6, spoil: 0.05, yield: 0.95 },
  initialState: (rng) => ({ stock: rng.integers(0, 40), sold: 0 }),
  policy: (state, _t, rng) => (rng.random() < 0.2 ? rng.integers(0, 21) : Math.max(0, ORDER_UP_TO - (state.stock as number))),
  horizon: 40,
  trajectories: 40,
};
