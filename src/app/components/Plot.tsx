import { useEffect, useRef, useState } from 'react';
import { loadPlotly, type PlotLayout, type PlotTrace } from '../lib/plotly.ts';
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

/**
 * A Plotly chart. Plotly loads lazily on first mount; updates go through `Plotly.react`, which diffs
 * traces, so live charts (fitness per generation) redraw cheaply. Follows the studio theme.
 */
export function Plot({ data, layout, height = 280, testId, label }: PlotProps) {
  const ref = useRef<HTMLDivElement>(null);
  const theme = useStudio((s) => s.theme);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const el = ref.current;
    if (!el) return;
    loadPlotly()
      .then((Plotly) => {
        if (cancelled) return;
        return Plotly.react(el, data, themedLayout(el, { height, ...layout }), {
          displaylogo: false,
          responsive: true,
          modeBarButtonsToRemove: ['lasso2d', 'select2d', 'toImage'],
        }).then(() => {
          if (!cancelled) setReady(true);
        });
      })
      .catch((e: unknown) => {
        if (!cancelled) setFailed(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [data, layout, height, theme]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) void loadPlotly().then((Plotly) => Plotly.purge(el));
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
