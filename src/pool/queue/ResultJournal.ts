import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The coordinator's record of finished jobs on local disk, keyed by the SHA-256 of (role, setup,
 * method, arguments): a run stopped by a lost Redis, Ctrl-C or a crash, started again with the same
 * command, takes the finished jobs from here and sends only the rest. Sound because every job is
 * seeded by its arguments, so the same key always has the same answer. One append-only JSON-lines
 * file; a line cut short by a crash is skipped on reading.
 */
export class ResultJournal {
  private readonly file: string;
  private readonly entries = new Map<string, string>();

  /** Opens (creating) the journal in `dir`. */
  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'results.jsonl');
    if (!existsSync(this.file)) return;
    const text = readFileSync(this.file, 'utf8');
    // A line cut short by a crash would swallow the next record appended to it: end it first.
    if (text !== '' && !text.endsWith('\n')) appendFileSync(this.file, '\n');
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        const { k, r } = JSON.parse(line) as { k: unknown; r: unknown };
        if (typeof k === 'string' && typeof r === 'string') this.entries.set(k, r);
      } catch {
        // A line cut short by a crash: that job simply runs again.
      }
    }
  }

  /** Results recorded so far. */
  get size(): number {
    return this.entries.size;
  }

  get(key: string): string | undefined {
    return this.entries.get(key);
  }

  /** Records a result at once (synchronously), so a crash right after loses nothing. */
  put(key: string, result: string): void {
    if (this.entries.has(key)) return;
    this.entries.set(key, result);
    appendFileSync(this.file, JSON.stringify({ k: key, r: result }) + '\n');
  }
}
