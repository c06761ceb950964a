// Imports point down and never in a circle (DEVELOPERS: architecture): every value import between the
// project's own modules, followed from each file, never comes back to where it started. Type-only
// imports count too: they vanish at build time, but a circle of types is still two files that cannot be
// read, or moved, one without the other (the last four such pairs were split by a file of their own).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const IMPORT = /^\s*(?:import|export)\s+[^;]*?from\s+['"](\.[^'"]+)['"]/gm;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('module graph', () => {
  const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'workers'))];
  const graph = new Map(files.map((f) => [f, [...readFileSync(f, 'utf8').matchAll(IMPORT)].map((m) => normalize(join(dirname(f), m[1])))]));

  it('has modules to check', () => {
    expect(files.length).toBeGreaterThan(300);
  });

  it('has no import cycle among src/ and workers/', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      state.set(file, 'open');
      path.push(file);
      for (const dep of graph.get(file) ?? []) {
        if (!graph.has(dep)) continue;
        if (state.get(dep) === 'open') cycles.push([...path.slice(path.indexOf(dep)), dep].map((f) => relative(ROOT, f)).join(' → '));
        else if (!state.has(dep)) visit(dep, path);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
