/** The livesim command line: one file per command under commands/. */
import { Command, type OutputConfiguration } from 'commander';
import { VERSION } from '../paths.js';
import { currentIO, type OutputStream } from './command-io.js';
import { HELP } from './help.js';

/**
 * Each command's module, loaded only when that command runs (or for the full help): a command's
 * module pulls in what it needs (the engine, worker pools, the dashboard), and `--version`,
 * `list`, `validate`, `show` or `schema` should not wait for the rest.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./commands/run.js')).runCommand(),
  compare: async () => (await import('./commands/compare.js')).compareCommand(),
  studio: async () => (await import('./commands/studio.js')).studioCommand(),
  sweep: async () => (await import('./commands/sweep.js')).sweepCommand(),
  runs: async () => (await import('./commands/runs.js')).runsCommand(),
  sensitivity: async () => (await import('./commands/sensitivity.js')).sensitivityCommand(),
  uncertainty: async () => (await import('./commands/uncertainty.js')).uncertaintyCommand(),
  check: async () => (await import('./commands/check.js')).checkCommand(),
  calibrate: async () => (await import('./commands/calibrate.js')).calibrateCommand(),
  validate: async () => (await import('./commands/validate.js')).validateCommand(),
  list: async () => (await import('./commands/list.js')).listCommand(),
  metrics: async () => (await import('./commands/metrics.js')).metricsCommand(),
  report: async () => (await import('./commands/report.js')).reportCommand(),
  worker: async () => (await import('./commands/worker.js')).workerCommand(),
  queue: async () => (await import('./commands/queue.js')).queueCommand(),
  show: async () => (await import('./commands/show.js')).showCommand(),
  init: async () => (await import('./commands/init.js')).initCommand(),
  schema: async () => (await import('./commands/schema.js')).schemaCommand(),
  completion: async () => (await import('./commands/completion.js')).completionCommand(),
};

/** The commands `args` (argv after the script) needs: the one named, none for --version alone, all otherwise (help, mistakes, and completion, which describes them all). */
function commandsFor(args: readonly string[]): string[] {
  const named = args.find((arg) => !arg.startsWith('-'));
  if (named !== undefined && named in COMMANDS && named !== 'completion') return [named];
  if (named === undefined && args.some((arg) => arg === '--version' || arg === '-V')) return [];
  return Object.keys(COMMANDS);
}

const EXAMPLES = `
Examples:
  $ livesim run                          run the default preset (demo-county)
  $ livesim run demo-county --seed 42    the same scenario with another seed
  $ livesim list                         the presets
  $ livesim init mine.yaml               a scenario of your own to edit (from demo-county)
  $ livesim validate mine.yaml           check it
  $ livesim run mine.yaml --set anchors.li-orchard.skill=1.5 --json
  $ livesim run demo-county --replicates 20      means and 95% intervals over 20 replicates
  $ livesim compare demo-county mine.yaml        what changes, with paired intervals
  $ livesim studio demo-county                   change a parameter, watch the paired answer settle
  $ livesim sweep demo-county --vary behaviour.purchaseRate=0.0015..0.0035:0.0005
  $ livesim check --all                          do the presets reproduce the article?
  $ livesim sensitivity demo-county              which assumptions the answer hangs on
  $ livesim uncertainty weiya-welfare            how wide it is across the priors
  $ livesim run demo-county --report             and a page of charts: report.html
  $ livesim worker --queue redis://host:6379     run jobs for coordinators on other machines
  $ livesim sweep demo-county --vary anchors.li-orchard.skill=1,2 --queue redis://host:6379
  $ livesim completion bash >> ~/.bashrc         complete commands, options and presets with Tab

Exit codes: 0 ok, 1 failure, 2 bad usage or bad input, 130 stopped (Ctrl+C; partial results kept).
Set NO_COLOR (or pass --no-color) for plain output.
`;

/** Help width as Commander reckons it: the terminal's, or its default of 80 off a terminal. */
const helpWidth = (stream: OutputStream) => (stream.isTTY ? stream.columns : undefined) ?? 80;

/**
 * Commander's own output (help, usage errors, --version) goes where the running command's does.
 * Whether it has colours is left to Commander: livesim's help has none to strip.
 */
const OUTPUT: OutputConfiguration = {
  writeOut: (text) => void currentIO().stdout.write(text),
  writeErr: (text) => void currentIO().stderr.write(text),
  getOutHelpWidth: () => helpWidth(currentIO().stdout),
  getErrHelpWidth: () => helpWidth(currentIO().stderr),
};

/** The command and its subcommands, however deep (`queue status`): each keeps its own output settings. */
const withSubcommands = (command: Command): Command[] => [command, ...command.commands.flatMap(withSubcommands)];

export async function buildProgram(argv: readonly string[] = process.argv): Promise<Command> {
  const program = new Command('livesim')
    .description('Simulate live-stream e-commerce for rural poverty alleviation: what reaches the farmers?')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--no-color', 'no colours in output (also: NO_COLOR=1)')
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(add --help for usage)')
    .configureHelp(HELP)
    .exitOverride();
  for (const name of commandsFor(argv.slice(2))) program.addCommand((await COMMANDS[name]!()).configureHelp(HELP).exitOverride());
  for (const command of withSubcommands(program)) command.configureOutput(OUTPUT);
  return program;
}
