import { defaultDomainRules } from '../../core/llm/defaultDomainRules.ts';
import type { DomainRule } from '../../core/llm/DomainRule.ts';
import { studioStore } from '../store/studioStore.ts';

/**
 * Changes one domain rule of the open project.
 * @param index position in the list.
 * @param patch fields to change.
 */
export function updateRule(index: number, patch: Partial<DomainRule>): void {
  studioStore.setState((s) => ({ rules: s.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
}

/** Adds an empty rule with a fresh name. */
export function addRule(): void {
  studioStore.setState((s) => {
    let n = s.rules.length + 1;
    while (s.rules.some((r) => r.id === `rule-${n}`)) n++;
    return { rules: [...s.rules, { id: `rule-${n}`, description: '', check: '' }] };
  });
}

/**
 * Removes a rule.
 * @param index position in the list.
 */
export function removeRule(index: number): void {
  studioStore.setState((s) => ({ rules: s.rules.filter((_, i) => i !== index) }));
}

/** Replaces the rules with the benchmark's built-in ones (none for a user's own system). */
export function resetRules(): void {
  studioStore.setState((s) => ({ rules: defaultDomainRules(s.meta?.env ?? undefined) }));
}
