import { defineConfig } from '@playwright/test';

/**
 * Port of the preview server the e2e tests run against (not 5173, so `npm start` can run beside it).
 * E2E_PORT / E2E_OUTDIR let several developers (or agents) run e2e side by side without sharing a build.
 */
const PORT = Number(process.env.E2E_PORT ?? 4175);
const OUT_DIR = process.env.E2E_OUTDIR ?? 'dist';

/**
 * Browser e2e tests in Debian's Chromium (stack-notes §2): a fresh production build with the test hook
 * enabled (VITE_STUDIO_TEST_API=1), served by `vite preview` with the same COOP/COEP headers users get.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_RESULTS ?? 'test-results',
  timeout: 180_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--disable-sync',
        '--disable-quic',
        '--enable-unsafe-webgpu',
        '--disable-default-apps',
        '--disable-domain-reliability',
        '--no-pings',
        // Chromium still phones home even with the flags above; resolve nothing but localhost.
        '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
      ],
    },
  },
  webServer: {
    command: `VITE_STUDIO_TEST_API=1 node node_modules/vite/bin/vite.js build --logLevel warn --outDir ${OUT_DIR} && node node_modules/vite/bin/vite.js preview --outDir ${OUT_DIR} --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
