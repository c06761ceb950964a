import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRedisUrl } from '../../src/pool/queue/redisUrl.ts';
import { decodeWire, encodeWire } from '../../src/pool/queue/wireCodec.ts';

describe('wireCodec', () => {
  it('carries typed arrays bit for bit, non-finite numbers and -0, which plain JSON loses', () => {
    const nan = new Float64Array([NaN, Infinity, -Infinity, -0, 1e-308, 0.1]);
    const value = { fitness: nan, idx: new Int32Array([-1, 2 ** 31 - 1]), x: [Infinity, null, 'a', -0], nested: { u8: new Uint8Array([1, 255]) } };
    const back = decodeWire(encodeWire(value)) as typeof value;
    expect(back).toEqual(value);
    expect(back.fitness).toBeInstanceOf(Float64Array);
    expect(Object.is(back.fitness[3], -0)).toBe(true);
    expect(Object.is(back.x[3], -0)).toBe(true);
    expect(JSON.parse(JSON.stringify({ f: Infinity })).f).toBeNull(); // why the codec exists
  });

  it('round-trips any JSON-like value with doubles, including objects that have a "$w" key of their own', () => {
    const doubles = fc.double();
    const leaf = fc.oneof(doubles, fc.string(), fc.boolean(), fc.constant(null), fc.float64Array({ maxLength: 5 }));
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.oneof(fc.string(), fc.constant('$w')), tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(fc.property(tree, (v) => {
      expect(decodeWire(encodeWire(v))).toEqual(v);
    }), { numRuns: 200 });
  });

  it('refuses what it cannot carry, and tags it does not know, with a message', () => {
    expect(() => encodeWire({ m: new Map() })).toThrow(/cannot carry a Map/);
    expect(() => decodeWire('{"$w":"bogus"}')).toThrow(/unknown tag "bogus"/);
  });
});

describe('parseRedisUrl', () => {
  it('reads host, port, database, user and password; rediss:// turns TLS on; the label hides the password', () => {
    const t = parseRedisUrl('rediss://gsim:p%40ss@redis.example.org:6380/2');
    expect(t.options).toEqual({ host: 'redis.example.org', port: 6380, db: 2, username: 'gsim', password: 'p@ss', tls: { servername: 'redis.example.org' } });
    expect(t.label).toBe('rediss://gsim:***@redis.example.org:6380/2');
    expect(parseRedisUrl('redis://127.0.0.1').options).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
  });

  it('names what is wrong with a bad URL', () => {
    expect(() => parseRedisUrl('localhost:6379')).toThrow(/scheme must be redis:\/\/ or rediss:\/\//);
    expect(() => parseRedisUrl('redis://h:1/x')).toThrow(/database must be a number, got "x"/);
    expect(() => parseRedisUrl('not a url')).toThrow(/not a Redis URL/);
  });
});
