import { formatNumber } from '../../lib/format.ts';
import type { NpeRunSummary } from '../../model/NpeRun.ts';

const CHOSEN = { mean: 'the posterior mean', median: 'the posterior median', sample: 'a posterior sample' } as const;

/**
 * Which value of the posterior became the calibrated parameters, and over how many rounds: the pick
 * by the energy score (the CLI's default) or the posterior mean (the paper's preset, and older runs).
 */
export function PointEstimateLine({ npe }: { npe: NpeRunSummary }) {
  const pe = npe.pointEstimate ?? { kind: 'posterior-mean' as const };
  const rounds = npe.rounds ?? 1;
  const box = npe.truncatedBox;
  return (
    <p className="text-small" data-testid="npe.pointEstimate" data-kind={pe.kind} data-rounds={rounds} data-chosen={pe.kind === 'fitness-pick' ? pe.chosen : 'mean'}>
      {rounds > 1 && box
        ? <>Two rounds: the second drew its parameters from the box the first posterior occupies ({box.map((b) => `${b.name} ${formatNumber(b.min)}–${formatNumber(b.max)}`).join(', ')}); the posterior shown is the second round's. </>
        : 'One round on the prior box (the paper’s). '}
      {pe.kind === 'fitness-pick' ? (
        <>
          Calibrated value: <strong>{CHOSEN[pe.chosen]}</strong>, the best of the posterior mean, median and {pe.candidates - 2} posterior samples by the energy score on the train split
          ({formatNumber(pe.fitness)} against the mean’s {formatNumber(pe.meanFitness)}, same random numbers).
        </>
      ) : (
        <>Calibrated value: <strong>the posterior mean</strong>.</>
      )}
    </p>
  );
}
