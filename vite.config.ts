import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { simWorkerSourcePlugin } from './src/sandbox/build/simWorkerSourcePlugin.ts';
import { studioCspPlugin } from './src/sandbox/build/studioCspPlugin.ts';

/**
 * Cross-origin isolation (COOP/COEP) on both the dev server and `vite preview`: later ONNX Runtime
 * threads need SharedArrayBuffer, and Monaco and its workers keep working under COEP (stack-notes §4, §6).
 */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  // simWorkerSourcePlugin: the simulation worker as one script for the sandbox iframe; studioCspPlugin:
  // the page's and the sandbox document's CSP headers (README "Security").
  plugins: [react(), simWorkerSourcePlugin(), studioCspPlugin()],
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
  build: {
    target: 'es2022',
    // Monaco's TS worker alone is ~7 MB; it is lazy and never on the first-render path.
    chunkSizeWarningLimit: 8000,
  },
});
