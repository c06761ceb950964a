import type { CalibrationProgress } from '../core/calibrate/Calibrator.ts';
import type { GsimLoopEvents, IterationRecord } from '../core/llm/GsimLoop.ts';
import { fmt } from './formatText.ts';
import type { ProgressStream } from './progressBar.ts';

/** Redraws of the live line at most this often (tokens stream in far faster than anyone reads). */
const REDRAW_MS = 100;

/** What {@link createLoopProgress} returns: loop events, calibration progress, and the final clean-up. */
export interface LoopProgress {
  events: GsimLoopEvents;
  onCalibrationProgress(p: CalibrationProgress): void;
  /** Clears the live line. */
  done(): void;
}

/**
 * Progress of `gsim loop` on stderr. On a terminal one live line is redrawn in place (iteration, phase,
 * streamed token count (stream chunks, about one token each), calibration generation, best validation score); in every case one permanent
 * line per finished iteration is written, so long runs leave a log even when stderr is a file.
 * @param stream stderr.
 * @param now clock in ms (injected for tests; `Date.now` by default).
 */
export function createLoopProgress(stream: ProgressStream, now: () => number = Date.now): LoopProgress {
  const live = stream.isTTY === true;
  let drawn = false;
  let lastDraw = -Infinity;
  let iteration = 0;
  let total = 0;
  let phase = 'propose';
  let tokens = 0;
  let generation = '';
  let best = Infinity;

  const draw = (force = false): void => {
    if (!live) return;
    const t = now();
    if (!force && t - lastDraw < REDRAW_MS) return;
    lastDraw = t;
    const parts = [`iteration ${iteration}/${total}`, phase + (phase === 'calibrate' && generation ? ` ${generation}` : ''), `${tokens.toLocaleString('en')} tokens`];
    if (Number.isFinite(best)) parts.push(`best val ${fmt(best)}`);
    stream.write(`\r${parts.join(' · ').slice(0, (stream.columns ?? 120) - 1)}\x1b[K`);
    drawn = true;
  };
  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  const setPhase = (p: string): void => {
    phase = p;
    generation = '';
    draw(true);
  };

  return {
    events: {
      onIterationStart(e) {
        iteration = e.iteration;
        total = e.totalIterations;
        tokens = 0;
        setPhase('propose');
      },
      onToken(e) {
        tokens++;
        if (phase !== e.phase) setPhase(e.phase);
        else draw();
      },
      onCodeReceived: () => setPhase('calibrate'),
      onCalibrationDone: () => setPhase('diagnose'),
      onIterationDone({ record }) {
        const improved = record.valScore < best;
        if (improved) best = record.valScore;
        clear();
        stream.write(`${iterationLine(record, total, improved)}\n`);
      },
    },
    onCalibrationProgress(p) {
      generation = `gen ${p.iteration}/${p.totalIterations}`;
      draw();
    },
    done: clear,
  };
}

/** The permanent line of a finished iteration. */
function iterationLine(r: IterationRecord, total: number, improved: boolean): string {
  const head = `iteration ${r.iteration}/${total}`;
  if (r.error) return `${head}: failed in ${r.error.phase}${r.error.code ? ` [${r.error.code}]` : ''}: ${firstLine(r.error.message)}`;
  const mark = improved ? ' (best so far)' : '';
  const reused = r.reusedFrom !== undefined ? ` (same code as iteration ${r.reusedFrom})` : '';
  return `${head}: val score ${fmt(r.valScore)}${mark}${reused} — ${firstLine(r.description ?? '')}`;
}

function firstLine(s: string): string {
  const line = s.split('\n')[0];
  return line.length > 160 ? `${line.slice(0, 157)}…` : line;
}
