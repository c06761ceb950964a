import { describe, expect, it } from 'vitest';
import { createRng } from '../rng/createRng.ts';
import { solveAssignment } from './assignment.ts';
import { expectClose, TOL_SUM } from './expectClose.ts';

/** Every permutation of 0..n-1 (Heap's algorithm); n ≤ 7 keeps this at ≤ 5040. */
function permutations(n: number): Int32Array[] {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  const out: Int32Array[] = [p.slice()];
  const c = new Int32Array(n);
  let i = 1;
  while (i < n) {
    if (c[i] < i) {
      const k = i % 2 === 0 ? 0 : c[i];
      [p[k], p[i]] = [p[i], p[k]];
      out.push(p.slice());
      c[i]++;
      i = 1;
    } else {
      c[i] = 0;
      i++;
    }
  }
  return out;
}

function bruteForce(cost: Float64Array, n: number): number {
  let best = Infinity;
  for (const p of permutations(n)) {
    let s = 0;
    for (let i = 0; i < n; i++) s += cost[i * n + p[i]];
    if (s < best) best = s;
  }
  return n === 0 ? 0 : best;
}

/** Plain row-by-row Hungarian method (a second, independent reference for sizes brute force cannot reach). */
function hungarian(cost: Float64Array, n: number): number {
  const u = new Float64Array(n + 1), v = new Float64Array(n + 1);
  const p = new Int32Array(n + 1), way = new Int32Array(n + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(n + 1).fill(Infinity);
    const used = new Uint8Array(n + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity, j1 = 0;
      for (let j = 1; j <= n; j++) {
        if (used[j]) continue;
        const cur = cost[(i0 - 1) * n + j - 1] - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (let j = 0; j <= n; j++) {
        if (used[j]) { u[p[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do { const j1 = way[j0]; p[j0] = p[j1]; j0 = j1; } while (j0);
  }
  let total = 0;
  for (let j = 1; j <= n; j++) total += cost[(p[j] - 1) * n + j - 1];
  return total;
}

function isPermutation(rowToCol: Int32Array, n: number): boolean {
  const seen = new Uint8Array(n);
  for (const j of rowToCol) {
    if (j < 0 || j >= n || seen[j]) return false;
    seen[j] = 1;
  }
  return rowToCol.length === n;
}

/** Random costs of three kinds: continuous, small integers (many ties), and square roots of integers. */
function randomCost(rng: ReturnType<typeof createRng>, n: number, kind: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let k = 0; k < c.length; k++) {
    c[k] = kind === 0 ? rng.uniform(-5, 5) : kind === 1 ? rng.integers(0, 4) : Math.sqrt(rng.integers(0, 10));
  }
  return c;
}

describe('solveAssignment', () => {
  it('solveAssignment(cost, n) matches brute force over all permutations for n ≤ 7', () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + (trial % 7);
      const cost = randomCost(rng, n, trial % 3);
      const { rowToCol, total } = solveAssignment(cost, n);
      expect(isPermutation(rowToCol, n)).toBe(true);
      let s = 0;
      for (let i = 0; i < n; i++) s += cost[i * n + rowToCol[i]];
      expect(total).toBe(s);
      expectClose(total, bruteForce(cost, n), TOL_SUM, `trial ${trial} (n = ${n})`);
    }
  });

  it('solveAssignment(cost, n) matches a plain Hungarian solver for n up to 80, ties included', () => {
    const rng = createRng(12);
    for (let trial = 0; trial < 60; trial++) {
      const n = 8 + rng.integers(0, 73);
      const cost = randomCost(rng, n, trial % 3);
      const { rowToCol, total } = solveAssignment(cost, n);
      expect(isPermutation(rowToCol, n)).toBe(true);
      expectClose(total, hungarian(cost, n), TOL_SUM, `trial ${trial} (n = ${n})`);
    }
  });

  it('solveAssignment(cost, n) solves the documented 2 × 2 example', () => {
    const { rowToCol, total } = solveAssignment(Float64Array.of(4, 1, 2, 3), 2);
    expect(Array.from(rowToCol)).toEqual([1, 0]);
    expect(total).toBe(3);
  });

  it('solveAssignment(cost, 0) is an empty matching with total 0', () => {
    const r = solveAssignment(new Float64Array(0), 0);
    expect(r.rowToCol.length).toBe(0);
    expect(r.total).toBe(0);
  });

  it('solveAssignment(cost, 1) matches the single pair', () => {
    const r = solveAssignment(Float64Array.of(-2.5), 1);
    expect(Array.from(r.rowToCol)).toEqual([0]);
    expect(r.total).toBe(-2.5);
  });

  it('solveAssignment(cost, n) handles a constant matrix (all ties)', () => {
    const n = 50;
    const r = solveAssignment(new Float64Array(n * n).fill(3), n);
    expect(isPermutation(r.rowToCol, n)).toBe(true);
    expect(r.total).toBe(150);
  });

  it('solveAssignment(cost, n) throws a RangeError on NaN or infinite costs, and on a wrong size', () => {
    expect(() => solveAssignment(Float64Array.of(1, NaN, 2, 3), 2)).toThrow(/cost\[0\]\[1\] must be finite, got NaN/);
    expect(() => solveAssignment(Float64Array.of(1, 2, Infinity, 3), 2)).toThrow(RangeError);
    expect(() => solveAssignment(new Float64Array(3), 2)).toThrow(/n² = 4/);
  });

  it('solveAssignment(cost, n) does not modify cost', () => {
    const rng = createRng(13);
    const cost = randomCost(rng, 30, 0);
    const copy = cost.slice();
    solveAssignment(cost, 30);
    expect(cost).toEqual(copy);
  });
});
