/** `livesim metrics`: the data dictionary, every metric and column with its unit and meaning. */
import { Command } from 'commander';
import { METRICS, PATTERN_COLUMNS } from '../../experiment/data-dictionary.js';
import { jsonText } from '../../experiment/run-store.js';
import { formatTable } from '../table.js';
import { detectTerminal } from '../terminal.js';

export function metricsCommand(): Command {
  return new Command('metrics')
    .description('the data dictionary: every metric of summary.json and column of the CSVs, with unit and meaning')
    .option('--json', 'print the dictionary as JSON on stdout')
    .addHelpText('after', '\nExamples:\n  $ livesim metrics\n  $ livesim metrics --json | jq .farmerRevenue\n')
    .action((options: { json?: boolean }, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      if (options.json) {
        terminal.out(jsonText({ ...METRICS, ...Object.fromEntries(PATTERN_COLUMNS.map((column) => [column.pattern, column.entry])) }));
        return;
      }
      const rows = [...Object.entries(METRICS), ...PATTERN_COLUMNS.map((column) => [column.pattern, column.entry] as const)].map(([name, entry]) => [name, entry.unit, entry.kind, entry.meaning]);
      const width = terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY;
      const [head, ...lines] = formatTable(['name', 'unit', 'kind', 'meaning'], rows, { width, shrink: 3 });
      terminal.out(`${terminal.outStyle.bold(head!)}\n${lines.join('\n')}\n`);
    });
}
