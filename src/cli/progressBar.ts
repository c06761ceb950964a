import type { CalibrationProgress } from '../core/calibrate/Calibrator.ts';
import { fmt } from './formatText.ts';

/** The stream a progress bar draws on. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

/**
 * A one-line progress bar for calibration (generation, best fitness, simulations) redrawn in place on a
 * TTY; draws nothing when the stream is not a terminal, so logs and pipes stay clean.
 */
export function createProgressBar(stream: ProgressStream): { update(p: CalibrationProgress): void; done(): void } {
  const live = stream.isTTY === true;
  let drawn = false;
  return {
    update(p) {
      if (!live) return;
      const width = 24;
      const frac = p.totalIterations > 0 ? Math.min(1, p.iteration / p.totalIterations) : 1;
      const filled = Math.round(frac * width);
      const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
      const text = `${p.method} ${bar} gen ${p.iteration}/${p.totalIterations}  best ${fmt(p.best)}  mean ${fmt(p.mean)}  sims ${p.simulations.toLocaleString('en')}${p.failures ? `  failures ${p.failures}` : ''}`;
      stream.write(`\r${text.slice(0, (stream.columns ?? 120) - 1)}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\n');
      drawn = false;
    },
  };
}
