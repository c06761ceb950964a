/**
 * Plotly renders its strings (titles, trace names, category labels, hover templates) as a small
 * markup language with live `<a href>` links and `<span style>`. Names a program or a project file
 * provides (parameters, variables, knobs) reach those strings, so before a figure is drawn every string
 * in it is escaped: `&` and `<` become entities, except the few tags the studio's own charts use
 * (`<br>`, `<b>`, `<i>`, `<sup>`, `<sub>` and hover templates' `<extra>`), which carry no link or style.
 */
const OWN_TAGS = /^<(\/?(?:b|i|sup|sub|extra)|br ?\/?)>/i;

/** One string with its markup made text (see the module comment). */
export function plotMarkupSafeText(s: string): string {
  if (!s.includes('<') && !s.includes('&')) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '&') out += '&amp;';
    else if (c === '<') {
      const own = OWN_TAGS.exec(s.slice(i, i + 9));
      if (own) {
        out += own[0];
        i += own[0].length - 1;
      } else {
        out += '&lt;';
      }
    } else out += c;
  }
  return out;
}

/**
 * A figure (traces or layout) with every string made markup-safe; returns the same object when nothing
 * needed escaping, and never walks into typed arrays (the numbers of a chart).
 */
export function plotMarkupSafe<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return plotMarkupSafeText(value) as T;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || depth > 20) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'number') continue;
      const safe = plotMarkupSafe(v, depth + 1);
      if (safe !== v) (copy ??= value.slice())[i] = safe;
    }
    return (copy ?? value) as T;
  }
  let copy: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const safe = plotMarkupSafe(v, depth + 1);
    if (safe !== v) (copy ??= { ...(value as Record<string, unknown>) })[k] = safe;
  }
  return (copy ?? value) as T;
}
