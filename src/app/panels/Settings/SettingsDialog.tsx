import { useEffect, useRef, useState } from 'react';
import { setSettingsOpen, updateLlmSettings } from '../../actions/settingsActions.ts';
import { testLlmConnection, type ConnectionTestResult } from '../../actions/testLlmConnection.ts';
import type { LlmSettings } from '../../model/LlmSettings.ts';
import { studioStore } from '../../store/studioStore.ts';
import { useStudio } from '../../store/useStudio.ts';
import { ApiKeyField, type ApiKeyFieldHandle } from './ApiKeyField.tsx';

/** An optional number field: empty means "not set" (the server's default). */
function OptionalNumber({ label, value, onChange, step, min, max, testId, hint }: {
  label: string; value: number | undefined; onChange(v: number | undefined): void; step: number; min: number; max: number; testId: string; hint: string;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  return (
    <label className="field" title={hint}>
      {label}
      <input
        type="number"
        step={step}
        min={min}
        max={max}
        value={text}
        placeholder="server default"
        data-testid={testId}
        onChange={(e) => {
          setText(e.target.value);
          const v = e.target.value.trim() === '' ? undefined : Number(e.target.value);
          if (v === undefined || (Number.isFinite(v) && v >= min && v <= max)) onChange(v);
        }}
      />
    </label>
  );
}

/**
 * The LLM connection settings (a modal dialog from the top bar): provider, base URL, model, API key,
 * temperature and max tokens, and a connection test that names the provider's typed errors. The key is
 * write-only ({@link ApiKeyField}): the LLM worker holds it.
 */
export function SettingsDialog() {
  const llm = useStudio((s) => s.llm);
  const [test, setTest] = useState<ConnectionTestResult | 'running' | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const firstRef = useRef<HTMLSelectElement>(null);
  const keyRef = useRef<ApiKeyFieldHandle>(null);
  const set = (patch: Parameters<typeof updateLlmSettings>[0]) => {
    updateLlmSettings(patch);
    setTest(null);
  };
  const close = () => {
    abortRef.current?.abort();
    void keyRef.current?.commit(); // a key typed and not yet handed over is not lost by closing
    setSettingsOpen(false);
  };

  useEffect(() => {
    firstRef.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="modal card" role="dialog" aria-modal="true" aria-labelledby="settings-title" data-testid="settings.dialog">
        <div className="card-head">
          <h3 id="settings-title">LLM settings</h3>
          <button className="btn ghost" type="button" aria-label="Close settings" onClick={close} data-testid="settings.close">
            ✕
          </button>
        </div>
        <form
          className="stack"
          style={{ gap: 'var(--space-3)' }}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            close();
          }}
        >
          <label className="field">
            Provider
            <select ref={firstRef} value={llm.provider} data-testid="settings.provider" onChange={(e) => set({ provider: e.target.value as LlmSettings['provider'] })}>
              <option value="openai">OpenAI-compatible (OpenAI, vLLM, Ollama, LM Studio…)</option>
              <option value="anthropic">Anthropic</option>
            </select>
          </label>
          <label className="field">
            Base URL
            <input
              type="text"
              value={llm.baseURL}
              placeholder={llm.provider === 'anthropic' ? 'https://api.anthropic.com (default)' : 'https://api.openai.com/v1 (default)'}
              data-testid="settings.baseURL"
              spellCheck={false}
              onChange={(e) => set({ baseURL: e.target.value })}
            />
          </label>
          <label className="field">
            Model
            <input type="text" value={llm.model} data-testid="settings.model" spellCheck={false} onChange={(e) => set({ model: e.target.value })} />
          </label>
          <ApiKeyField llm={llm} ref={keyRef} />
          <p className="text-small muted" style={{ margin: 0 }}>
            The key goes only to the provider and base URL it was entered for, from the studio’s LLM worker, which the page
            cannot read it back from. It is never saved in projects, exports or the project database, and never sent to the
            simulation workers.
          </p>
          <div className="row" style={{ gap: 'var(--space-4)' }}>
            <OptionalNumber label="Temperature" value={llm.temperature} onChange={(v) => set({ temperature: v })} step={0.05} min={0} max={2} testId="settings.temperature" hint="Empty: the server's default (reasoning models reject a temperature)" />
            <OptionalNumber label="Max tokens" value={llm.maxTokens} onChange={(v) => set({ maxTokens: v === undefined ? undefined : Math.round(v) })} step={1} min={16} max={200000} testId="settings.maxTokens" hint="Upper bound on each answer's length" />
          </div>
          <div className="row" style={{ justifyContent: 'space-between' }}>
            <button
              className="btn"
              type="button"
              data-testid="settings.test"
              disabled={test === 'running'}
              onClick={() => {
                abortRef.current?.abort();
                const ctl = new AbortController();
                abortRef.current = ctl;
                setTest('running');
                void keyRef.current?.commit();
                void testLlmConnection(studioStore.getState().llm, ctl.signal).then((r) => !ctl.signal.aborted && setTest(r));
              }}
            >
              {test === 'running' ? 'Testing…' : 'Test connection'}
            </button>
            <button className="btn primary" type="button" onClick={close} data-testid="settings.done">
              Done
            </button>
          </div>
          {test && test !== 'running' && (
            <div className={`alert${test.ok ? ' info' : ''}`} role="status" data-testid="settings.testResult" data-ok={test.ok ? 'true' : 'false'}>
              {test.ok ? (
                <>
                  <strong style={{ color: 'var(--success)' }}>Connected.</strong> The model answered: “{test.reply || '(empty)'}”
                </>
              ) : (
                <>
                  <strong>{test.code ? `${test.code}: ` : ''}</strong>
                  {test.message}
                  {test.hint && <div className="text-small" style={{ marginTop: 4 }}>{test.hint}</div>}
                </>
              )}
            </div>
          )}
        </form>
      </div>
    </div>
  );
}
