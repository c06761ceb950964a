import { defineConfig } from 'vitest/config';

// Core and CLI tests run in Node (no DOM: proves core is environment-free); UI tests run in jsdom.
export default defineConfig({
  test: {
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
