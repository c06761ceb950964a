// The LLM worker: the API key's only holder in the studio (src/llm/createKeyVault.ts). The page sends
// requests and gets tokens, answers and the key's last four characters back, never the key.
import { createKeyVault } from '../src/llm/createKeyVault.ts';
import type { VaultReply } from '../src/llm/vaultMessages.ts';

const scope = self as unknown as { postMessage(m: VaultReply): void; onmessage: ((e: MessageEvent) => void) | null };
const handle = createKeyVault((reply) => scope.postMessage(reply));
scope.onmessage = (e) => void handle(e.data);
