import { DatasetError } from '../core/data/DatasetError.ts';
import { SimulatorError } from '../core/sim/SimulatorError.ts';
import { installNodeSandbox } from '../sandbox/node/installNodeSandbox.ts';
import { CliError, usageError } from './CliError.ts';
import type { Command, CommandContext } from './Command.ts';
import { toJsonValue } from './formatText.ts';

/** Subcommands, imported only when used (so `gsim envs` never loads the worker pool). */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  envs: { summary: 'list the built-in environments and their parameters', load: async () => (await import('./commands/envs.ts')).envsCommand },
  data: { summary: 'generate a benchmark dataset from a ground truth', load: async () => (await import('./commands/data.ts')).dataCommand },
  evaluate: { summary: 'score a simulator on a dataset (validation metrics, benchmark W1)', load: async () => (await import('./commands/evaluate.ts')).evaluateCommand },
  calibrate: { summary: 'fit a simulator\'s parameters (GA or CMA-ES) on a dataset', load: async () => (await import('./commands/calibrate.ts')).calibrateCommand },
  whatif: { summary: 'what-if scenarios (interventions) on a simulator vs the ground truth', load: async () => (await import('./commands/whatif.ts')).whatifCommand },
  policy: { summary: 'grid search over two intervention knobs with a cost expression', load: async () => (await import('./commands/policy.ts')).policyCommand },
  baseline: { summary: 'fit a data-driven baseline (SINDy or an MLP world model) and score it like evaluate', load: async () => (await import('./commands/baseline.ts')).baselineCommand },
  loop: { summary: 'run the G-Sim loop: an LLM proposes simulators, calibrated and diagnosed on the pool', load: async () => (await import('./commands/loop.ts')).loopCommand },
  worker: { summary: 'take simulation jobs from a Redis queue for runs started elsewhere with --queue', load: async () => (await import('./commands/worker.ts')).workerCommand },
  sweep: { summary: 'a grid of calibrations (benchmarks × methods × seeds) written as the paper\'s W1 table, resumable', load: async () => (await import('./commands/sweep.ts')).sweepCommand },
};

const OVERVIEW = `gsim — G-Sim Studio on the command line

Usage: gsim <command> [flags]   (gsim <command> --help for its flags)

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

Every command prints text by default and exactly one JSON object on stdout with --json.
Errors go to stderr with a non-zero exit code (2: bad usage, 1: failure, 130: cancelled).`;

/** The process edges main needs, injectable so tests can drive it in-process. */
export interface CliIo {
  cwd: string;
  stdout: { write(s: string): unknown };
  stderr: CommandContext['stderr'];
  signal: AbortSignal;
}

/**
 * Runs one gsim invocation and returns its exit code; never exits the process itself (see
 * {@link runCli}). Output: the command's text, or with `--json` one JSON object, on stdout; errors as
 * one `gsim <command>: message` line on stderr.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const args = argv.filter((a) => a !== '--json');
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(OVERVIEW + '\n');
    return name === undefined ? 2 : 0;
  }
  try {
    const entry = COMMANDS[name];
    if (!entry) throw usageError(`unknown command "${name}": expected one of ${Object.keys(COMMANDS).join(', ')} (see gsim --help)`);
    const command = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout.write(command.usage + '\n');
      return 0;
    }
    const ctx: CommandContext = {
      argv: rest,
      json,
      cwd: io.cwd,
      warn: (m) => void io.stderr.write(`gsim ${name}: ${m}\n`),
      stderr: io.stderr,
      signal: io.signal,
    };
    const out = await command.run(ctx);
    io.stdout.write((json ? JSON.stringify(toJsonValue(out.json), null, 2) : out.text) + '\n');
    return out.exitCode ?? 0;
  } catch (e) {
    io.stderr.write(`gsim${name in COMMANDS ? ' ' + name : ''}: ${describeError(e)}\n`);
    if (process.env.GSIM_DEBUG && e instanceof Error && !(e instanceof CliError)) io.stderr.write(`${e.stack}\n`);
    if (e instanceof CliError) return e.exitCode;
    if (io.signal.aborted) return 130;
    return 1;
  }
}

/** One clear line for anything a command can throw. */
function describeError(e: unknown): string {
  if (e instanceof CliError) return e.message;
  if (e instanceof SimulatorError) {
    const at = e.line !== undefined && !e.message.includes(`line ${e.line}`) ? ` (line ${e.line}, column ${e.column ?? '?'})` : '';
    return `simulator error [${e.code}]: ${e.message}${at}`;
  }
  if (e instanceof DatasetError) return `invalid dataset: ${e.message}`;
  if (e instanceof Error && e.name === 'AbortError') return 'cancelled';
  if (e instanceof Error) return e.message;
  return String(e);
}

/**
 * The `gsim` executable's entry: runs {@link main} on the process arguments, turns the first Ctrl-C
 * into a clean cancel (the second one quits at once), and exits with main's code. The only place
 * that calls `process.exit` (style P9/P15).
 */
export async function runCli(): Promise<never> {
  // Programs compiled in this thread (what-if models, domain rules, cost expressions) run in the vm sandbox too.
  installNodeSandbox('main');
  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\ngsim: cancelling… (Ctrl-C again to quit now)\n');
    controller.abort();
  });
  const code = await main(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    signal: controller.signal,
  });
  // Let piped output drain before exiting (exit would otherwise cut a large --json reply short).
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
}
