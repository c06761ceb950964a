/**
 * Default Monte-Carlo draws K per training transition in the one-step MSE fitness (`oneStepFitness`).
 *
 * The paper averages 200 draws (App. E.10); in JavaScript on a 2-core budget that is out of reach, and
 * it buys little: the MSE is linear in the per-draw squared errors, so every K estimates the same
 * expected objective and K only trades noise for time (noise ∝ 1/√K, cost ∝ K).
 *
 * Measured on COVID (binomial SIR, 100 × 60 = 6,000 training transitions, Node 20, one thread, CPU
 * time, batches of 20 candidates): ≈ 0.3–0.4 µs per simulator step, i.e. per candidate
 * K = 1: 1.9 ms (uniform in the box) – 2.5 ms (near beta 0.5, gamma 0.1);
 * K = 2: 3.6–3.7 ms; K = 5: 8.6–9.0 ms. The fitness standard deviation across seeds at the truth was
 * 0.81 / 0.50 / 0.32 for K = 1 / 2 / 5 on a value of about 37, against a rise of about 1 for a 0.03
 * error in beta. A default GA run (4,200 candidates) therefore costs ≈ 16 s of CPU at K = 2 (about
 * 8 s on two workers), ≈ 9 s at K = 1 and ≈ 38 s at K = 5.
 *
 * What matters for selection is the noise of a *difference* between candidates. Restarting the random
 * stream at every transition (`oneStepFitness`, common random numbers) cut the spread of
 * f(beta 0.47) − f(beta 0.5) over 20 seeds from 1.00 to 0.30 at K = 1, for +50 % time per candidate
 * (3.7 → 5.7 ms, measured with the other cores busy) — less noise than K = 5 without restarts at a
 * fraction of the cost. With that, K = 2 halves the remaining noise for small user datasets (few
 * transitions, so more noise per candidate); the GA re-scores its parents every generation, so the
 * rest averages out over generations. Use 1 for expensive simulators or large datasets.
 */
export const DEFAULT_MC = 2;
