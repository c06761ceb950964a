/**
 * The Content-Security-Policy of the studio page (index.html). No `unsafe-eval` and no inline script:
 * text from a project, a field or a program can never become code on the page, and a path we missed
 * fails closed. Inline *styles* stay allowed (React style attributes, Plotly, Monaco), as they run no
 * code. `wasm-unsafe-eval` lets ONNX Runtime compile its WebAssembly. `connect-src` must reach the LLM
 * provider the user configures (any https URL, or a local server), so it cannot be narrower: the page
 * holds no untrusted code that could use it. Frames: only the sandbox document (same server, opaque
 * origin through `sandbox="allow-scripts"`), which has its own CSP (SANDBOX_CSP).
 */
export const STUDIO_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data: https: http://localhost:* http://127.0.0.1:*",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
