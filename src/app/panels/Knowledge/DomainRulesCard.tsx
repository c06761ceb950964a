import { useMemo } from 'react';
import { compileDomainRule } from '../../../core/llm/compileDomainRule.ts';
import type { DomainRule } from '../../../core/llm/DomainRule.ts';
import { addRule, removeRule, resetRules, updateRule } from '../../actions/rulesActions.ts';
import { useStudio } from '../../store/useStudio.ts';

/** The compile error of a rule's check, or null (empty checks are reported as such). */
function ruleError(rule: DomainRule, variables: readonly string[]): string | null {
  try {
    compileDomainRule(rule, variables);
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Domain rules beside the knowledge: JavaScript predicates every plausible simulation satisfies at each
 * step (e.g. conservation). The G-Sim loop measures how often each candidate breaks them and tells the
 * model. Variables are bound by name; `prev` is the previous step's state and `t` the step.
 */
export function DomainRulesCard() {
  const rules = useStudio((s) => s.rules);
  const variables = useStudio((s) => s.variables);
  const env = useStudio((s) => s.meta?.env ?? null);
  const errors = useMemo(() => rules.map((r) => ruleError(r, variables)), [rules, variables]);
  return (
    <div className="card" data-testid="knowledge.rules">
      <div className="card-head">
        <h3>Domain rules</h3>
        <div className="row">
          {env && (
            <button className="btn text-small" type="button" onClick={resetRules} data-testid="rules.reset" title="Replace with the benchmark's built-in rules">
              Defaults
            </button>
          )}
          <button className="btn text-small" type="button" onClick={addRule} data-testid="rules.add">
            Add rule
          </button>
        </div>
      </div>
      <p className="text-small muted" style={{ marginTop: 0 }}>
        One JavaScript expression each, true when the rule holds: variables by name (<code>{variables.slice(0, 3).join(', ') || 'S, I, R'}</code>),{' '}
        <code>prev.X</code> for the step before, <code>t</code> for the step. The loop reports violation rates to the model.
      </p>
      {rules.length === 0 ? (
        <p className="text-small muted">No rules.</p>
      ) : (
        <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0, gap: 'var(--space-3)' }}>
          {rules.map((r, i) => (
            <li key={i} className="stack" style={{ gap: 4 }} data-testid="rules.rule">
              <div className="row" style={{ gap: 'var(--space-2)' }}>
                <input type="text" aria-label="Rule name" value={r.id} onChange={(e) => updateRule(i, { id: e.target.value })} style={{ width: 130 }} className="mono" data-testid="rules.id" />
                <input type="text" aria-label="Rule meaning" placeholder="what it means" value={r.description} onChange={(e) => updateRule(i, { description: e.target.value })} style={{ flex: 1, minWidth: 0 }} data-testid="rules.description" />
                <button className="btn ghost text-small" type="button" aria-label={`Remove rule ${r.id}`} onClick={() => removeRule(i)} data-testid="rules.remove">
                  ✕
                </button>
              </div>
              <input
                type="text"
                aria-label={`Check of rule ${r.id}`}
                className="mono"
                spellCheck={false}
                value={r.check}
                placeholder="e.g. S >= 0 && I >= 0"
                onChange={(e) => updateRule(i, { check: e.target.value })}
                aria-invalid={errors[i] !== null}
                style={{ width: '100%', fontSize: 12, borderColor: errors[i] ? 'var(--danger)' : undefined }}
                data-testid="rules.check"
              />
              {errors[i] && (
                <span className="text-small" style={{ color: 'var(--danger)' }} data-testid="rules.error">
                  {errors[i]}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
