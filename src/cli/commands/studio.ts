/** `livesim studio`: change a parameter, watch the paired answer settle. */
import path from 'node:path';
import { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { writeNewFile } from '../../files/safe-write.js';
import { displayPath } from '../../paths.js';
import { loadScenarioText, scenarioVariants } from '../../scenario/load.js';
import { DEFAULT_PRESET } from '../../scenario/presets.js';
import { StudioSession } from '../../experiment/studio/studio-session.js';
import { sessionControl, type StudioControl } from '../../ui/studio-control.js';
import { withSharedOptions } from '../shared-options.js';
import { parseCount } from '../options.js';
import { refuseOversized } from '../resource-guard.js';
import { detectTerminal } from '../terminal.js';

const EXAMPLES = `
Examples:
  $ livesim studio                               demo-county
  $ livesim studio weiya-welfare --replicates 12
  $ livesim studio my-county.yaml --seed 42

Select a parameter with the arrows, step it with + and -, or type a value with enter: the
baseline and the tweak run on the same replicate seeds, and each change's paired 95% interval
narrows as pairs finish. p pins the tweak, r resets, h shows the history, s saves the tweak as
a scenario file (livesim compare on it gives the same comparison), e exports the history, ? keys.
`;

export function studioCommand(): Command {
  return withSharedOptions(
    new Command('studio')
      .description('change a parameter and watch the paired answer settle: what reaches the farmers if…?')
      .argument('[scenario]', 'preset name or scenario file', DEFAULT_PRESET)
      .option('--replicates <n>', 'replicate pairs per comparison', parseCount, 8)
      .addHelpText('after', EXAMPLES)
      .action(async (reference: string, options: { replicates: number; seed?: number; jobs?: number }, command: Command) => {
        const terminal = detectTerminal(command.optsWithGlobals());
        // A scenario that does not load is said as run says it, terminal or not. Its files are read
        // and parsed once; each tweak applies its overrides to them (a step answers sooner).
        const variants = scenarioVariants(reference);
        const load = (overrides: readonly string[]) => (overrides.length === 0 ? variants.base : variants.variant(overrides));
        const scenario = variants.base.scenario;
        // A comparison runs both sides' replicates: refused, as run refuses them, when they would not fit.
        refuseOversized([{ loaded: variants.base, runs: 2 * options.replicates }], options);
        // Keys one at a time need a terminal in raw mode; anything else would draw a broken screen.
        if (process.stdin.isTTY !== true || !terminal.stdoutIsTTY) {
          throw new UsageError('livesim studio needs an interactive terminal (keys one at a time)', `for a script, compare a change directly: livesim compare ${reference} ${reference} --set-b <path=value>`);
        }
        const session = new StudioSession(reference, load, { replicates: options.replicates, rootSeed: options.seed ?? scenario.seed, jobs: options.jobs });
        const { mountStudio } = await import('../../ui/mount-studio.js');
        try {
          await mountStudio({ control: controlOf(session), title: `${scenario.name}, ${options.replicates} replicate pairs`, files: { tweak: `${scenario.name}-tweak.yaml`, history: `${scenario.name}-studio-history.csv` }, colorful: terminal.outStyle.enabled });
        } finally {
          session.close();
        }
      }),
    {
      leaveOut: {
        set: 'the studio changes parameters itself; start it on a file of your own for other changes',
        json: 'an interactive screen: s and e write what a machine reads',
        quiet: 'an interactive screen',
        ui: 'an interactive screen',
        out: 'it writes only the files s and e name',
        force: 'it never replaces a file: s and e ask for another name',
        report: 'its comparisons are compare’s: livesim compare on the saved file --report',
        open: 'no report of its own',
        queue: "replicates run on this machine's worker pool, where a change cancels them at once",
      },
    },
  );
}

/** The session, with the two things it asks of the file system: writing the tweak and the history, never over a file. */
function controlOf(session: StudioSession): StudioControl {
  const taken = (file: string) => `${displayPath(file)} exists: press the key again and type another name`;
  return sessionControl(session, {
    save(file) {
      if (!/\.ya?ml$/i.test(file)) return `${file}: a scenario file ends in .yaml`;
      const text = session.savedText(file);
      // It must load as written, from where it will be, before it is written.
      loadScenarioText(text, { cwd: path.dirname(path.resolve(file)), label: file });
      if (!writeNewFile(file, text)) return taken(file);
      return `saved the tweak to ${displayPath(file)}; the same comparison: ${session.compareCommand(displayPath(file))}`;
    },
    exportHistory: (file) => (writeNewFile(file, session.historyCsv()) ? `wrote the history to ${displayPath(file)}` : taken(file)),
  });
}
