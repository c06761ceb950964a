/**
 * JavaScript evaluated inside each program's `node:vm` context before the program itself. It returns a
 * `setup(callRng, configJson)` function that (1) replaces forbidden globals (and `Math.random` when
 * asked) with
 * throwing stand-ins, (2) locks `Error.prepareStackTrace`, and (3) returns the two entry points the host
 * calls programs through, which copy every argument into this realm first (plus `copyIn` itself, for
 * the worker API that runs whole inside the context: createSandboxedWorkerApi.ts).
 *
 * WHY copying: a host object handed to the program (a state from the dataset, the params object, the
 * host's rng) leads to the host's `Function` through `.constructor.constructor`, and from there to
 * `process`. So the program only ever sees objects made here: plain data is deep-copied, and `rng` is a
 * frozen facade whose methods call the host through `callRng`, a host function kept in this closure.
 * Everything the host calls back with (rng results, errors) is read for primitives and rebuilt here.
 * Intrinsics are captured before the program runs, so a program that pollutes `Object.prototype` or
 * replaces `Array.isArray` cannot steer this code into handing it a host object.
 *
 * Kept as a string (not a TS function's `toString()`): the bundler may rewrite TS functions with
 * helpers that do not exist inside the context.
 */
export const VM_PRELUDE_SOURCE = String.raw`(function setup(callRng, configJson) {
  'use strict';
  const cfg = JSON.parse(configJson);
  const G = globalThis;
  const ObjectC = Object, ArrayC = Array, ErrorC = Error, RangeErrorC = RangeError, TypeErrorC = TypeError, ProxyC = Proxy;
  const keys = Object.keys, isArray = Array.isArray, isFrozen = Object.isFrozen, freeze = Object.freeze;
  const defineProperty = Object.defineProperty, create = Object.create, isView = ArrayBuffer.isView;
  const TAG = Symbol.toStringTag;
  const MAX_DEPTH = 200;

  const typed = create(null);
  const typedNames = ['Float64Array', 'Float32Array', 'Int32Array', 'Uint32Array', 'Int16Array', 'Uint16Array', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray'];
  for (let i = 0; i < typedNames.length; i++) typed[typedNames[i]] = G[typedNames[i]];

  function forbiddenError(message) {
    const e = new ErrorC(message);
    const d = create(null);
    d.value = 'GsimForbiddenError'; d.writable = true; d.enumerable = false; d.configurable = true;
    defineProperty(e, 'name', d);
    return e;
  }
  function forbidden(message) {
    const fail = function () { throw forbiddenError(message); };
    const handler = create(null);
    handler.get = fail; handler.set = fail; handler.apply = fail; handler.construct = fail;
    handler.defineProperty = fail; handler.deleteProperty = fail; handler.getOwnPropertyDescriptor = fail;
    handler.ownKeys = fail; handler.has = function () { return false; };
    return new ProxyC(fail, handler);
  }
  function lock(obj, name, value) {
    const d = create(null);
    d.value = value; d.writable = false; d.enumerable = false; d.configurable = false;
    defineProperty(obj, name, d);
  }
  const names = keys(cfg.forbidden);
  for (let i = 0; i < names.length; i++) {
    const d = create(null);
    d.value = forbidden(cfg.forbidden[names[i]]); d.writable = true; d.enumerable = false; d.configurable = true;
    defineProperty(G, names[i], d);
  }
  // Only where programs see this realm's own Math (createVmEvaluator). Touching Math costs: V8 then
  // stops inlining Math.exp, Math.log, … everywhere in the realm (measured: 0.65x steps/s), so where
  // core's evaluator hands programs its own frozen Math (createSandboxedWorkerApi), Math stays as is.
  if (typeof cfg.mathRandom === 'string') lock(Math, 'random', function random() { throw forbiddenError(cfg.mathRandom); });
  // Node formats stack traces with the context's Error.prepareStackTrace; keep programs off it.
  lock(ErrorC, 'prepareStackTrace', undefined);
  lock(G, 'Error', ErrorC);

  function copyIn(v, depth) {
    if (typeof v !== 'object' || v === null) return typeof v === 'function' ? undefined : v;
    if (depth > MAX_DEPTH) throw new RangeErrorC('a value passed to the simulator nests deeper than ' + MAX_DEPTH + ' levels');
    if (isArray(v)) {
      const n = v.length;
      const out = new ArrayC(n);
      for (let i = 0; i < n; i++) out[i] = copyIn(v[i], depth + 1);
      return out;
    }
    if (isView(v)) {
      const C = typed[v[TAG]];
      if (C === undefined) return undefined;
      const n = v.length;
      const out = new C(n);
      for (let i = 0; i < n; i++) out[i] = v[i];
      return out;
    }
    const ks = keys(v);
    const out = {};
    for (let i = 0; i < ks.length; i++) {
      const k = ks[i];
      const value = copyIn(v[k], depth + 1);
      if (k === '__proto__') lock(out, k, value);
      else out[k] = value;
    }
    return out;
  }

  let lastParamsHost, lastParams;
  function paramsIn(p) {
    if (p === lastParamsHost) return lastParams;
    const out = copyIn(p, 0);
    if (typeof p === 'object' && p !== null && isFrozen(p)) {
      freeze(out);
      lastParamsHost = p;
      lastParams = out;
    }
    return out;
  }

  function rethrow(e) {
    let name = 'Error', message = '';
    try { name = '' + e.name; message = '' + e.message; } catch (_) { /* keep the defaults */ }
    const C = name === 'RangeError' ? RangeErrorC : name === 'TypeError' ? TypeErrorC : ErrorC;
    return new C(message);
  }
  function makeRng(h) {
    const f = {};
    const methods = cfg.rngMethods;
    for (let i = 0; i < methods.length; i++) {
      const name = methods[i];
      f[name] = function (a, b) {
        let r;
        try { r = callRng(h, name, a, b); } catch (e) { throw rethrow(e); }
        return typeof r === 'object' && r !== null ? makeRng(r) : r;
      };
    }
    return freeze(f);
  }
  let lastRngHost, lastRng;
  function rngIn(h) {
    if (typeof h !== 'object' || h === null) return undefined;
    if (h !== lastRngHost) {
      lastRng = makeRng(h);
      lastRngHost = h;
    }
    return lastRng;
  }

  return {
    copyIn: function (v) {
      return copyIn(v, 0);
    },
    step: function (fn, state, action, params, rng) {
      return fn(copyIn(state, 0), copyIn(action, 0), paramsIn(params), rngIn(rng));
    },
    initialState: function (fn, rng) {
      return fn(rngIn(rng));
    },
  };
})`;
