import path from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

/** Import query that turns a worker entry into its bundled source text. */
export const IIFE_QUERY = '?gsim-iife';

/**
 * Vite plugin: `import source from './worker.ts?gsim-iife'` gives the worker bundled into one classic
 * script (IIFE) as a string. The sandbox iframe runs it from a blob: its opaque origin cannot fetch
 * the studio's module chunks (they are same-origin to the page only, and COEP would demand CORP/CORS),
 * and a blob inherits the iframe's CSP. Works the same in `vite` (dev) and `vite build`.
 */
export function simWorkerSourcePlugin(): Plugin {
  let minify = true;
  return {
    name: 'gsim-sim-worker-source',
    enforce: 'pre',
    configResolved(config) {
      minify = config.command === 'build';
    },
    async load(id) {
      if (!id.endsWith(IIFE_QUERY)) return null;
      const entry = id.slice(0, -IIFE_QUERY.length);
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        write: false,
        metafile: true,
        minify,
        legalComments: 'none',
      });
      for (const input of Object.keys(result.metafile.inputs)) this.addWatchFile(path.resolve(input));
      return `export default ${JSON.stringify(result.outputFiles[0].text)};`;
    },
  };
}
