/** `livesim check`: do the presets reproduce the article's figures? */
import { Command } from 'commander';
import { withSharedOptions } from '../shared-options.js';
import { EXIT } from '../../errors.js';
import type { CheckReport } from '../../experiment/evidence/check.js';
import { checkFiles, planCheck, runChecks } from '../../experiment/evidence/check-run.js';
import { FIGURE_SECTIONS, describeExpected, sectionOf, sectionTally, verdictWord } from '../../experiment/evidence/check-figures.js';
import type { TargetVerdict } from '../../experiment/evidence/targets.js';
import { jsonText } from '../../experiment/run/run-layout.js';
import type { ReportOptions } from '../report-options.js';
import { RunOutput } from '../run-output.js';
import { refuseOversized } from '../resource-guard.js';
import { fitLine, formatTable } from '../table.js';
import { formatQuantity, formatSeconds, formatSignedPercent } from '../../format.js';
import { parseCount } from '../options.js';
import type { StopControl } from '../stop-control.js';
import { withBatchProgress } from '../batch-progress.js';
import type { Style } from '../style.js';
import { detectTerminal } from '../terminal.js';
import { setExitCode } from '../command-io.js';
import { withQueueIfAsked, type QueueOptions } from '../queue-option.js';

const EXAMPLES = `
Examples:
  $ livesim check --all                       every preset with targets, each with its own replicates
  $ livesim check weiya-welfare --replicates 3
  $ livesim check weiya-welfare --set behaviour.purchaseRate=0.001   does the target hold off the fit?
  $ livesim check my-county.yaml --seed 7 --json
  $ livesim check --all --report              and a page of charts: runs/check-<seed>-<time>/report.html
`;

interface CheckOptions extends ReportOptions, QueueOptions {
  readonly all?: boolean;
  readonly out?: string;
  readonly force?: boolean;
  readonly replicates?: number;
  readonly set: string[];
  readonly jobs?: number;
  readonly seed?: number;
  readonly json?: boolean;
  readonly quiet?: boolean;
  /** False for --no-ui. */
  readonly ui: boolean;
}

export function checkCommand(): Command {
  return withSharedOptions(
    new Command('check')
    .description("run scenarios' replicates; a target passes when the 95% interval of its mean lies inside its tolerance; validation figures are reported apart")
    .argument('[scenarios...]', 'preset names or scenario files')
    .option('--all', 'every preset that has targets')
    .option('--replicates <n>', "replicates per scenario (default: the scenario's calibration.replicates, 10 unless it says)", parseCount)
    .addHelpText('after', EXAMPLES)
    .action(async (references: string[], options: CheckOptions, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      // Redis (with --queue) must answer before anything is claimed or run.
      await withQueueIfAsked(options, terminal, async (remote) => {
        const plan = planCheck({ references, ...options });
        for (const name of plan.withoutTargets) terminal.err(`${name}: no targets to check\n`);
        refuseOversized(plan.work, options);
        const createdAt = new Date();
        const output = RunOutput.claimIfAsked(options, 'check', plan.rootSeed, createdAt, terminal);
        const started = performance.now();
        let control: StopControl | undefined;
        const outcome = await runChecks(plan, {
          jobs: options.jobs,
          remote,
          each: async (name, planned, check) => {
            const display = { title: `check ${name}`, quiet: options.quiet, ui: options.ui, json: options.json };
            const checked = await withBatchProgress(terminal, display, (signal, progress) => check(signal, (done) => progress(done, planned)));
            control = checked.control;
            return checked.result;
          },
          onReport: (report) => options.json || terminal.out(formatReport(report, terminal.outStyle, terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY)),
        });
        if (output !== undefined) {
          await output.write(checkFiles(plan, outcome, { createdAt, wallSeconds: (performance.now() - started) / 1000, remote }), terminal);
          terminal.err(`results in ${output.shown}\n`);
        }
        if (options.json) terminal.out(jsonText(output === undefined ? outcome.result : { ...outcome.result, runDirectory: output.shown }));
        else {
          const tally = checkTally(outcome.verdicts, outcome.validation);
          terminal.out(outcome.pass ? terminal.outStyle.green(`${tally}\n`) : terminal.outStyle.red(`${tally}${outcome.complete ? '' : ' (stopped early)'}\n`));
        }
        setExitCode(!outcome.complete ? (control?.exitCode ?? EXIT.ok) : outcome.pass ? EXIT.ok : EXIT.failure);
      });
    }),
    {
      help: {
        set: 'override a field in every scenario checked (repeatable)',
        seed: "root seed the replicate seeds derive from (default: each scenario's own)",
        out: 'also write the results into a run directory (default with --report: runs/check-<seed>-<time>)',
      },
    },
  );
}

/** The last line of a check: targets that pass, by standing, and validation within, counting independent figures only. */
export function checkTally(verdicts: readonly TargetVerdict[], validation: readonly TargetVerdict[]): string {
  const { reproduced, 'fitted-exactly': exact, input } = sectionTally(verdicts);
  const { validation: independent, 'validation-dependent': dependent } = sectionTally(validation);
  return (
    `${reproduced.pass}/${reproduced.total} reproduced targets pass` +
    (exact.total > 0 ? `, fitted exactly ${exact.pass}/${exact.total} (not evidence)` : '') +
    (input.total > 0 ? `, inputs ${input.pass}/${input.total} as set` : '') +
    (validation.length > 0 ? `; validation ${independent.pass}/${independent.total} independent figures within tolerance` : '') +
    (dependent.total > 0 ? ` (${dependent.pass}/${dependent.total} more not independent)` : '')
  );
}

/** A check's table, cut to `width` on a terminal: the measures column shrunk, then the error and measures columns left out. */
export function formatReport(report: CheckReport, style: Style, width = Number.POSITIVE_INFINITY): string {
  const sections = FIGURE_SECTIONS.map((section) => ({ section, members: [...report.verdicts, ...report.validation].filter((verdict) => sectionOf(verdict) === section.id) })).filter(
    ({ members }) => members.length > 0,
  );
  const rowOf = (verdict: TargetVerdict) => [
    verdict.target,
    `${verdict.metric} ${verdict.measures}`,
    describeExpected(verdict),
    `${formatQuantity(verdict.simulated.mean)} [${formatQuantity(verdict.simulated.ci95[0])}, ${formatQuantity(verdict.simulated.ci95[1])}]`,
    verdict.relativeError === 0 ? '0.0%' : formatSignedPercent(verdict.relativeError),
    verdict.pass ? style.green(verdictWord(verdict)) : verdict.kind === 'validation' ? style.yellow(verdictWord(verdict)) : style.red(verdictWord(verdict)),
  ];
  const header = ['figure', 'measures', 'expected', 'simulated mean [95% CI]', 'error', ''];
  const [head, ...rows] = formatTable(
    header,
    sections.flatMap(({ members }) => members.map(rowOf)),
    { width, indent: '  ', shrink: 1, optional: [4, 1] },
  );
  const title = `${style.bold(report.scenario)}  ${report.replicates} replicates from seed ${report.rootSeed}, ${formatSeconds(report.secondsPerReplicate)} each`;
  const lines = [...fitLine(title, width), head!];
  let next = 0;
  for (const { section, members } of sections) {
    lines.push(style.dim(`  ${section.title}`), ...rows.slice(next, next + members.length));
    next += members.length;
  }
  return [...lines, ''].join('\n') + '\n';
}

