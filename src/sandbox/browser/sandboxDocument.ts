/** Where the sandbox document is served (by studioCspPlugin, with {@link SANDBOX_CSP} as a header). */
export const SANDBOX_PATH = 'sandbox.html';

/**
 * The Content-Security-Policy of the sandbox iframe, inherited by the workers it starts from blobs:
 * no network of any kind (`connect-src 'none'` covers fetch, XHR, WebSocket, EventSource and
 * sendBeacon), no images, styles, frames, fonts or forms, scripts only inline (the bootstrap below),
 * from blobs (the worker) and through eval (`new Function` compiles simulator programs).
 */
export const SANDBOX_CSP = [
  "default-src 'none'",
  "script-src 'unsafe-inline' 'unsafe-eval' blob:",
  'worker-src blob:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Message the page sends once the iframe has loaded: the worker's source and the control port. */
export const INIT_MESSAGE = 'gsim-sandbox-init';

/**
 * The iframe's one script. It waits for the page's init message (worker source + control port), makes
 * a blob URL of the worker source, and then on the control port: `spawn` starts a worker and hands it
 * the page's MessagePort (so the page talks to the worker directly), `terminate` stops one, and a
 * worker that fails is reported as `exited`. Messages a worker posts to its own global land here and
 * are ignored. Plain ES2017 in a string, because it runs in a document of its own.
 */
const BOOTSTRAP = `(function () {
  'use strict';
  window.addEventListener('message', function onInit(e) {
    if (e.source !== window.parent || !e.data || e.data.type !== '${INIT_MESSAGE}' || !e.ports[0]) return;
    window.removeEventListener('message', onInit);
    var control = e.ports[0];
    var url = URL.createObjectURL(new Blob([e.data.workerSource], { type: 'text/javascript' }));
    var workers = new Map();
    control.onmessage = function (m) {
      var d = m.data || {};
      if (d.type === 'spawn') {
        var w;
        try {
          w = new Worker(url, { name: 'gsim-sim' });
        } catch (err) {
          control.postMessage({ type: 'exited', id: d.id, message: String((err && err.message) || err) });
          return;
        }
        workers.set(d.id, w);
        w.onerror = function (ev) {
          ev.preventDefault();
          control.postMessage({ type: 'exited', id: d.id, message: ev.message || 'the worker failed to start or crashed' });
        };
        // The worker talks to the page over its port only; posting here is a program at work (a flood
        // would starve this document's thread): stop it.
        w.onmessage = function () {
          w.terminate();
          workers.delete(d.id);
          control.postMessage({ type: 'exited', id: d.id, message: 'the simulator posted a message to the sandbox document; its worker was stopped' });
        };
        w.postMessage({ port: m.ports[0] }, [m.ports[0]]);
      } else if (d.type === 'ping') {
        control.postMessage({ type: 'pong' });
      } else if (d.type === 'terminate') {
        var t = workers.get(d.id);
        if (t) { t.terminate(); workers.delete(d.id); }
      }
    };
    control.postMessage({ type: 'ready' });
  });
})();`;

/**
 * The sandbox document: an empty page carrying the CSP and the bootstrap. It is served as a file of its
 * own (`/sandbox.html`, CSP header too), not as a `srcdoc`: a srcdoc document inherits the studio
 * page's CSP, which allows no eval, and simulator programs are compiled with `new Function`.
 */
export function sandboxDocument(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"></head><body><script>${BOOTSTRAP}</script></body></html>`;
}
