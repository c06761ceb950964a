/** A 2-D histogram on a regular grid: bin centres and counts scaled to [0, 1] (rows along y). */
export interface Density2d {
  x: number[];
  y: number[];
  /** z[row][col]: the share of the fullest bin in the bin at (x[col], y[row]). */
  z: number[][];
}

/**
 * Bins points (xs[k], ys[k]) into `bins` × `bins` cells over the given ranges; points outside are left
 * out. The corner plot draws this as a heatmap: Plotly's own histogram2dcontour bins and then traces
 * contours as SVG paths, which made the corner one of the page's longest main-thread tasks (a
 * heatmap is one image per panel).
 */
export function density2d(xs: readonly number[], ys: readonly number[], xRange: readonly [number, number], yRange: readonly [number, number], bins: number): Density2d {
  if (xs.length !== ys.length) throw new RangeError(`density2d: ${xs.length} x values but ${ys.length} y values`);
  if (!(Number.isInteger(bins) && bins > 0)) throw new RangeError(`density2d: bins must be a positive integer, got ${bins}`);
  const [x0, x1] = xRange;
  const [y0, y1] = yRange;
  if (!(x1 > x0) || !(y1 > y0)) throw new RangeError(`density2d: empty range x [${x0}, ${x1}] or y [${y0}, ${y1}]`);
  const counts = Array.from({ length: bins }, () => new Array<number>(bins).fill(0));
  const dx = (x1 - x0) / bins;
  const dy = (y1 - y0) / bins;
  for (let k = 0; k < xs.length; k++) {
    const c = Math.floor((xs[k] - x0) / dx);
    const r = Math.floor((ys[k] - y0) / dy);
    // The upper edge belongs to the last bin; NaN and points outside fall through both tests.
    const col = c === bins && xs[k] === x1 ? bins - 1 : c;
    const row = r === bins && ys[k] === y1 ? bins - 1 : r;
    if (col >= 0 && col < bins && row >= 0 && row < bins) counts[row][col]++;
  }
  let max = 0;
  for (const row of counts) for (const v of row) max = Math.max(max, v);
  const centres = (lo: number, d: number) => Array.from({ length: bins }, (_, b) => lo + (b + 0.5) * d);
  return { x: centres(x0, dx), y: centres(y0, dy), z: max > 0 ? counts.map((row) => row.map((v) => v / max)) : counts };
}
