import { usageError } from './CliError.ts';

/** Most rollouts one what-if or policy run may ask for. */
export const MAX_ROLLOUTS = 100_000;
/** Longest horizon (steps) a rollout may run. */
export const MAX_HORIZON = 100_000;
/**
 * Most numbers one scenario's ensemble may hold (rollouts × steps × recorded variables): 5·10⁷ numbers
 * are 400 MB as float64, about what a worker may allocate. Checked before any work starts, so a typo
 * such as `--rollouts 1e12` or a grid horizon of 1e8 is an error naming the input, not a crash.
 */
export const MAX_ENSEMBLE_VALUES = 50_000_000;

/** @throws CliError naming `what` when rollouts × horizon × keys exceeds {@link MAX_ENSEMBLE_VALUES} or the horizon is out of range. */
export function checkRolloutBudget(rollouts: number, horizon: number, keys: number, what: string): void {
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > MAX_HORIZON) {
    throw usageError(`${what}: horizon must be an integer in 1..${MAX_HORIZON}, got ${horizon}`);
  }
  const values = rollouts * (horizon + 1) * Math.max(1, keys);
  if (values > MAX_ENSEMBLE_VALUES) {
    throw usageError(
      `${what}: ${rollouts} rollouts × ${horizon} steps × ${keys} variables is ${values.toExponential(2)} numbers, over the limit of ${MAX_ENSEMBLE_VALUES.toExponential(0)}: lower --rollouts or the horizon`,
    );
  }
}
