import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./sandboxApiEntry.ts', import.meta.url));

let cached: string | undefined;

/**
 * The core worker API bundled into one script whose value is a function of the host's compile hook:
 * `(function (hostCompile) { …core…; return init(hostCompile); })`. It is evaluated in each program's
 * vm context, so core and program share that realm and every call between them stays inside it
 * (full speed); only API calls cross to the host. Built once per process (about 0.1 s) with esbuild,
 * which tsx already brings.
 */
export function sandboxBundleSource(): string {
  if (cached === undefined) {
    const r = buildSync({
      entryPoints: [ENTRY],
      bundle: true,
      format: 'iife',
      globalName: '__gsimSandboxApi',
      platform: 'neutral',
      mainFields: ['module', 'main'],
      target: 'es2022',
      write: false,
      legalComments: 'none',
    });
    // The IIFE's `var __gsimSandboxApi = …` becomes a local of the wrapper, never a global.
    cached = `(function (hostCompile) {\n${r.outputFiles[0].text}\nreturn __gsimSandboxApi.init(hostCompile);\n})`;
  }
  return cached;
}
