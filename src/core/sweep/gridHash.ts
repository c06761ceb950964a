import type { SweepGrid } from './SweepGrid.ts';
import { gridToJson } from './parseSweepGrid.ts';

/**
 * A fingerprint of everything that decides a sweep's results: the grid, plus `contents` (a digest of
 * each user file a case names, supplied by the caller, since a path alone does not say the file is
 * unchanged). Two 32-bit FNV-1a passes with different offsets over canonical JSON (sorted keys): 16 hex
 * digits, enough to tell grids apart, not a security boundary.
 */
export function gridHash(grid: SweepGrid, contents: Readonly<Record<string, string>> = {}): string {
  const text = canonicalJson({ grid: gridToJson(grid), contents });
  return fnv1a(text, 0x811c9dc5) + fnv1a(text, 0x050c5d1f);
}

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function fnv1a(text: string, offset: number): string {
  let h = offset >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
