// NPE engine speed on ORT WASM in Node: one training step (forward, backward, clip, Adam in one graph)
// per batch of 200, for COVID-sized and hospital-sized flows; also the cost of reading the weights back
// to the host every step instead of feeding ORT's outputs straight back, and 10,000 posterior draws.
// Run alone: `node --import tsx bench/npeTrainStep.ts [--quick]`.
import { pathToFileURL } from 'node:url';
import { createRng } from '../src/core/rng/createRng.ts';
import { encodeModel } from '../src/core/npe/onnx/encodeModel.ts';
import { ADAM_DEFAULTS } from '../src/core/npe/estimator/appendAdamUpdate.ts';
import { buildSamplerGraph, buildTrainStepGraph } from '../src/core/npe/estimator/buildEstimatorGraphs.ts';
import { createMaf } from '../src/core/npe/estimator/createMaf.ts';
import { isDeviceTensor, type Feed } from '../src/core/npe/TensorRuntime.ts';
import { createOrtRuntime } from '../src/ort/createOrtRuntime.ts';

export interface NpeStepTiming {
  name: string;
  thetaDim: number;
  xDim: number;
  params: number;
  graphNodes: number;
  modelKiB: number;
  sessionSeconds: number;
  msPerStep: number;
  stepsPerSecond: number;
  /** Same loop, but every output downloaded to a Float32Array and re-fed as a host tensor. */
  msPerStepHostRoundTrip: number;
  msSample10k: number;
}

const SIZES = [
  { name: 'COVID-sized', thetaDim: 2, xDim: 30 },
  { name: 'hospital-sized', thetaDim: 12, xDim: 40 },
];

async function measure(size: (typeof SIZES)[number], steps: number): Promise<NpeStepTiming> {
  const runtime = await createOrtRuntime({ numThreads: 1, detectWebGpu: async () => false });
  const net = createMaf(size.thetaDim, size.xDim);
  const z = {
    thetaMean: new Float64Array(size.thetaDim), thetaStd: new Float64Array(size.thetaDim).fill(1),
    xMean: new Float64Array(size.xDim), xStd: new Float64Array(size.xDim).fill(1),
  };
  const graph = buildTrainStepGraph(net, z, { ...ADAM_DEFAULTS, learningRate: 5e-4, clipNorm: 5 });
  const bytes = encodeModel(graph);
  let t0 = performance.now();
  const session = await runtime.createSession(bytes);
  const sessionSeconds = (performance.now() - t0) / 1000;

  const rng = createRng(1);
  const init: Record<string, Feed> = {};
  for (const s of net.params) {
    init[s.name] = { data: s.init(rng), dims: s.dims };
    const n = s.dims.reduce((a, d) => a * d, 1);
    init[`m.${s.name}`] = { data: new Float32Array(n), dims: s.dims };
    init[`v.${s.name}`] = { data: new Float32Array(n), dims: s.dims };
  }
  const batch = (w: number) => ({ data: Float32Array.from({ length: 200 * w }, () => rng.normal()), dims: [200, w] });
  const theta = batch(size.thetaDim), x = batch(size.xDim);

  const loop = async (hostRoundTrip: boolean) => {
    let state = { ...init };
    const start = performance.now();
    for (let t = 1; t <= steps; t++) {
      const out = await session.run({ ...state, t: { data: Float32Array.of(t), dims: [] }, theta, x });
      const next: Record<string, Feed> = {};
      for (const key of Object.keys(state)) {
        const o = out[`new.${key}`];
        next[key] = hostRoundTrip ? { data: await o.download(), dims: o.dims } : o;
      }
      for (const f of Object.values(state)) if (isDeviceTensor(f)) f.dispose();
      out.loss.dispose();
      state = next;
    }
    return (performance.now() - start) / steps;
  };
  await loop(false); // warm-up
  const msPerStep = await loop(false);
  const msPerStepHostRoundTrip = await loop(true);

  const weights = new Map(net.params.map((s) => [s.name, s.init(rng)]));
  const sampler = await runtime.createSession(encodeModel(buildSamplerGraph(net, z, weights)));
  const eps = { data: Float32Array.from({ length: 10_000 * size.thetaDim }, () => rng.normal()), dims: [10_000, size.thetaDim] };
  t0 = performance.now();
  await sampler.run({ x: { data: new Float32Array(size.xDim), dims: [1, size.xDim] }, eps });
  const msSample10k = performance.now() - t0;
  await sampler.release();
  await session.release();
  return {
    ...size, params: net.params.reduce((a, s) => a + s.dims.reduce((p, d) => p * d, 1), 0),
    graphNodes: graph.nodes.length, modelKiB: bytes.length / 1024, sessionSeconds,
    msPerStep, stepsPerSecond: 1000 / msPerStep, msPerStepHostRoundTrip, msSample10k,
  };
}

export async function measureNpeTrainStep(quick: boolean): Promise<NpeStepTiming[]> {
  const out: NpeStepTiming[] = [];
  for (const size of SIZES) out.push(await measure(size, quick ? 30 : 200));
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await measureNpeTrainStep(process.argv.includes('--quick'))) {
    console.log(`${r.name} MAF (θ ${r.thetaDim}, x ${r.xDim}, ${r.params} weights, ${r.graphNodes} nodes, ${r.modelKiB.toFixed(0)} KiB): `
      + `session ${r.sessionSeconds.toFixed(2)} s, train step ${r.msPerStep.toFixed(2)} ms/batch of 200 (${r.stepsPerSecond.toFixed(0)} steps/s), `
      + `with host round-trip ${r.msPerStepHostRoundTrip.toFixed(2)} ms, 10k draws ${r.msSample10k.toFixed(0)} ms`);
  }
}
