/**
 * The options every command that runs scenarios shares, declared once: the same flag, parser and
 * words in `run`, `compare`, `sweep`, `check`, `calibrate`, `sensitivity` and `uncertainty`. A
 * command may say in its own words what an option means for it (where `--out` writes, what
 * `--seed` defaults to) and may leave an option out, saying why; a test holds every such command
 * to this list (test/cli/shared-options.test.ts).
 */
import { Option, type Command } from 'commander';
import { collect, parseCount, parseSeed } from './options.js';
import { openOption, reportOption } from './report-options.js';
import { queueOption } from './queue-option.js';

/** The shared options, in the order help lists them. */
export const SHARED_OPTIONS = ['set', 'seed', 'jobs', 'json', 'quiet', 'ui', 'out', 'force', 'report', 'open', 'queue'] as const;
export type SharedOption = (typeof SHARED_OPTIONS)[number];

/** The commands that run scenarios: each takes every shared option it does not leave out. */
export const SCENARIO_COMMANDS = ['run', 'compare', 'sweep', 'check', 'calibrate', 'sensitivity', 'uncertainty'] as const;

const DEFINITIONS: Record<SharedOption, (help: string | undefined) => Option> = {
  set: (help) => new Option('--set <path=value>', help ?? 'override a field after loading (repeatable)').argParser(collect).default([]),
  seed: (help) => new Option('--seed <n>', help ?? "root seed the replicate seeds derive from (default: the scenario's own)").argParser(parseSeed),
  jobs: (help) => new Option('--jobs <n>', help ?? 'replicates run at once, on worker threads (default: one per core)').argParser(parseCount),
  json: (help) => new Option('--json', help ?? 'print the result as JSON on stdout and nothing else there'),
  quiet: (help) => new Option('-q, --quiet', help ?? 'no progress on stderr'),
  ui: (help) => new Option('--no-ui', help ?? 'plain progress lines on stderr, even on a terminal'),
  out: (help) => new Option('--out <dir>', help ?? 'run directory (default: runs/<scenario>-<seed>-<time>)'),
  force: (help) => new Option('--force', help ?? 'run even when the estimated work is over the limits, and replace the run already in --out'),
  report: (help) => (help === undefined ? reportOption() : new Option('--report', help)),
  open: (help) => (help === undefined ? openOption() : new Option('--open', help)),
  queue: (help) => (help === undefined ? queueOption() : new Option('--queue [url]', help)),
};

export interface SharedOptionChoices {
  /** The command's own words for an option (the flag and parser stay the shared ones). */
  readonly help?: Partial<Record<SharedOption, string>>;
  /** What --out names, when not a run directory (calibrate writes one file). */
  readonly outIs?: 'file';
  /** Options this command does not take, each with the reason (shown nowhere; read by the test and the next engineer). */
  readonly leaveOut?: Partial<Record<SharedOption, string>>;
}

/** What each command left out and why, by command name (for the test). */
export const LEFT_OUT = new Map<string, Partial<Record<SharedOption, string>>>();

/** Adds the shared options (after the command's own, in SHARED_OPTIONS order). */
export function withSharedOptions(command: Command, choices: SharedOptionChoices = {}): Command {
  LEFT_OUT.set(command.name(), choices.leaveOut ?? {});
  for (const name of SHARED_OPTIONS) {
    if (choices.leaveOut?.[name] !== undefined) continue;
    const option = DEFINITIONS[name](choices.help?.[name]);
    command.addOption(name === 'out' && choices.outIs === 'file' ? new Option('--out <file>', option.description) : option);
  }
  return command;
}
