/**
 * Starts the scripted LLM server from the command line, for Playwright e2e runs and manual trials:
 *
 *   node --import tsx tests/llm/scriptedLlmServerCli.ts [--port 0] [--scenario sir]
 *
 * Prints `SCRIPTED_LLM_BASE_URL=http://127.0.0.1:PORT/v1` on one line once listening, serves the
 * `sir` scenario (feedback for reflection requests, a correct SIR program for code requests) and stops
 * on SIGINT/SIGTERM.
 */
import { startScriptedLlmServer } from './scriptedLlmServer.ts';
import { sirScenario } from './scriptedPrograms.ts';

const SCENARIOS = { sir: sirScenario } as const;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const scenario = arg('scenario') ?? 'sir';
if (!(scenario in SCENARIOS)) {
  console.error(`Unknown scenario ${JSON.stringify(scenario)}: expected one of ${Object.keys(SCENARIOS).join(', ')}`);
  process.exit(2);
}
const port = Number(arg('port') ?? 0);
const server = await startScriptedLlmServer({ script: SCENARIOS[scenario as keyof typeof SCENARIOS], port });
console.log(`SCRIPTED_LLM_BASE_URL=${server.baseURL}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
