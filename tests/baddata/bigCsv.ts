// Large CSV files for the importer's tests and bench (bench/csvImport.ts), generated rather than stored.

/** A CSV of `bytes` bytes or more: 60-step trajectories of three variables and an action. */
export function bigCsv(bytes: number, badRowText?: string): { text: string; rows: number } {
  const lines = ['trajectory,split,t,S,I,R,action'];
  let size = 0;
  for (let k = 0; size < bytes; k++) {
    const split = k % 5 === 0 ? 'val' : k % 5 === 1 ? 'test' : 'train';
    for (let t = 0; t < 60; t++) {
      const line = `traj-${k},${split},${t},${990 - 3 * t},${10 + 2 * t},${t},${t % 3 === 0 ? '' : (0.37 * t).toFixed(2)}`;
      lines.push(line);
      size += line.length + 1;
    }
  }
  if (badRowText) lines[lines.length - 7] = badRowText;
  return { text: lines.join('\n') + '\n', rows: lines.length };
}
