import { formSource, jsArray, readInputsSource } from '../programText.ts';
import type { MlpModel } from './trainMlpBaseline.ts';

/** createMdn soft-clamps each log σ to ±7 (z-scored units); the program repeats that exactly. */
const LOG_STD_BOUND = 7;

/**
 * The trained MLP world model as a simulator program: the network's weights as constants and its
 * forward pass in plain JavaScript (the same arithmetic as core's `createMdn` graph: two tanh layers,
 * then mixture logits, means and soft-clamped log-sds over the z-scored increment). A step picks a
 * component with `rng.categorical`, draws one normal per variable, undoes the z-scoring, adds the
 * increment to the state and keeps counts as counts. The mixture of the last input is cached, since
 * metrics draw hundreds of next states from one state.
 */
export function mlpProgram(model: MlpModel): string {
  const d = model.variables.length;
  const w = model.weights;
  const weightLines = ['w1', 'b1', 'w2', 'b2', 'wl', 'bl', 'wm', 'bm', 'ws', 'bs'].map((n) => {
    const v = w[n];
    if (!v) throw new Error(`MLP program: no weights for '${n}'`);
    return `const ${n.toUpperCase()} = ${jsArray(v)};`;
  });
  return [
    `// MLP world model baseline (data-driven, no mechanism): a ${model.hidden}-unit, 2-layer tanh network giving a`,
    `// mixture of ${model.components} Gaussian${model.components > 1 ? 's' : ''} over the one-step increment of ${model.variables.join(', ')}, from ${model.inputNames.join(', ')}`,
    `// (z-scored). Trained with Adam on ${model.trainTransitions} transitions of ${model.trainTrajectories} train trajectories (${model.provider}),`,
    `// ${model.history.length} epochs, stopped by ${model.stoppedBy}. No parameters: mechanism interventions do not apply.`,
    'const parameters = {};',
    '',
    formSource(model.counts),
    `const VARIABLES = ${JSON.stringify(model.variables)};`,
    `const NI = ${model.inputNames.length}, H = ${model.hidden}, K = ${model.components}, D = ${d};`,
    `const IN_MEAN = ${jsArray(model.z.xMean)};`,
    `const IN_STD = ${jsArray(model.z.xStd)};`,
    `const OUT_MEAN = ${jsArray(model.z.thetaMean)};`,
    `const OUT_STD = ${jsArray(model.z.thetaStd)};`,
    ...weightLines,
    '',
    'let lastKey = null;',
    'let lastMix = null;',
    '',
    '/** Mixture weights, means and sds (z-scored increment) for one input vector. */',
    'function mixture(x) {',
    '  const z = x.map((v, i) => (v - IN_MEAN[i]) / IN_STD[i]);',
    '  const h1 = new Array(H), h2 = new Array(H);',
    '  for (let j = 0; j < H; j++) { let s = B1[j]; for (let i = 0; i < NI; i++) s += z[i] * W1[i * H + j]; h1[j] = Math.tanh(s); }',
    '  for (let j = 0; j < H; j++) { let s = B2[j]; for (let i = 0; i < H; i++) s += h1[i] * W2[i * H + j]; h2[j] = Math.tanh(s); }',
    '  const logits = new Array(K), mu = new Array(K * D), sd = new Array(K * D);',
    '  for (let c = 0; c < K; c++) { let s = BL[c]; for (let i = 0; i < H; i++) s += h2[i] * WL[i * K + c]; logits[c] = s; }',
    '  for (let q = 0; q < K * D; q++) {',
    '    let m = BM[q], r = BS[q];',
    '    for (let i = 0; i < H; i++) { m += h2[i] * WM[i * K * D + q]; r += h2[i] * WS[i * K * D + q]; }',
    `    mu[q] = m; sd[q] = Math.exp(${LOG_STD_BOUND} * Math.tanh(r / ${LOG_STD_BOUND}));`,
    '  }',
    '  const top = Math.max(...logits);',
    '  const weights = logits.map((l) => Math.exp(l - top));',
    '  return { weights, mu, sd };',
    '}',
    '',
    'function step(state, action, params, rng) {',
    readInputsSource(model.variables, model.hasAction),
    "  const key = x.join(',');",
    '  if (key !== lastKey) { lastMix = mixture(x); lastKey = key; }',
    '  const c = K > 1 ? rng.categorical(lastMix.weights) : 0;',
    '  const next = {};',
    '  for (let j = 0; j < D; j++) {',
    '    const dz = lastMix.mu[c * D + j] + lastMix.sd[c * D + j] * rng.normal();',
    `    next[VARIABLES[j]] = keepForm(j, x[j] + dz * OUT_STD[j] + OUT_MEAN[j]);`,
    '  }',
    '  return next;',
    '}',
    '',
  ].join('\n');
}
