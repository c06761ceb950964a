import { useImperativeHandle, useState, type Ref } from 'react';
import { enterApiKey, forgetApiKey, setRememberKey, unlockApiKey } from '../../actions/settingsActions.ts';
import { isLocalBaseURL, type LlmSettings } from '../../model/LlmSettings.ts';

/** Lets the dialog hand a typed key over before it tests the connection or closes. */
export interface ApiKeyFieldHandle {
  commit(): Promise<void>;
}

const inputStyle = { font: 'inherit', height: 32, border: '1px solid var(--border-strong)', borderRadius: 'var(--radius-sm)', padding: '0 var(--space-2)', background: 'var(--surface)', color: 'var(--text)' };

/**
 * The API key, write-only: what is typed is handed to the LLM worker as soon as the field is left (or
 * the dialog tests or closes) and the field is emptied; from then on the page shows only "key set
 * ••••1234" with Replace and Forget. A remembered key is locked after a reload until the passkey
 * unlocks it.
 */
export function ApiKeyField({ llm, ref }: { llm: LlmSettings; ref?: Ref<ApiKeyFieldHandle> }) {
  const [typed, setTyped] = useState('');
  const [replacing, setReplacing] = useState(false);
  const [busy, setBusy] = useState(false);
  const commit = async () => {
    if (!typed.trim()) return;
    const key = typed;
    setTyped('');
    setReplacing(false);
    await enterApiKey(key);
  };
  useImperativeHandle(ref, () => ({ commit }), [typed]);
  const local = isLocalBaseURL(llm.baseURL);
  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stack" style={{ gap: 'var(--space-2)' }}>
      {llm.key !== 'none' && !replacing && !(llm.rememberKey && llm.key === 'session') ? (
        <div className="row" style={{ gap: 'var(--space-2)', alignItems: 'center' }} data-testid="settings.keyStatus" data-key={llm.key}>
          <span>
            API key {llm.key === 'locked' ? 'remembered on this device, locked' : 'set'} <code>{llm.keyHint}</code>
            {llm.key === 'remembered' && ' · remembered with a passkey'}
          </span>
          {llm.key === 'locked' && (
            <button className="btn primary" type="button" disabled={busy} onClick={run(unlockApiKey)} data-testid="settings.unlockKey">
              Unlock with passkey
            </button>
          )}
          <button className="btn" type="button" onClick={() => setReplacing(true)} data-testid="settings.replaceKey">
            Replace
          </button>
          <button className="btn ghost" type="button" disabled={busy} onClick={run(forgetApiKey)} data-testid="settings.forgetKey">
            Forget
          </button>
        </div>
      ) : (
        <label className="field">
          {local ? 'API key (not needed for this local server)' : 'API key'}
          <input
            type="password"
            value={typed}
            autoComplete="off"
            data-testid="settings.apiKey"
            placeholder={local ? 'none: Ollama and LM Studio ignore it' : 'handed to the LLM worker when you leave this field'}
            onChange={(e) => setTyped(e.target.value)}
            onBlur={() => void commit()}
            onKeyDown={(e) => e.key === 'Enter' && void commit()}
            style={inputStyle}
          />
        </label>
      )}
      <label className="row text-small" style={{ gap: 'var(--space-2)' }}>
        <input type="checkbox" checked={llm.rememberKey} disabled={busy} data-testid="settings.rememberKey" onChange={(e) => void run(() => setRememberKey(e.target.checked))()} />
        Remember the key on this device, encrypted with a passkey (your browser asks for it after a reload)
      </label>
      {llm.keyNotice && (
        <div className="alert" role="status" data-testid="settings.keyNotice">
          {llm.keyNotice}
        </div>
      )}
    </div>
  );
}
