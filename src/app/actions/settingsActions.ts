import type { KeyBinding, SealedKey } from '../../llm/vaultMessages.ts';
import { forgetKey, holdKey, sealHeldKey, unsealKey } from '../lib/llmVault.ts';
import { createPasskeyPrf, passkeyPrf, passkeysAvailable, type PasskeyRef } from '../lib/passkeyPrf.ts';
import { DEFAULT_LLM_SETTINGS, keyBindingOf, type LlmSettings } from '../model/LlmSettings.ts';
import { studioStore } from '../store/studioStore.ts';
import { notify } from './uiActions.ts';

/** localStorage key of the connection settings (never the key). */
const SETTINGS_KEY = 'gsim.llm';
/** Where earlier versions kept a remembered key in plain text: removed on load, never written. */
const LEGACY_API_KEY_KEY = 'gsim.llm.apiKey';
/** localStorage key of a remembered key, encrypted under a passkey's PRF output ({@link RememberedKey}). */
const REMEMBERED_KEY_KEY = 'gsim.llm.rememberedKey';

/** What "remember on this device" stores: the passkey to ask, the encrypted key, and what may be shown. */
interface RememberedKey extends PasskeyRef, SealedKey {
  hint: string;
  binding: KeyBinding;
}

export const LEGACY_KEY_NOTICE =
  'An API key remembered by an earlier version of the studio was stored unencrypted in this browser; it has been removed. Enter it again here (it can be remembered encrypted with a passkey).';
export const REENTER_TO_REMEMBER = 'Enter the key again to remember it: it is encrypted as it is entered.';
const NO_PRF_NOTICE = 'This browser or authenticator cannot protect the key with a passkey (WebAuthn PRF), so it is kept for this session only.';

function storage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null; // blocked (private mode, sandboxed frame): settings last for the session
  }
}

const toB64 = (b: Uint8Array) => btoa(String.fromCharCode(...b));
const fromB64 = (s: unknown) => (typeof s === 'string' ? Uint8Array.from(atob(s), (c) => c.charCodeAt(0)) : null);

function readRemembered(): RememberedKey | null {
  try {
    const raw = JSON.parse(storage()?.getItem(REMEMBERED_KEY_KEY) ?? 'null') as Record<string, unknown> | null;
    if (!raw) return null;
    const [credentialId, salt, iv, data] = [raw.credentialId, raw.salt, raw.iv, raw.data].map(fromB64);
    const binding = raw.binding as KeyBinding;
    if (!credentialId || !salt || !iv || !data || typeof raw.hint !== 'string' || typeof binding?.baseURL !== 'string') return null;
    return { credentialId, salt, iv, data, hint: raw.hint, binding };
  } catch {
    return null; // malformed: treated as none (and overwritten by the next remember)
  }
}

function writeRemembered(r: RememberedKey | null): void {
  const ls = storage();
  if (!ls) return;
  if (!r) return ls.removeItem(REMEMBERED_KEY_KEY);
  ls.setItem(REMEMBERED_KEY_KEY, JSON.stringify({ ...r, credentialId: toB64(r.credentialId), salt: toB64(r.salt), iv: toB64(r.iv), data: toB64(r.data) }));
}

/** Writes the connection settings to localStorage (no key, no key state). */
function persist(llm: LlmSettings): void {
  try {
    const { provider, baseURL, model, temperature, maxTokens, rememberKey } = llm;
    storage()?.setItem(SETTINGS_KEY, JSON.stringify({ provider, baseURL, model, temperature, maxTokens, rememberKey }));
  } catch {
    // Quota or blocked storage: the settings still apply in memory.
  }
}

function setLlm(patch: Partial<LlmSettings>): LlmSettings {
  const llm = { ...studioStore.getState().llm, ...patch };
  studioStore.setState({ llm });
  persist(llm);
  return llm;
}

/**
 * Reads the settings saved in this browser (start-up); unknown or malformed fields fall back to defaults.
 * A key remembered in plain text by an earlier version is removed, with a notice asking for it again;
 * a key remembered encrypted shows as locked until the passkey unlocks it.
 */
export function loadLlmSettings(): void {
  const ls = storage();
  if (!ls) return;
  let saved: Partial<LlmSettings> = {};
  try {
    const raw = ls.getItem(SETTINGS_KEY);
    if (raw) saved = JSON.parse(raw) as Partial<LlmSettings>;
  } catch {
    saved = {};
  }
  let keyNotice = '';
  if (ls.getItem(LEGACY_API_KEY_KEY) !== null) {
    ls.removeItem(LEGACY_API_KEY_KEY);
    keyNotice = LEGACY_KEY_NOTICE;
    notify('error', LEGACY_KEY_NOTICE);
  }
  const remembered = readRemembered();
  const d = DEFAULT_LLM_SETTINGS;
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const llm: LlmSettings = {
    provider: saved.provider === 'anthropic' ? 'anthropic' : 'openai',
    baseURL: typeof saved.baseURL === 'string' ? saved.baseURL : d.baseURL,
    model: typeof saved.model === 'string' ? saved.model : d.model,
    temperature: 'temperature' in saved ? num(saved.temperature) : d.temperature,
    maxTokens: 'maxTokens' in saved ? num(saved.maxTokens) : d.maxTokens,
    rememberKey: saved.rememberKey === true,
    key: remembered ? 'locked' : 'none',
    keyHint: remembered?.hint ?? '',
    keyNotice,
  };
  studioStore.setState({ llm });
  persist(llm);
}

/**
 * Changes the connection settings and saves them in this browser. The key is bound to the provider and
 * base URL it was entered for, so changing either forgets it (page code cannot re-point a key).
 * @param patch fields to change.
 */
export function updateLlmSettings(patch: Partial<Pick<LlmSettings, 'provider' | 'baseURL' | 'model' | 'temperature' | 'maxTokens'>>): void {
  const before = studioStore.getState().llm;
  const llm = setLlm(patch);
  const moved = llm.provider !== before.provider || llm.baseURL.trim() !== before.baseURL.trim();
  if (moved && before.key !== 'none') {
    void forgetApiKey();
    setLlm({ keyNotice: 'The API key was forgotten: it was entered for another provider or base URL. Enter the key for this one.' });
  }
}

/**
 * Hands a typed key to the LLM worker (the page keeps only its hint) and, when "remember" is ticked,
 * remembers it encrypted with a passkey. The caller clears the field it was typed in.
 */
export async function enterApiKey(typed: string): Promise<void> {
  const key = typed.trim();
  if (!key) return;
  const llm = setLlm({ key: 'session', keyHint: `••••${key.slice(-4)}`, keyNotice: '' });
  writeRemembered(null); // a remembered key is replaced, not kept beside the new one
  try {
    await holdKey(key, keyBindingOf(llm), llm.rememberKey);
  } catch (e) {
    setLlm({ key: 'none', keyHint: '', keyNotice: `The key was not accepted: ${e instanceof Error ? e.message : String(e)}` });
    return;
  }
  if (llm.rememberKey) await rememberHeldKey();
}

/** Encrypts the held key under a new passkey's PRF output and stores it; falls back to session-only. */
async function rememberHeldKey(): Promise<void> {
  if (!passkeysAvailable()) return void setLlm({ rememberKey: false, keyNotice: NO_PRF_NOTICE });
  try {
    const passkey = await createPasskeyPrf();
    const sealed = await sealHeldKey(passkey.prf);
    const { keyHint, provider, baseURL } = studioStore.getState().llm;
    writeRemembered({ credentialId: passkey.credentialId, salt: passkey.salt, ...sealed, hint: keyHint, binding: { provider, baseURL: baseURL.trim() } });
    setLlm({ key: 'remembered', keyNotice: '' });
  } catch (e) {
    setLlm({ rememberKey: false, keyNotice: `${NO_PRF_NOTICE} (${e instanceof Error ? e.message : String(e)})` });
  }
}

/**
 * Ticks or unticks "remember on this device". A key already held is remembered only when typed again
 * (the LLM worker seals a key only as it is entered), so the Settings field asks for it; unticking
 * deletes the remembered copy.
 */
export async function setRememberKey(on: boolean): Promise<void> {
  const llm = setLlm({ rememberKey: on, keyNotice: '' });
  if (on && llm.key === 'session') setLlm({ keyNotice: REENTER_TO_REMEMBER });
  if (!on) {
    writeRemembered(null);
    if (llm.key === 'remembered') setLlm({ key: 'session' });
    if (llm.key === 'locked') await forgetApiKey();
  }
}

/** Unlocks a remembered key with its passkey (the browser prompts); the LLM worker decrypts and holds it. */
export async function unlockApiKey(): Promise<void> {
  const remembered = readRemembered();
  if (!remembered) return void setLlm({ key: 'none', keyHint: '', keyNotice: 'No remembered key was found on this device: enter it again.' });
  try {
    const status = await unsealKey(await passkeyPrf(remembered), { iv: remembered.iv, data: remembered.data });
    setLlm({ key: 'remembered', keyHint: status.hint, keyNotice: '', ...(status.binding ? { provider: status.binding.provider, baseURL: status.binding.baseURL } : {}) });
  } catch (e) {
    setLlm({ keyNotice: `The remembered key was not unlocked: ${e instanceof Error ? e.message : String(e)}` });
  }
}

/** Forgets the key everywhere: the LLM worker drops it and the remembered copy is deleted. */
export async function forgetApiKey(): Promise<void> {
  writeRemembered(null);
  setLlm({ key: 'none', keyHint: '' });
  await forgetKey();
}

/** Opens or closes the Settings dialog. */
export function setSettingsOpen(open: boolean): void {
  studioStore.setState({ settingsOpen: open });
}
