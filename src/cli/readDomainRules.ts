import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DomainRule } from '../core/llm/DomainRule.ts';
import { compileDomainRule } from '../core/llm/compileDomainRule.ts';
import { CliError } from './CliError.ts';
import { readText } from './readSimulator.ts';

/**
 * Reads `--rules`: domain rules `{ id, description, check }` (see DomainRule) from a JSON file (an array,
 * or `{ "rules": [...] }`) or a JavaScript module (`export default [...]` or `export const rules = [...]`;
 * the user's own file, run like a config file). Every check is compiled against the data's variables
 * here, so a typo is a usage error before any model is asked, not a NaN rate fed to it.
 * @throws CliError (exit 2) naming the file, the rule's index and what is wrong.
 * @example
 * await readDomainRules('rules.json', process.cwd(), ['S', 'I', 'R']);
 */
export async function readDomainRules(path: string, cwd: string, variables: readonly string[]): Promise<DomainRule[]> {
  const where = `--rules file "${path}"`;
  let value: unknown;
  if (/\.(m?js|cjs)$/i.test(path)) {
    readText(path, cwd, '--rules'); // the same clear message as other flags for a missing file
    let mod: Record<string, unknown>;
    try {
      mod = (await import(pathToFileURL(resolve(cwd, path)).href)) as Record<string, unknown>;
    } catch (e) {
      throw new CliError(`${where} could not be loaded: ${(e as Error).message}`, 2);
    }
    value = mod.default ?? mod.rules;
  } else {
    try {
      value = JSON.parse(readText(path, cwd, '--rules'));
    } catch (e) {
      if (e instanceof CliError) throw e;
      throw new CliError(`${where} is not valid JSON: ${(e as Error).message}`, 2);
    }
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && Array.isArray((value as { rules?: unknown }).rules)) {
    value = (value as { rules: unknown }).rules;
  }
  if (!Array.isArray(value)) throw new CliError(`${where}: expected an array of rules { id, description, check }`, 2);
  const seen = new Set<string>();
  return value.map((raw, i) => {
    const at = `${where}: rules[${i}]`;
    if (raw === null || typeof raw !== 'object') throw new CliError(`${at}: expected an object { id, description, check }, got ${JSON.stringify(raw)}`, 2);
    const r = raw as Record<string, unknown>;
    for (const key of ['id', 'check'] as const) {
      if (typeof r[key] !== 'string' || (r[key] as string).trim() === '') throw new CliError(`${at}.${key}: expected a non-empty string, got ${JSON.stringify(r[key])}`, 2);
    }
    if (r.description !== undefined && typeof r.description !== 'string') throw new CliError(`${at}.description: expected a string, got ${JSON.stringify(r.description)}`, 2);
    const rule: DomainRule = { id: r.id as string, description: (r.description as string | undefined) ?? (r.id as string), check: r.check as string };
    if (seen.has(rule.id)) throw new CliError(`${at}.id: "${rule.id}" is used twice`, 2);
    seen.add(rule.id);
    try {
      compileDomainRule(rule, variables);
    } catch (e) {
      throw new CliError(`${at}: ${(e as Error).message}`, 2);
    }
    return rule;
  });
}
