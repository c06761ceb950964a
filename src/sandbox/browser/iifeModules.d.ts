// Worker entries imported as bundled source text (src/sandbox/build/simWorkerSourcePlugin.ts).
declare module '*?gsim-iife' {
  const source: string;
  export default source;
}
