import { useEffect, useMemo, useRef, useState } from 'react';
import { createDrawQueue } from '../lib/createDrawQueue.ts';
import { plotMarkupSafe } from '../lib/plotMarkupSafe.ts';
import { loadPlotly, type PlotLayout, type PlotTrace } from '../lib/plotly.ts';
import { studioStore } from '../store/studioStore.ts';
import { useStudio } from '../store/useStudio.ts';
import { themedLayout } from './themedLayout.ts';

/** Props of {@link Plot}. */
export interface PlotProps {
  data: PlotTrace[];
  layout?: PlotLayout;
  height?: number;
  /** `data-testid` of the chart container (e2e). */
  testId?: string;
  /** Accessible description of what the chart shows. */
  label: string;
}

/** A live chart (fitness per generation) redraws at most this often; each redraw is its own task. */
const REDRAW_INTERVAL_MS = 400;
/**
 * Share of the main thread one chart's redraws may take while a calibration runs, and otherwise. The
 * run's workers need the cores (two on a small machine) and the page routes their simulations: a
 * training curve that took 0.5 s per redraw on a loaded machine redraws every 5 s, not every second.
 */
const RUN_SHARE = 0.1;
const IDLE_SHARE = 0.5;

/** All charts of the page share one queue, so no two Plotly redraws ever share a main-thread task. */
const drawQueue = createDrawQueue({
  minIntervalMs: REDRAW_INTERVAL_MS,
  maxShare: () => (studioStore.getState().activeRunId !== null ? RUN_SHARE : IDLE_SHARE),
});

/** A file name from the chart's test id or label ("whatif.fan.early-strict" → "whatif-fan-early-strict"). */
function fileNameOf(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'chart';
}

/** Plotly's options: no logo or lasso; the camera saves a PNG at twice the size, the next button an SVG. */
function plotConfig(name: string): Record<string, unknown> {
  const filename = fileNameOf(name);
  return {
    displaylogo: false,
    responsive: true,
    modeBarButtonsToRemove: ['lasso2d', 'select2d'],
    toImageButtonOptions: { format: 'png', filename, scale: 2 },
    modeBarButtonsToAdd: [
      {
        name: 'Download as SVG',
        icon: { width: 1000, height: 1000, path: 'M500 80 L500 640 M280 420 L500 640 L720 420 M160 760 L160 900 L840 900 L840 760', transform: '' },
        click: (gd: HTMLElement) => void loadPlotly().then((Plotly) => Plotly.downloadImage(gd, { format: 'svg', filename })),
      },
    ],
  };
}

/**
 * A Plotly chart. Plotly loads lazily on first mount. Redraws go through a shared draw queue (one chart
 * per task, after a paint, each chart at most every 400 ms and at most a share of the main thread,
 * latest data wins) and `Plotly.react`, so a chart fed by a running calibration never blocks the main
 * thread for long. Follows the studio theme.
 * A layout passed as a fresh literal on every render does not cause a redraw: it is compared by value.
 */
export function Plot({ data, layout, height = 280, testId, label }: PlotProps) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useStudio((s) => s.theme);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  const layoutKey = JSON.stringify(layout ?? null);
  // Keyed by value on purpose: callers often pass a fresh layout literal on every render.
  const stableLayout = useMemo(() => layout, [layoutKey]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    drawQueue.schedule(el, () =>
      loadPlotly()
        .then((Plotly) => {
          if (!el.isConnected) return;
          const t0 = performance.now();
          // Names from programs and project files never become Plotly markup (links, styles).
          const figure = plotMarkupSafe({ data, layout: themedLayout(el, { height, ...stableLayout }) });
          return Plotly.react(el, figure.data, figure.layout, plotConfig(testId ?? label)).then(() => {
            // Visible in DevTools' Timings track and read by the e2e performance test.
            performance.measure('gsim:plot-draw', { start: t0, detail: testId });
            setReady(true);
            // The draw's own cost paces this chart's next redraw (not Plotly's one-off load).
            return performance.now() - t0;
          });
        })
        .catch((e: unknown) => setFailed(e instanceof Error ? e.message : String(e))),
    );
  }, [data, stableLayout, height, theme]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (!el) return;
      drawQueue.cancel(el);
      void loadPlotly().then((Plotly) => Plotly.purge(el));
    };
  }, []);

  return (
    <div className="plot" style={{ height }} role="img" aria-label={label} data-testid={testId} data-ready={ready ? 'true' : 'false'}>
      <div ref={ref} style={{ width: '100%', height }} />
      {!ready && !failed && <div className="plot-loading">Loading chart…</div>}
      {failed && <div className="plot-loading">Chart failed to load: {failed}</div>}
    </div>
  );
}
