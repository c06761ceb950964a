import { formSource, jsNumber, readInputsSource } from '../programText.ts';
import type { SindyModel } from './fitSindy.ts';

/** A term as source over the input vector `x`. */
function termSource(term: readonly number[]): string {
  return term.length === 0 ? '1' : term.map((i) => `x[${i}]`).join(' * ');
}

/** The increment equation of one variable as readable text, e.g. `dI = 0.00049·S*I − 0.1·I`. */
export function sindyEquationText(model: SindyModel, j: number): string {
  const eq = model.equations[j];
  const parts: string[] = [];
  eq.coefficients.forEach((c, k) => {
    if (c === 0) return;
    const name = model.termNames[k];
    parts.push(`${c < 0 ? '−' : '+'} ${jsNumber(Math.abs(c))}${name === '1' ? '' : `·${name}`}`);
  });
  const rhs = parts.length === 0 ? '0' : parts.join(' ').replace(/^\+ /, '').replace(/^− /, '−');
  return `d${eq.variable} = ${rhs}`;
}

/**
 * The fitted SINDy model as a simulator program: the increment equations (pruned terms left out),
 * then per-variable Gaussian noise with the fitted (possibly state-dependent) variance, counts kept
 * as counts. Draws one normal per variable per step from the program's `rng`.
 */
export function sindyProgram(model: SindyModel): string {
  const active = model.terms.map((_, k) => k).filter((k) => k === 0 || model.equations.some((e) => e.coefficients[k] !== 0 || e.noise.variance[k] !== 0));
  const termLines = active.map((k) => `  t[${k}] = ${termSource(model.terms[k])};`);
  const eqLines = model.equations.map((e, j) => {
    const mean = active.filter((k) => e.coefficients[k] !== 0).map((k) => `${jsNumber(e.coefficients[k])} * t[${k}]`);
    const vari = active.filter((k) => e.noise.variance[k] !== 0).map((k) => `${jsNumber(e.noise.variance[k])} * t[${k}]`);
    return [
      `  // ${sindyEquationText(model, j)}   (threshold ${e.threshold}, ${e.noise.heteroscedastic ? 'state-dependent' : 'constant'} noise)`,
      `  mean = ${mean.length ? mean.join(' + ') : '0'};`,
      `  sd = Math.sqrt(Math.max(${jsNumber(e.noise.floor)}, ${vari.length ? vari.join(' + ') : '0'}));`,
      `  next[${JSON.stringify(e.variable)}] = keepForm(${j}, x[${j}] + mean + sd * rng.normal());`,
    ].join('\n');
  });
  return [
    `// SINDy baseline (data-driven, no mechanism): sparse regression of each variable's one-step`,
    `// increment on ${model.termNames.length} polynomial terms of degree <= 2 in ${model.inputNames.join(', ')}`,
    `// (sequentially thresholded least squares), with Gaussian residual noise.`,
    `// Fitted on ${model.trainTransitions} transitions of ${model.trainTrajectories} train trajectories.`,
    `// It has no parameters: interventions on mechanisms (rates, lead times, capacities) do not apply.`,
    'const parameters = {};',
    '',
    formSource(model.counts),
    `const TERMS = ${model.terms.length};`,
    '',
    'function step(state, action, params, rng) {',
    readInputsSource(model.variables, model.hasAction),
    '  const t = new Array(TERMS).fill(0);',
    ...termLines,
    '  const next = {};',
    '  let mean, sd;',
    ...eqLines,
    '  return next;',
    '}',
    '',
  ].join('\n');
}
