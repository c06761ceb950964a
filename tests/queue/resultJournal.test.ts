import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResultJournal } from '../../src/pool/queue/ResultJournal.ts';

describe('ResultJournal', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const scratch = () => {
    const d = mkdtempSync(join(tmpdir(), 'gsim-journal-'));
    dirs.push(d);
    return d;
  };

  it('a reopened journal has the results written before, and skips a line a crash cut short', () => {
    const dir = scratch();
    const first = new ResultJournal(dir);
    first.put('a', '{"t":"ok","value":1}');
    first.put('b', '{"t":"ok","value":2}');
    first.put('a', '{"t":"ok","value":99}'); // a key keeps its first answer
    appendFileSync(join(dir, 'results.jsonl'), '{"k":"c","r":"{\\"t\\":'); // torn last line
    const again = new ResultJournal(dir);
    expect(again.size).toBe(2);
    expect(again.get('a')).toBe('{"t":"ok","value":1}');
    expect(again.get('b')).toBe('{"t":"ok","value":2}');
    expect(again.get('c')).toBeUndefined();
    again.put('c', '{"t":"ok","value":3}');
    expect(new ResultJournal(dir).get('c')).toBe('{"t":"ok","value":3}');
  });
});
