import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import { compileSimulator } from './compileSimulator.ts';
import { SimulatorError } from './SimulatorError.ts';

const SIR = `const parameters = {
  beta: { min: 0, max: 2, init: 0.4 },
  gamma: { min: 0, max: 1 },
};
function step(state, action, params, rng) {
  const { S, I, R } = state;
  const N = S + I + R;
  const newInf = rng.binomial(S, 1 - Math.exp(-params.beta * I / N));
  const newRec = rng.binomial(I, params.gamma);
  return { S: S - newInf, I: I + newInf - newRec, R: R + newRec };
}`;
const VARS = ['S', 'I', 'R'];
const P = { beta: 0.5, gamma: 0.1 };

function errorOf(fn: () => unknown): SimulatorError {
  try {
    fn();
  } catch (e) {
    if (e instanceof SimulatorError) return e;
    throw new Error(`expected a SimulatorError, got ${String(e)}`);
  }
  throw new Error('expected an error, none was thrown');
}

/** A program with a given step body. */
const withStep = (body: string) => `const parameters = { a: { min: 0, max: 1 } };\nfunction step(state, action, params, rng) {\n${body}\n}`;

describe('compileSimulator', () => {
  it('reads parameters in declaration order with bounds and init', () => {
    const sim = compileSimulator(SIR);
    expect(sim.parameters.map((p) => [p.name, p.min, p.max, p.init])).toEqual([
      ['beta', 0, 2, 0.4],
      ['gamma', 0, 1, undefined],
    ]);
  });

  it('step conserves the population of an SIR program and is reproducible from the seed', () => {
    const sim = compileSimulator(SIR);
    const a = sim.step({ S: 990, I: 10, R: 0 }, null, P, createRng(7), VARS);
    const b = sim.step({ S: 990, I: 10, R: 0 }, null, P, createRng(7), VARS);
    expect(a).toEqual(b);
    expect((a.S as number) + (a.I as number) + (a.R as number)).toBe(1000);
  });

  it('reports syntax errors with line and column', () => {
    const e = errorOf(() => compileSimulator('const parameters = {};\nfunction step( {'));
    expect(e.code).toBe('syntax');
    expect(e.line).toBe(2);
    expect(e.column).toBeGreaterThan(1);
    expect(e.message).toMatch(/line 2/);
  });

  it('reports the line of a runtime error inside step', () => {
    const sim = compileSimulator(withStep('  const x = 1;\n  throw new Error("boom");'));
    const e = errorOf(() => sim.step({}, null, { a: 0.5 }, createRng(1), []));
    expect(e.code).toBe('runtime');
    expect(e.line).toBe(4);
    expect(e.message).toMatch(/boom/);
  });

  it('reports a throw of a non-Error value', () => {
    const sim = compileSimulator(withStep('  throw 42;'));
    expect(errorOf(() => sim.step({}, null, { a: 0.5 }, createRng(1), [])).message).toMatch(/non-Error value \(42\)/);
  });

  it('names the key of a NaN, Infinity, missing or mistyped variable', () => {
    const cases: [string, RegExp][] = [
      ['return { S: NaN, I: 1, R: 1 };', /state\.S = NaN/],
      ['return { S: 1, I: Infinity, R: 1 };', /state\.I = Infinity/],
      ['return { S: 1, I: 1 };', /without "R"/],
      ['return { S: 1, I: "7", R: 1 };', /state\.I = "7"/],
      ['return 3;', /returned 3/],
      ['return Promise.resolve({});', /Promise/],
      ['return [1, 2, 3];', /an array/],
    ];
    for (const [body, re] of cases) {
      const sim = compileSimulator(withStep(body));
      const e = errorOf(() => sim.step({}, null, { a: 0.5 }, createRng(1), VARS));
      expect(e.code).toBe('invalid-state');
      expect(e.message).toMatch(re);
    }
  });

  it('denies network, storage, DOM and timers with a clear message', () => {
    for (const use of ['fetch("http://x")', 'localStorage.getItem("k")', 'document.cookie', 'new XMLHttpRequest()', 'setTimeout(() => 0, 1)', 'globalThis.fetch']) {
      const sim = compileSimulator(withStep(`  return ${use};`));
      const e = errorOf(() => sim.step({}, null, { a: 0.5 }, createRng(1), []));
      expect(e.code, use).toBe('forbidden');
      expect(e.message).toMatch(/not available to simulator programs/);
    }
  });

  it('refuses import() before the program runs, naming its position', () => {
    const e = errorOf(() => compileSimulator(withStep('  return import("node:fs");')));
    expect(e.code).toBe('forbidden');
    expect(e.message).toMatch(/import\(\) is not available/);
    expect(e.line).toBe(3); // withStep puts the body on line 3
  });

  it('reports a thrown Proxy whose traps throw as a non-Error value, not as a crash', () => {
    const sim = compileSimulator(withStep('  const t = () => { throw new Error("trap"); };\n  throw new Proxy({}, { get: t, getPrototypeOf: t });'));
    const e = errorOf(() => sim.step({}, null, { a: 0.5 }, createRng(1), []));
    expect(e.code).toBe('runtime');
    expect(e.message).toMatch(/non-Error value \(an object\)/);
  });

  it('refuses Math.random so runs stay reproducible', () => {
    const sim = compileSimulator(withStep('  return { S: Math.random() };'));
    expect(errorOf(() => sim.step({}, null, { a: 0.5 }, createRng(1), ['S'])).message).toMatch(/rng\.random/);
  });

  it('rejects malformed parameter declarations with the offending name', () => {
    const cases: [string, RegExp][] = [
      ['function step(){ return {}; }', /declare `const parameters/],
      ['const parameters = { b: { min: 1, max: 0 } }; function step(){ return {}; }', /parameters\.b: min \(1\) must be below max \(0\)/],
      ['const parameters = { b: { min: 0, max: 1, init: 3 } }; function step(){ return {}; }', /parameters\.b\.init/],
      ['const parameters = { b: { min: "0", max: 1 } }; function step(){ return {}; }', /parameters\.b\.min must be a finite number/],
      ['const parameters = {};', /function step/],
    ];
    for (const [src, re] of cases) {
      const e = errorOf(() => compileSimulator(src));
      expect(e.code).toBe('definition');
      expect(e.message).toMatch(re);
    }
  });

  it('reports a top-level throw as a runtime error', () => {
    const e = errorOf(() => compileSimulator('const parameters = {};\nthrow new TypeError("top");\nfunction step(){}'));
    expect(e.code).toBe('runtime');
    expect(e.line).toBe(2);
  });
});
