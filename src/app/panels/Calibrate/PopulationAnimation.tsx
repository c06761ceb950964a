import { useEffect, useMemo, useState } from 'react';
import { computeLandscape, landscapeBlocker, landscapeKey } from '../../actions/landscapeActions.ts';
import { populationScatter } from '../../charts/populationScatter.ts';
import { Plot } from '../../components/Plot.tsx';
import type { FitnessLandscape } from '../../model/fitnessLandscape.ts';
import type { RunRecord } from '../../model/RunRecord.ts';
import { validAxisPair } from './axisPair.ts';
import { selectTruth } from '../../store/selectors.ts';
import { useStudio } from '../../store/useStudio.ts';

/** Milliseconds per generation at 1× (Plot redraws at most every 400 ms, so faster would skip frames). */
const FRAME_MS = 700;
const SPEEDS = [0.5, 1, 2] as const;

type LandscapeState = { status: 'none' | 'pending' | 'failed'; message?: string } | { status: 'ready'; landscape: FitnessLandscape };

/** Computes (or waits for) the fitness landscape of a two-parameter run. */
function useLandscape(run: RunRecord): LandscapeState {
  const activeRunId = useStudio((s) => s.activeRunId);
  const hasData = useStudio((s) => s.dataset !== null);
  const [state, setState] = useState<LandscapeState>({ status: 'none' });
  const key = landscapeKey(run);
  useEffect(() => {
    if (run.parameters.length !== 2) {
      setState({ status: 'none' });
      return;
    }
    const blocker = landscapeBlocker(run);
    if (blocker) {
      setState({ status: 'pending', message: blocker });
      return;
    }
    let live = true;
    setState({ status: 'pending', message: 'Scoring a 25 × 25 grid in the workers…' });
    computeLandscape(run).then(
      (landscape) => live && setState({ status: 'ready', landscape }),
      (e: unknown) => live && setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
    // The run object changes with every progress event; the landscape depends only on its key.
  }, [key, run.parameters.length, activeRunId, hasData]);
  return state;
}

/**
 * Watch the calibration: the GA / CMA-ES population of each generation on a chosen pair of
 * parameters, as an animation (play/pause, scrubber, speed) that follows a running calibration live,
 * over the fitness landscape for two-parameter programs, with the benchmark's truth as a star.
 */
export function PopulationAnimation({ run }: { run: RunRecord }) {
  const populations = useStudio((s) => s.populations);
  const truth = useStudio(selectTruth);
  const frames = populations?.runId === run.id ? populations.frames : [];
  const names = run.parameters.map((p) => p.name);
  // What the user picked; `pair` below is what is drawn (the picked pair may not fit the viewed run).
  const [chosen, setPair] = useState<readonly [number, number]>([0, 1]);
  const pair = validAxisPair(chosen, names.length);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<(typeof SPEEDS)[number]>(1);
  const [follow, setFollow] = useState(true);
  const landscape = useLandscape(run);
  const running = run.status === 'running';
  const last = frames.length - 1;

  // Live: show each generation as it arrives, unless the user took over the scrubber.
  useEffect(() => {
    if (follow && !playing) setIndex(Math.max(0, last));
  }, [last, follow, playing]);
  // Another run (or this one again, when the panel is reopened) shows its latest generation and follows
  // it live: starting at 0 left a finished run on its first, unconverged generation.
  useEffect(() => {
    setFollow(true);
    setPlaying(false);
    setIndex(Math.max(0, last));
  }, [run.id]);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setIndex((i) => {
        if (i >= last) {
          // At the end: a finished run stops; a running one waits for the next generation.
          if (!running) setPlaying(false);
          return i;
        }
        return i + 1;
      });
    }, FRAME_MS / speed);
    return () => clearInterval(timer);
  }, [playing, speed, last, running]);

  const shown = Math.min(index, Math.max(0, last));
  const frame = frames[shown] ?? null;
  const chart = useMemo(
    () =>
      pair &&
      populationScatter({
        parameters: run.parameters,
        pair,
        frame,
        previous: shown > 0 ? frames[shown - 1] : null,
        truth,
        landscape: landscape.status === 'ready' ? landscape.landscape : null,
      }),
    [run.parameters, pair, frame, shown, frames, truth, landscape],
  );

  if (!pair || !chart) return null;

  const play = () => {
    if (shown >= last && !running) setIndex(0);
    setFollow(false);
    setPlaying(true);
  };

  return (
    <div className="card population-card" data-testid="calibrate.population" data-frames={frames.length} data-frame={frame?.iteration ?? 0} data-playing={playing ? 'true' : 'false'} data-landscape={landscape.status}>
      <div className="card-head">
        <h3>Watch the population</h3>
        <div className="row text-small">
          <label className="field-inline">
            x
            <select value={pair[0]} data-testid="population.x" onChange={(e) => setPair([Number(e.target.value), pair[1]])}>
              {names.map((n, i) => (
                <option key={n} value={i}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label className="field-inline">
            y
            <select value={pair[1]} data-testid="population.y" onChange={(e) => setPair([pair[0], Number(e.target.value)])}>
              {names.map((n, i) => (
                <option key={n} value={i}>
                  {n}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <Plot data={chart.data} layout={chart.layout} height={300} testId="population.plot" label={`The population of generation ${frame?.iteration ?? '–'} on ${names[pair[0]]} and ${names[pair[1]]}`} />
      <div className="row population-controls">
        <button className="btn" type="button" data-testid="population.play" disabled={frames.length < 2} onClick={() => (playing ? setPlaying(false) : play())} aria-label={playing ? 'Pause the animation' : 'Play the animation'}>
          {playing ? '❚❚ Pause' : '▶ Play'}
        </button>
        <input
          type="range"
          min={0}
          max={Math.max(0, last)}
          value={shown}
          disabled={frames.length < 2}
          aria-label="Generation"
          data-testid="population.scrubber"
          onChange={(e) => {
            setFollow(Number(e.target.value) >= last && running);
            setPlaying(false);
            setIndex(Number(e.target.value));
          }}
          style={{ flex: 1 }}
        />
        <span className="text-small muted" data-testid="population.label" style={{ minWidth: '11ch' }}>
          {frame ? `gen ${frame.iteration} / ${run.totalIterations}` : 'no frames'}
        </span>
        <label className="field-inline text-small">
          speed
          <select value={speed} data-testid="population.speed" onChange={(e) => setSpeed(Number(e.target.value) as (typeof SPEEDS)[number])}>
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v}×
              </option>
            ))}
          </select>
        </label>
        {running && !follow && (
          <button className="btn ghost text-small" type="button" onClick={() => setFollow(true)} data-testid="population.live">
            Follow live
          </button>
        )}
      </div>
      <p className="text-small muted">
        {frames.length === 0
          ? running
            ? 'The first generation appears here as soon as it is scored.'
            : 'Populations are kept for the latest GA or CMA-ES run of this session; start a calibration to watch one.'
          : 'Each dot is one candidate of the generation (grey: the generation before).'}
        {/* Only when the star is drawn: a program's own parameter names may not be the truth's. */}
        {truth?.[names[pair[0]]] !== undefined && truth?.[names[pair[1]]] !== undefined ? ' The star marks the true parameters.' : ''}
        {landscape.status === 'ready' && ' Background: training fitness (one-step MSE, log scale, darker is better).'}
        {landscape.status === 'pending' && ` ${landscape.message ?? ''}`}
        {landscape.status === 'failed' && ` The landscape could not be computed: ${landscape.message}`}
      </p>
    </div>
  );
}
