/**
 * MADE connectivity (Germain et al. 2015, as nflows builds it without random masks): input i has
 * degree i+1; hidden unit h has degree (h mod max(1, D−1)) + min(1, D−1); a hidden unit sees inputs of
 * degree ≤ its own, and output i (degree i+1) sees hidden units of strictly smaller degree. So output i
 * depends on inputs 0..i−1 only — the autoregressive property the flow's triangular Jacobian rests on.
 * For D = 1 every hidden degree is 0: the single output depends on the context alone.
 */
export interface MadeMasks {
  /** [D, H]: input → first hidden layer. */
  input: Float32Array;
  /** [H, H]: hidden → hidden. */
  hidden: Float32Array;
  /** [H, D]: last hidden layer → each of the two output heads (log-scale, shift). */
  output: Float32Array;
}

export function madeMasks(d: number, h: number): MadeMasks {
  const inDeg = Array.from({ length: d }, (_, i) => i + 1);
  const maxDeg = Math.max(1, d - 1);
  const minDeg = Math.min(1, d - 1);
  const hDeg = Array.from({ length: h }, (_, k) => (k % maxDeg) + minDeg);
  const input = new Float32Array(d * h);
  const hidden = new Float32Array(h * h);
  const output = new Float32Array(h * d);
  for (let i = 0; i < d; i++) for (let k = 0; k < h; k++) input[i * h + k] = hDeg[k] >= inDeg[i] ? 1 : 0;
  for (let k = 0; k < h; k++) for (let j = 0; j < h; j++) hidden[k * h + j] = hDeg[j] >= hDeg[k] ? 1 : 0;
  for (let k = 0; k < h; k++) for (let i = 0; i < d; i++) output[k * d + i] = inDeg[i] > hDeg[k] ? 1 : 0;
  return { input, hidden, output };
}
