import { useMemo } from 'react';
import { coverageChart, sbcRankChart } from '../../charts/npeCharts.ts';
import { Plot } from '../../components/Plot.tsx';
import type { SbcResult } from '../../../core/npe/sbc.ts';

/**
 * Simulation-based calibration: rank histograms, the expected-coverage curve and the pass/warn verdict.
 * `outside`: parameters whose true value lies outside this data set's 5–95 % interval; SBC judges the
 * average over many simulated data sets, so the two can disagree, and the card says why.
 */
export function SbcCard({ sbc, outside = [] }: { sbc: SbcResult; outside?: string[] }) {
  const ranks = useMemo(() => sbcRankChart(sbc), [sbc]);
  const cov = useMemo(() => coverageChart(sbc), [sbc]);
  return (
    <div className="card" data-testid="npe.sbc" data-verdict={sbc.verdict}>
      <h3>Is the posterior calibrated? (SBC)</h3>
      <p className="text-small" style={{ color: sbc.verdict === 'pass' ? 'var(--ok, #2a7d2a)' : 'var(--danger)' }} data-testid="npe.sbcMessage">
        {sbc.message}
      </p>
      <p className="text-small muted">
        {sbc.simulations} fresh prior draws were simulated; for each, {sbc.draws} posterior draws were taken given its summary. If the
        posterior is right, the true value's rank among them is uniform (flat histogram) and central x % intervals contain it x % of the time.
      </p>
      {outside.length > 0 && (
        <p className="text-small" data-testid="npe.sbcVsTruth">
          <strong>Why can the true {outside.join(', ')} lie outside its interval above?</strong> SBC averages over {sbc.simulations} simulated data
          sets; the table is one data set, the observed one. Even a well-calibrated 5–95 % interval misses the truth one time in ten, and an
          interval can be wide on average yet off-centre for this data (the summary statistics may not carry what pins the parameter down). Read
          a miss together with the rank histogram: a slope or a U shape is a bias or overconfidence that more simulations or better summaries fix.
        </p>
      )}
      <div className="grid-2">
        <Plot data={ranks.data} layout={ranks.layout} label="SBC rank histograms per parameter" testId="npe.sbcRanks" height={220} />
        <Plot data={cov.data} layout={cov.layout} label="Expected coverage of central credible intervals" testId="npe.coverage" height={220} />
      </div>
    </div>
  );
}
