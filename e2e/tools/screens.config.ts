import base from '../../playwright.config.ts';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The screenshot tour (not part of `npm test`: its files end in `.screens.ts`, which the default config
 * does not match). Run: `npx playwright test -c e2e/tools/screens.config.ts` (E2E_PORT/E2E_OUTDIR as usual);
 * PNGs land in .scratch/screens/ (gitignored). `SCREENS=readme` takes only the README's picture.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: '**/*.screens.ts',
  timeout: 900_000,
  // Paths in the base config are relative to the repository root, not to this folder.
  outputDir: `${ROOT}/${process.env.E2E_RESULTS ?? 'test-results'}`,
  webServer: {
    ...(base.webServer as object),
    cwd: ROOT,
    // SCREENS_MINIFY=0: readable function names in a CPU profile (profile.screens.ts).
    command: (base.webServer as { command: string }).command.replace('--logLevel warn', process.env.SCREENS_MINIFY === '0' ? '--logLevel warn --minify false' : '--logLevel warn'),
  } as typeof base.webServer,
});
