import type { Connect, Plugin } from 'vite';
import { SANDBOX_CSP, SANDBOX_PATH, sandboxDocument } from '../browser/sandboxDocument.ts';
import { STUDIO_CSP } from './studioCsp.ts';

/**
 * Vite plugin: the studio page is served with {@link STUDIO_CSP} and the sandbox iframe's document
 * (`/sandbox.html`, emitted into the build) with SANDBOX_CSP, both as response headers, by
 * `vite preview` (so `npm start` and the e2e build have them). Script and worker files get no CSP of
 * their own: the workers the page starts (NPE, Monaco) run only the studio's code, and the sandbox's
 * workers are blobs that inherit the sandbox's CSP. The dev server serves the sandbox document too,
 * but not the page CSP (Vite's dev client needs inline scripts and eval).
 */
export function studioCspPlugin(): Plugin {
  const cspHeaders = (enforcePage: boolean): Connect.NextHandleFunction => (req, res, next) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === `/${SANDBOX_PATH}`) res.setHeader('Content-Security-Policy', SANDBOX_CSP);
    else if (enforcePage && (path === '/' || path.endsWith('.html') || !/\.[a-z0-9]+$/i.test(path))) res.setHeader('Content-Security-Policy', STUDIO_CSP);
    next();
  };
  return {
    name: 'gsim-studio-csp',
    configureServer(server) {
      server.middlewares.use(cspHeaders(false));
      server.middlewares.use((req, res, next) => {
        if ((req.url ?? '').split('?')[0] !== `/${SANDBOX_PATH}`) return next();
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(sandboxDocument());
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use(cspHeaders(true));
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SANDBOX_PATH, source: sandboxDocument() });
    },
  };
}
