/** `livesim calibrate`: fit a scenario's free parameters to its targets and write the fitted file. */
import { Command } from 'commander';
import { withSharedOptions } from '../shared-options.js';
import { EXIT } from '../../errors.js';
import { calibrate, type CalibrationResult } from '../../experiment/evidence/calibrate.js';
import { calibrationJson, fitClaims } from '../../experiment/evidence/fit-report.js';
import { jsonText } from '../../experiment/run/run-layout.js';
import { fittedFileText, setUpCalibration } from '../../experiment/evidence/calibration-setup.js';
import { checkWritableTarget, writeFileSafely } from '../../files/safe-write.js';
import { displayPath } from '../../paths.js';
import { formatQuantity, formatSignedPercent } from '../../format.js';
import { parseCount } from '../options.js';
import { holdSignalsWhile, keepWhatIsComputed } from '../stop-control.js';
import { refuseOversized } from '../resource-guard.js';
import type { Style } from '../style.js';
import { detectTerminal } from '../terminal.js';
import { setExitCode } from '../command-io.js';
import { withQueueIfAsked, type QueueOptions } from '../queue-option.js';

const EXAMPLES = `
Examples:
  $ livesim calibrate weiya-welfare                       writes weiya-welfare.fitted.yaml here
  $ livesim calibrate my-county.yaml --budget 60 --replicates 6 --out my-county.yaml
`;

interface CalibrateOptions extends QueueOptions {
  readonly replicates: number;
  readonly budget: number;
  readonly seed?: number;
  readonly out?: string;
  readonly set: string[];
  readonly force?: boolean;
  readonly jobs?: number;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

export function calibrateCommand(): Command {
  return withSharedOptions(
    new Command('calibrate')
    .description('fit the parameters a scenario marks as free to its targets (Nelder-Mead, common random numbers)')
    .argument('<scenario>', 'preset name or scenario file with `targets` and `calibration.free`')
    .option('--replicates <n>', 'replicates per candidate', parseCount, 4)
    .option('--budget <k>', 'most candidate parameter sets to evaluate', parseCount, 40)
    .addHelpText('after', EXAMPLES)
    .action(async (reference: string, options: CalibrateOptions, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      // Redis (with --queue) must answer before anything is claimed or run.
      await withQueueIfAsked(options, terminal, async (remote) => {
        const setup = setUpCalibration(reference, options);
        const { loaded, variant, out } = setup;
        const { scenario } = loaded;
        // Where the fit goes is checked before the fit: a directory, a FIFO or a missing folder costs nothing.
        checkWritableTarget(out);
        // Every candidate and the sensitivities at the fit run the same replicates.
        refuseOversized([{ loaded, runs: (options.budget + scenario.calibration.free.length + 1) * options.replicates }], options);
        const control = keepWhatIsComputed();
        const stopListening = control.onStop(() => terminal.err('stopping: writing the best fit so far (Ctrl+C again to quit at once)\n'));
        let result: CalibrationResult;
        try {
          result = await calibrate(loaded, variant, {
            replicates: options.replicates,
            budget: options.budget,
            rootSeed: options.seed ?? scenario.seed,
            signal: control.signal,
            remote,
            jobs: options.jobs,
            onEvaluation: (evaluation, objective, best) =>
              options.quiet ||
              terminal.err(`calibrate ${scenario.name}: evaluation ${evaluation}/${options.budget}  objective ${objective.toPrecision(4)}  best ${best.toPrecision(4)}\n`),
          });
        } finally {
          stopListening();
        }
        holdSignalsWhile(
          () => writeFileSafely(out, fittedFileText(setup, result)),
          () => terminal.err('stopping once the fitted scenario is written\n'),
        );
        if (options.json) terminal.out(jsonText({ ...calibrationJson(result), fittedScenario: displayPath(out) }));
        else {
          terminal.out(formatCalibration(result, terminal.outStyle));
          terminal.out(`fitted scenario written to ${displayPath(out)}${result.complete ? '' : ' (stopped early: the best fit so far)'}\n`);
        }
        setExitCode(result.complete ? EXIT.ok : control.exitCode);
      });
    }),
    {
      help: {
        set: 'override a field first (repeatable)',
        seed: "root seed of the replicates (default: the scenario's own)",
        out: 'the file to write the fitted scenario to (default: <name>.fitted.yaml here)',
        force: 'run even when the estimated work is over the limits',
      },
      outIs: 'file',
      leaveOut: {
        ui: 'its progress is a line per evaluation: there is no live view to turn off',
        report: 'calibrate writes a scenario file, not a run directory',
        open: 'calibrate writes a scenario file, not a run directory',
      },
    },
  );
}

export function formatCalibration(result: CalibrationResult, style: Style): string {
  const lines = [
    style.bold(`fit after ${result.evaluations} evaluations of ${result.replicates} replicates (root seed ${result.rootSeed})`),
    style.dim('  --budget caps the candidates tried; a candidate seen before is answered from memory and not counted'),
    '',
  ];
  const width = Math.max(9, ...result.parameters.map((parameter) => parameter.path.length));
  lines.push(`  ${'parameter'.padEnd(width)}    before     after   bounds`);
  for (const parameter of result.parameters) {
    lines.push(`  ${parameter.path.padEnd(width)}  ${String(parameter.before).padStart(8)}  ${String(parameter.after).padStart(8)}   ${parameter.min} - ${parameter.max}`);
  }
  lines.push('', '  target                      before                after');
  result.before.verdicts.forEach((before, index) => {
    const after = result.after.verdicts[index]!;
    const cell = (verdict: typeof before) =>
      `${formatQuantity(verdict.simulated.mean)} ${formatSignedPercent(verdict.relativeError)} ${verdict.pass ? style.green('pass') : style.red('FAIL')}`;
    lines.push(`  ${before.target.padEnd(26)}  ${cell(before).padEnd(20)}  ${cell(after)}`);
  });
  lines.push('', `  objective ${result.before.objective.toPrecision(4)} -> ${result.after.objective.toPrecision(4)}`, '');
  lines.push('  what the fit can claim (moves: change in tolerances when a parameter moves a tenth of its bounds)');
  for (const claim of fitClaims(result)) lines.push(claim.warning ? style.yellow(`    ${claim.text}`) : `    ${claim.text}`);
  lines.push('');
  return `${lines.join('\n')}\n`;
}
