// plotly.js-cartesian-dist-min ships no types; only the calls the wrapper makes are declared.
declare module 'plotly.js-cartesian-dist-min' {
  const Plotly: {
    react(el: HTMLElement, data: unknown[], layout?: unknown, config?: unknown): Promise<unknown>;
    purge(el: HTMLElement): void;
    Plots: { resize(el: HTMLElement): void };
    downloadImage(el: HTMLElement, opts: { format: 'png' | 'svg'; filename: string; scale?: number }): Promise<unknown>;
  };
  export default Plotly;
}
