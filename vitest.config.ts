import { defineConfig } from 'vitest/config';

// Core and CLI tests run in Node (no DOM: proves core is environment-free); UI tests run in jsdom.
export default defineConfig({
  test: {
    // Vitest's default on 2 cores is one worker (cores − 1), yet most of the slow files (CLI, queue,
    // hostile corpora) wait on child processes: two workers keep both cores busy. GSIM_VITEST_WORKERS
    // overrides it.
    maxWorkers: Number(process.env.GSIM_VITEST_WORKERS ?? 2),
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/core/**/*.test.ts', 'src/cli/**/*.test.ts', 'src/pool/**/*.test.ts', 'workers/**/*.test.ts', 'tests/**/*.test.ts', 'src/ort/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'ui',
          environment: 'jsdom',
          include: ['src/app/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
