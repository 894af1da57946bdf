/** `livesim compare`: what changes from A to B, replicate by replicate with common random numbers. */
import { Command, Option } from 'commander';
import { withSharedOptions } from '../shared-options.js';
import { UsageError } from '../../errors.js';
import { isRunDirectory, readStoredBatch, runWithSeeds, storedBatchManifest, type StoredBatch } from '../../experiment/batch-sides.js';
import { HEADLINE_METRICS } from '../../experiment/batch-statistics.js';
import { GAIN_METRICS } from '../../model/metric-catalogue.js';
import { SIDE_FILES, comparePaired, comparisonSummary, type SideIdentity } from '../../experiment/compare.js';
import { comparisonCsv, comparisonForest, formatComparison, formatSingleComparison, singleComparisonCsv } from './compare-output.js';
import { changedFields, explainNoEffect } from '../../experiment/no-effect.js';
import { fitLine } from '../table.js';
import { SINGLE_RUNS_HINT, SINGLE_RUNS_NOTE, compareSingleRuns, readSingleRun, type SingleRunSide } from '../../experiment/compare-single.js';
import { listRuns, type StoredRun } from '../../experiment/run-index.js';
import { RUNS_ROOT, runDirectoryOf } from '../../experiment/run-reference.js';
import { readManifest } from '../../experiment/manifest.js';
import type { Terminal } from '../terminal.js';
import { manifestText } from '../../experiment/manifest.js';
import type { RemoteRunner } from '../../experiment/worker-pool.js';
import { MANIFEST, jsonText } from '../../experiment/run-layout.js';
import { replicatesTimeseriesCsv } from '../../experiment/replicate-timeseries.js';
import type { ReportOptions } from '../report-options.js';
import { RunOutput } from '../run-output.js';
import { eachWith, refuseOversized } from '../resource-guard.js';
import { replicateSeeds } from '../../experiment/replicates.js';
import { loadScenario, type LoadedScenario } from '../../scenario/load.js';
import { withBatchProgress } from '../batch-progress.js';
import { collect, parseCount } from '../options.js';
import { detectTerminal } from '../terminal.js';
import { withQueueIfAsked, type QueueOptions } from '../queue-option.js';

interface CompareOptions extends ReportOptions, QueueOptions {
  readonly replicates: number;
  readonly seed?: number;
  readonly jobs?: number;
  readonly metric: string[];
  readonly set: string[];
  readonly setA: string[];
  readonly setB: string[];
  readonly json?: boolean;
  readonly format: 'table' | 'markdown' | 'csv';
  readonly quiet?: boolean;
  readonly ui: boolean;
  readonly out?: string;
  readonly force?: boolean;
}

const EXAMPLES = `
Examples:
  $ livesim compare demo-county my-county.yaml --replicates 20
  $ livesim compare demo-county demo-county --set-b anchors.guest-star.commission.welfareRate=0
  $ livesim compare runs/a-1-20261129-101500 runs/b-1-20261129-102000   two stored batches (run --replicates)
  $ livesim compare demo-county my-county.yaml --metric farmerRevenue --metric gmv --format markdown
  $ livesim compare demo-county demo-county --set-b products.navel-orange.price=30 --report

A and B are presets, scenario files, or run directories made by run --replicates. Scenarios run
with the same replicate seeds (common random numbers); stored batches pair by seed.
`;

type Side = { readonly label: string; readonly loaded?: LoadedScenario; readonly stored?: StoredBatch };

export function compareCommand(): Command {
  return withSharedOptions(
    new Command('compare')
    .description('compare two scenarios (or stored batches) metric by metric, with paired 95% intervals')
    .argument('<a>', 'preset, scenario file or run directory (A, the baseline)')
    .argument('<b>', 'preset, scenario file or run directory (B, the change)')
    .option('--replicates <n>', 'replicates per scenario', parseCount, 10)
    .option('--metric <name>', 'compare this metric (repeatable; default: the headline metrics and every metric that changed)', collect, [])
    .option('--set-a <path=value>', 'override a field in A only (repeatable)', collect, [])
    .option('--set-b <path=value>', 'override a field in B only (repeatable)', collect, [])
    .addOption(new Option('--format <format>', 'how to print the comparison').choices(['table', 'markdown', 'csv']).default('table'))
    .addHelpText('after', EXAMPLES)
    .action(async (a: string, b: string, options: CompareOptions, command: Command) => {
      const terminal = detectTerminal(command.optsWithGlobals());
      // Redis (with --queue) must answer before anything is claimed or run.
      await withQueueIfAsked(options, terminal, async (remote) => {
        // A side may name a stored run by its path, its id or a handle (@latest, @2).
        let stored: readonly StoredRun[] | undefined;
        const storedRuns = () => (stored ??= listRuns(RUNS_ROOT).runs);
        const [dirA, dirB] = [runDirectoryOf(a, storedRuns), runDirectoryOf(b, storedRuns)];
        if (isSingleRun(dirA) || isSingleRun(dirB)) {
          compareSingles(a, dirA, b, dirB, options, terminal);
          return;
        }
        const side = (reference: string, extra: string[], label: string) => {
          const directory = runDirectoryOf(reference, storedRuns);
          return directory !== undefined && isRunDirectory(directory)
            ? { label: `${label} (stored: ${directory})`, storedAt: directory, seeds: storedBatchManifest(directory).seeds }
            : { label, loaded: loadScenario(reference, { overrides: [...options.set, ...extra] }) };
        };
        const [openA, openB] = [side(a, options.setA, describe(a, options.setA)), side(b, options.setB, describe(b, options.setB))];

        // Seeds: those of a stored batch, or derived from the root seed.
        const storedSeeds = openA.seeds ?? openB.seeds;
        const rootSeed = options.seed ?? openA.loaded?.scenario.seed ?? openB.loaded?.scenario.seed ?? 1;
        const seeds = storedSeeds ? [...storedSeeds] : replicateSeeds(rootSeed, options.replicates);
        const toRun = [openA, openB].flatMap((candidate) => (candidate.loaded === undefined ? [] : [candidate.loaded]));
        // From the manifests' seeds, before a stored batch's rows are read.
        refuseOversized(eachWith(toRun, seeds.length), options);
        const read = (opened: typeof openA): Side => (opened.storedAt === undefined ? { label: opened.label, loaded: opened.loaded! } : { label: opened.label, stored: readStoredBatch(opened.storedAt) });
        const [sideA, sideB] = [read(openA), read(openB)];
        const seedsOfA = new Set(seeds);
        if (sideA.stored && sideB.stored && !sideB.stored.rows.some((row) => seedsOfA.has(Number(row.keys.seed)))) {
          throw new UsageError(`${a} and ${b} were run with different seeds: compare pairs replicates by seed`, 'run both batches with the same --seed, or compare the scenarios themselves');
        }

        const createdAt = new Date();
        const output = RunOutput.claimIfAsked(options, `compare-${nameOf(sideA)}-${nameOf(sideB)}`, rootSeed, createdAt, terminal);

        const started = performance.now();
        const title = `compare: ${toRun.length === 2 ? 'A and B' : 'the scenario side'}, ${seeds.length} seeds each`;
        const { result: ran, control } = await withBatchProgress(terminal, { ...options, title, quiet: options.quiet || toRun.length === 0 }, (signal, progress) =>
          runWithSeeds(toRun, seeds, { keep: { months: true }, jobs: options.jobs, remote, signal, onProgress: progress }),
        );
        const rowsOf = (candidate: Side) => candidate.stored?.rows ?? ran.rows[toRun.indexOf(candidate.loaded!)]!;
        const rowsA = rowsOf(sideA);
        const rowsB = rowsOf(sideB);
        for (const name of options.metric) {
          if (rowsA[0] && !(name in rowsA[0].metrics)) throw new UsageError(`no metric \`${name}\``, `metrics: ${Object.keys(rowsA[0].metrics).join(', ')}`);
        }
        const names = options.metric.length > 0 ? options.metric : Object.keys(rowsA[0]?.metrics ?? {});
        const comparison = comparePaired(rowsA, rowsB, names);
        // By default: the headline metrics, and every metric that changed in any replicate.
        // The farmers' gain and its parts first, then by significance.
        const shown =
          options.metric.length > 0
            ? comparison.metrics
            : farmersFirst(comparison.metrics.filter((metric) => (HEADLINE_METRICS as readonly string[]).includes(metric.name) || metric.delta.sd > 0 || metric.delta.mean !== 0));

        const result = comparisonSummary(identify(sideA), identify(sideB), comparison, shown, ran.complete);
        if (output !== undefined) {
          const monthsOf = (candidate: Side) => candidate.stored?.monthsCsv ?? replicatesTimeseriesCsv(ran.months[toRun.indexOf(candidate.loaded!)] ?? []);
          await output.write(
            {
              'summary.json': jsonText(result),
              'comparison.csv': comparisonCsv(shown),
              [SIDE_FILES.a]: monthsOf(sideA),
              [SIDE_FILES.b]: monthsOf(sideB),
              [MANIFEST]: compareManifest(sideA, sideB, { rootSeed, seeds: comparison.seeds, complete: ran.complete, createdAt, wallSeconds: (performance.now() - started) / 1000, options, remote }, result),
            },
            terminal,
          );
          terminal.err(`results in ${output.shown}\n`);
        }
        if (comparison.replicates === 0) {
          terminal.err('stopped before any replicate finished: nothing to compare\n');
        } else if (options.json) {
          terminal.out(jsonText(output === undefined ? result : { ...result, runDirectory: output.shown }));
        } else if (options.format === 'csv') {
          terminal.out(comparisonCsv(shown));
        } else {
          const both = options.set.length > 0 ? `both: ${options.set.map((override) => `--set ${override}`).join(' ')}\n` : '';
          terminal.out(both + formatComparison(sideA.label, sideB.label, { ...comparison, metrics: shown }, options.format, terminal.outStyle, terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY));
          // On a terminal, the changes drawn: which clear zero, and how far.
          if (terminal.stdoutIsTTY && options.format === 'table') terminal.out(`\n${comparisonForest(shown, terminal.outStyle, terminal.columns).join('\n')}\n`);
          const why = noEffectReading(sideA, sideB, comparison.metrics);
          if (why.length > 0) terminal.out(`\n${why.map((line) => fitLine(line, terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY, '    ').join('\n')).join('\n')}\n`);
        }
        if (!ran.complete) {
          if (comparison.replicates > 0) terminal.err('stopped early: the comparison above uses the replicates that finished\n');
          process.exitCode = control.exitCode;
        }
      });
    }),
    {
      help: {
        set: 'override a field in both scenarios (repeatable)',
        seed: "root seed of the replicate seeds (default: A's scenario seed)",
        out: 'also write the comparison into a run directory (default with --report: runs/compare-<a>-<b>-<seed>-<time>)',
      },
    },
  );
}

/** When no metric moved in any replicate: why, where the two scenarios' structure shows it. */
function noEffectReading(sideA: Side, sideB: Side, metrics: readonly { readonly delta: { readonly mean: number; readonly sd: number } }[]): string[] {
  if (sideA.loaded === undefined || sideB.loaded === undefined || metrics.some((metric) => metric.delta.mean !== 0 || metric.delta.sd !== 0)) return [];
  const [a, b] = [sideA.loaded.scenario, sideB.loaded.scenario];
  if (changedFields({ ...a, name: '' }, { ...b, name: '' }).length === 0) return ['No metric changed: A and B are the same scenario.'];
  const reasons = explainNoEffect(a, b);
  if (reasons.length === 0) return ['No metric changed in any replicate: what B changes reaches no sale in this scenario.'];
  return ['No metric changed in any replicate, because:', ...reasons.map((reason) => `  - ${reason}`)];
}

const isSingleRun = (directory: string | undefined) => directory !== undefined && isRunDirectory(directory) && readManifest(directory).kind === 'run';

/** Two single runs: their difference, said to have no interval, and how to get one. A single run against anything else is refused. */
function compareSingles(a: string, dirA: string | undefined, b: string, dirB: string | undefined, options: CompareOptions, terminal: Terminal): void {
  for (const [reference, directory] of [
    [a, dirA],
    [b, dirB],
  ] as const) {
    if (!isSingleRun(directory)) throw new UsageError(`${reference} is not a single run, and a single run can only be compared with another`, SINGLE_RUNS_HINT);
  }
  if (options.setA.length + options.setB.length + options.set.length > 0) throw new UsageError('--set, --set-a and --set-b change scenarios: stored runs are compared as they are', SINGLE_RUNS_HINT);
  if (options.out !== undefined || options.report || options.open) throw new UsageError('two single runs are compared on the terminal only: --out, --report and --open write a comparison of replicates', SINGLE_RUNS_HINT);
  const [sideA, sideB] = [readSingleRun(dirA!), readSingleRun(dirB!)];
  for (const name of options.metric) {
    if (!Object.hasOwn(sideA.metrics, name)) throw new UsageError(`no metric \`${name}\``, `metrics: ${Object.keys(sideA.metrics).join(', ')}`);
  }
  const all = compareSingleRuns(sideA, sideB, options.metric.length > 0 ? options.metric : undefined);
  const shown = options.metric.length > 0 ? all : farmersFirst(all.filter((metric) => (HEADLINE_METRICS as readonly string[]).includes(metric.name) || metric.delta !== 0));
  const overrides = (side: SingleRunSide) => readManifest(side.directory).sources.overrides.map((override) => ` --set ${override}`).join('');
  const label = (side: SingleRunSide) => `${side.scenario}${overrides(side)}, seed ${side.seed}${side.span ? `, ${side.span}` : ''} (stored: ${side.directory})`;
  if (options.json) {
    terminal.out(jsonText({ kind: 'single-runs', note: SINGLE_RUNS_NOTE, a: { directory: sideA.directory, scenario: sideA.scenario, seed: sideA.seed }, b: { directory: sideB.directory, scenario: sideB.scenario, seed: sideB.seed }, metrics: shown }));
    return;
  }
  if (options.format === 'csv') {
    terminal.out(singleComparisonCsv(shown));
    return;
  }
  terminal.out(formatSingleComparison(label(sideA), label(sideB), shown, options.format, terminal.stdoutIsTTY ? terminal.columns : Number.POSITIVE_INFINITY));
  if (sideA.span !== sideB.span) terminal.err('note: the two runs cover different periods, so their totals differ for that reason too\n');
  terminal.err(`${SINGLE_RUNS_HINT}\n`);
}

const nameOf = (side: Side) => side.loaded?.scenario.name ?? side.stored!.scenario;

/** A comparison's manifest: B's scenario as the one run, both sides' scenarios resolved. */
function compareManifest(
  sideA: Side,
  sideB: Side,
  run: { rootSeed: number; seeds: readonly number[]; complete: boolean; createdAt: Date; wallSeconds: number; options: CompareOptions; remote: RemoteRunner | undefined },
  result: { metrics: readonly { name: string; b: { mean: number } }[] },
): string {
  const mean = (name: string) => result.metrics.find((metric) => metric.name === name)?.b.mean ?? 0;
  const overrides = [...run.options.set, ...run.options.setA.map((override) => `A: ${override}`), ...run.options.setB.map((override) => `B: ${override}`)];
  return manifestText({
    kind: 'compare',
    complete: run.complete,
    scenario: `${nameOf(sideA)} vs ${nameOf(sideB)}`,
    scenarioHash: identify(sideB).scenarioHash,
    seed: run.rootSeed,
    replicates: run.seeds.length,
    seeds: [...run.seeds],
    sources: { files: [...(sideA.loaded?.files ?? [sideA.stored!.directory]), ...(sideB.loaded?.files ?? [sideB.stored!.directory])], overrides },
    createdAt: run.createdAt,
    wallSeconds: run.wallSeconds,
    headline: { gmv: mean('gmv'), farmerRevenue: mean('farmerRevenue') },
    files: [MANIFEST, 'summary.json', 'comparison.csv', SIDE_FILES.a, SIDE_FILES.b],
    remote: run.remote,
    resolvedScenario: { a: sideA.loaded?.scenario ?? { stored: sideA.stored!.directory }, b: sideB.loaded?.scenario ?? { stored: sideB.stored!.directory } },
  });
}

/** A side as --json names it: its label, scenario and scenario hash. */
function identify(side: Side): SideIdentity {
  return { label: side.label, scenario: side.loaded?.scenario.name ?? side.stored!.scenario, scenarioHash: side.loaded?.hash ?? side.stored!.scenarioHash };
}

function describe(reference: string, overrides: readonly string[]): string {
  return overrides.length === 0 ? reference : `${reference} ${overrides.map((override) => `with ${override}`).join(', ')}`;
}

/** The gain and its parts in their catalogue order, then the rest as they came. */
function farmersFirst<Metric extends { readonly name: string }>(metrics: readonly Metric[]): Metric[] {
  const rank = (metric: Metric) => {
    const index = (GAIN_METRICS as readonly string[]).indexOf(metric.name);
    return index === -1 ? GAIN_METRICS.length : index;
  };
  return metrics.map((metric, index) => ({ metric, index })).sort((x, y) => rank(x.metric) - rank(y.metric) || x.index - y.index).map(({ metric }) => metric);
}
