/** `livesim metrics`: the data dictionary, every metric and column with its unit and meaning. */
import { Command } from 'commander';
import { COLUMNS, METRICS, PATTERN_COLUMNS, type MetricEntry } from '../../experiment/data-dictionary.js';
import { jsonText } from '../../experiment/run/run-layout.js';
import { fitLine, formatTable } from '../table.js';
import type { Style } from '../style.js';
import { detectTerminal } from '../terminal.js';

const SECTIONS: readonly { readonly title: string; readonly rows: () => readonly (readonly [string, MetricEntry, string?])[] }[] = [
  { title: 'Metrics: summary.json, timeseries.csv, replicates.csv, sweep.csv and the designs', rows: () => Object.entries(METRICS) },
  { title: 'Other columns', rows: () => Object.entries(COLUMNS).map(([name, entry]) => [name, entry, entry.files] as const) },
  { title: 'Columns named by pattern', rows: () => PATTERN_COLUMNS.map((column) => [column.pattern, column.entry] as const) },
];

export function metricsCommand(): Command {
  return new Command('metrics')
    .description('the data dictionary: every metric of summary.json and column of the CSVs, with unit and meaning')
    .option('--json', 'print the dictionary as JSON on stdout')
    .addHelpText('after', '\nExamples:\n  $ livesim metrics\n  $ livesim metrics --json | jq .farmerRevenue\n')
    .action((options: { json?: boolean }, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      if (options.json) {
        terminal.out(jsonText(Object.fromEntries(SECTIONS.flatMap((section) => section.rows().map(([name, entry]) => [name, entry])))));
        return;
      }
      terminal.out(formatDictionary(terminal.outStyle, terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY));
    });
}

/** The dictionary as tables whose meanings wrap to the width (never cut). */
export function formatDictionary(style: Style, width: number): string {
  const blocks = SECTIONS.map((section) => {
    const rows = section.rows().map(([name, entry, files]) => [name, entry.unit, entry.kind, files ? `${entry.meaning} [${files}]` : entry.meaning]);
    const [head, ...lines] = formatTable(['name', 'unit', 'kind', 'meaning'], rows, { width, shrink: 3, wrap: true, detail: 3 });
    return `${fitLine(style.bold(section.title), width).join('\n')}\n${head}\n${lines.join('\n')}\n`;
  });
  return blocks.join('\n');
}
