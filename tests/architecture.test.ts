import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Core must run unchanged in browser workers and in Node (style P1, P2): no environment imports,
// no ambient randomness or clocks. The tsconfig lib wall catches DOM/Node globals; this catches the rest.
const CORE = join(import.meta.dirname, '..', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/from ['"](react|react-dom|zustand|comlink|monaco-editor|plotly[^'"]*|onnxruntime[^'"]*|idb)['"]/, 'a UI/runtime dependency'],
  [/from ['"]node:/, 'a Node built-in'],
  [/from ['"][./]*\/(app|cli|pool)\//, 'code outside core'],
  [/from ['"][./]*\/\.\.\/workers\//, 'a worker module'],
  [/Math\.random\(/, 'Math.random (pass an Rng)'],
  [/Date\.now\(|performance\.now\(/, 'a global clock (inject `now`)'],
  [/\bsetTimeout\(|\bsetInterval\(/, 'timers'],
];

describe('src/core stays environment-free', () => {
  const files = sourceFiles(CORE);
  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(5);
  });
  for (const file of files) {
    it(`${relative(CORE, file)} uses no forbidden import or global`, () => {
      const text = readFileSync(file, 'utf8');
      for (const [re, what] of FORBIDDEN) {
        expect(re.test(text), `${relative(CORE, file)} uses ${what}`).toBe(false);
      }
    });
  }
});
