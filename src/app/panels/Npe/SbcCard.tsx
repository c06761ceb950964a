import { useMemo } from 'react';
import { coverageChart, sbcRankChart } from '../../charts/npeCharts.ts';
import { Plot } from '../../components/Plot.tsx';
import type { SbcResult } from '../../../core/npe/sbc.ts';

/** Simulation-based calibration: rank histograms, the expected-coverage curve and the pass/warn verdict. */
export function SbcCard({ sbc }: { sbc: SbcResult }) {
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
      <div className="grid-2">
        <Plot data={ranks.data} layout={ranks.layout} label="SBC rank histograms per parameter" testId="npe.sbcRanks" height={220} />
        <Plot data={cov.data} layout={cov.layout} label="Expected coverage of central credible intervals" testId="npe.coverage" height={220} />
      </div>
    </div>
  );
}
