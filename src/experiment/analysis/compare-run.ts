/**
 * `livesim compare` of two sides (scenarios, or batches stored in run directories), as functions
 * the command calls: which sides and seeds (planComparison, before any stored rows are read, so
 * the resource guard sees the work first), the sides read (readSides), the paired comparison and
 * what is shown of it (comparisonOutcome), the files of its run directory (comparisonFiles), and
 * why nothing changed when that is what happened (noEffectReading).
 */
import { UsageError } from '../../errors.js';
import { GAIN_METRICS } from '../../model/observation/metric-catalogue.js';
import { loadScenario, type LoadedScenario } from '../../scenario/load.js';
import { isRunDirectory, readStoredBatch, storedBatchManifest, type StoredBatch } from '../batch/batch-sides.js';
import { HEADLINE_METRICS } from '../batch/batch-statistics.js';
import { SIDE_FILES, comparePaired, comparisonSummary, type Comparison, type MetricComparison, type SideIdentity } from './compare.js';
import { toCsv } from '../batch/csv.js';
import { manifestText } from '../run/manifest.js';
import { changedFields, explainNoEffect } from './no-effect.js';
import type { BatchRow } from '../batch/replicate-rows.js';
import { replicatesTimeseriesCsv, type ReplicateMonths } from '../batch/replicate-timeseries.js';
import { replicateSeeds } from '../batch/replicates.js';
import { MANIFEST, jsonText } from '../run/run-layout.js';
import type { RemoteRunner } from '../batch/worker-pool.js';
import type { PairedSide } from './paired-run.js';

/** A side: a scenario to run, or a batch stored in a run directory. */
export type ComparedSide = { readonly label: string; readonly loaded?: LoadedScenario; readonly stored?: StoredBatch };

export interface ComparisonRequest {
  readonly replicates: number;
  readonly seed?: number | undefined;
  readonly set: readonly string[];
  readonly setA: readonly string[];
  readonly setB: readonly string[];
  /** The metrics asked for (none: the headline and every one that changed). */
  readonly metric: readonly string[];
}

/** A side opened: a scenario loaded, or a stored batch's directory and seeds (its rows not read yet). */
type OpenedSide = { readonly label: string; readonly loaded?: LoadedScenario; readonly storedAt?: string; readonly seeds?: readonly number[] };

export interface ComparisonPlan {
  readonly a: OpenedSide;
  readonly b: OpenedSide;
  /** The seeds both sides use: a stored batch's, or derived from the root seed. */
  readonly seeds: readonly number[];
  readonly rootSeed: number;
  /** The scenarios to run (stored sides are read, not run). */
  readonly toRun: readonly LoadedScenario[];
}

const describe = (reference: string, overrides: readonly string[]) => (overrides.length === 0 ? reference : `${reference} ${overrides.map((override) => `with ${override}`).join(', ')}`);

/** The two sides, `directoryOf` telling a stored run (by path, id or handle) from a scenario. */
export function planComparison(references: { readonly a: string; readonly b: string }, request: ComparisonRequest, directoryOf: (reference: string) => string | undefined): ComparisonPlan {
  const open = (reference: string, extra: readonly string[]): OpenedSide => {
    const label = describe(reference, extra);
    const directory = directoryOf(reference);
    return directory !== undefined && isRunDirectory(directory)
      ? { label: `${label} (stored: ${directory})`, storedAt: directory, seeds: storedBatchManifest(directory).seeds }
      : { label, loaded: loadScenario(reference, { overrides: [...request.set, ...extra] }) };
  };
  const [a, b] = [open(references.a, request.setA), open(references.b, request.setB)];
  const stored = a.seeds ?? b.seeds;
  const rootSeed = request.seed ?? a.loaded?.scenario.seed ?? b.loaded?.scenario.seed ?? 1;
  const toRun = [a, b].flatMap((side) => (side.loaded === undefined ? [] : [side.loaded]));
  return { a, b, seeds: stored ? [...stored] : replicateSeeds(rootSeed, request.replicates), rootSeed, toRun };
}

/** The sides with any stored batch's rows read; two stored batches must share seeds to pair. */
export function readSides(plan: ComparisonPlan, references: { readonly a: string; readonly b: string }): [ComparedSide, ComparedSide] {
  const read = (opened: OpenedSide): ComparedSide => (opened.storedAt === undefined ? { label: opened.label, loaded: opened.loaded! } : { label: opened.label, stored: readStoredBatch(opened.storedAt) });
  const [a, b] = [read(plan.a), read(plan.b)];
  const seeds = new Set(plan.seeds);
  if (a.stored && b.stored && !b.stored.rows.some((row) => seeds.has(Number(row.keys.seed)))) {
    throw new UsageError(`${references.a} and ${references.b} were run with different seeds: compare pairs replicates by seed`, 'run both batches with the same --seed, or compare the scenarios themselves');
  }
  return [a, b];
}

export const sideName = (side: ComparedSide) => side.loaded?.scenario.name ?? side.stored!.scenario;

/** A side as --json names it: its label, scenario and scenario hash. */
const identify = (side: ComparedSide): SideIdentity => ({ label: side.label, scenario: sideName(side), scenarioHash: side.loaded?.hash ?? side.stored!.scenarioHash });

/** The gain and its parts in their catalogue order, then the rest as they came. */
export function farmersFirst<Metric extends { readonly name: string }>(metrics: readonly Metric[]): Metric[] {
  const rank = (metric: Metric) => {
    const index = (GAIN_METRICS as readonly string[]).indexOf(metric.name);
    return index === -1 ? GAIN_METRICS.length : index;
  };
  return metrics.map((metric, index) => ({ metric, index })).sort((x, y) => rank(x.metric) - rank(y.metric) || x.index - y.index).map(({ metric }) => metric);
}

/** What ran (runPaired): each side's rows and months (a stored side's months stay in its directory), in seed order. */
export interface RanSides {
  readonly rows: readonly [readonly BatchRow[], readonly BatchRow[]];
  readonly months: readonly [readonly ReplicateMonths[], readonly ReplicateMonths[]];
  readonly complete: boolean;
}

/** The sides as runPaired takes them: a scenario to run, or a stored batch's rows. */
export function pairedSides(sides: readonly [ComparedSide, ComparedSide]): [PairedSide, PairedSide] {
  const source = (side: ComparedSide): PairedSide => (side.loaded ? { loaded: side.loaded } : { rows: side.stored!.rows });
  return [source(sides[0]), source(sides[1])];
}

export interface ComparisonOutcome {
  readonly comparison: Comparison;
  /** What the table shows: the metrics asked for, or the headline and every one that changed, the farmers' gain first. */
  readonly shown: readonly MetricComparison[];
  /** summary.json, and what --json prints. */
  readonly summary: ReturnType<typeof comparisonSummary>;
}

export function comparisonOutcome(sides: readonly [ComparedSide, ComparedSide], ran: RanSides, metrics: readonly string[]): ComparisonOutcome {
  const [rowsA, rowsB] = ran.rows;
  for (const name of metrics) {
    if (rowsA[0] && !Object.hasOwn(rowsA[0].metrics, name)) throw new UsageError(`no metric \`${name}\``, `metrics: ${Object.keys(rowsA[0].metrics).join(', ')}`);
  }
  const comparison = comparePaired(rowsA, rowsB, metrics.length > 0 ? metrics : Object.keys(rowsA[0]?.metrics ?? {}));
  const shown =
    metrics.length > 0
      ? comparison.metrics
      : farmersFirst(comparison.metrics.filter((metric) => (HEADLINE_METRICS as readonly string[]).includes(metric.name) || metric.delta.sd > 0 || metric.delta.mean !== 0));
  return { comparison, shown, summary: comparisonSummary(identify(sides[0]), identify(sides[1]), comparison, shown, ran.complete) };
}

/** The comparison as CSV, every figure with its paired interval. */
export function comparisonCsv(metrics: readonly MetricComparison[]): string {
  const header = ['metric', 'aMean', 'aLow', 'aHigh', 'bMean', 'bLow', 'bHigh', 'deltaMean', 'deltaLow', 'deltaHigh', 'relative', 'relativeLow', 'relativeHigh', 'significant'];
  return toCsv(
    header,
    metrics.map((metric) => [
      metric.name,
      metric.a.mean,
      metric.a.ci95[0],
      metric.a.ci95[1],
      metric.b.mean,
      metric.b.ci95[0],
      metric.b.ci95[1],
      metric.delta.mean,
      metric.delta.ci95[0],
      metric.delta.ci95[1],
      metric.relative?.mean ?? '',
      metric.relative?.ci95[0] ?? '',
      metric.relative?.ci95[1] ?? '',
      metric.significant,
    ]),
  );
}

/** A comparison's run directory: summary.json, comparison.csv, both sides' months, and the manifest (B's scenario as the one run, both sides' resolved). */
export function comparisonFiles(
  plan: ComparisonPlan,
  sides: readonly [ComparedSide, ComparedSide],
  ran: RanSides,
  outcome: ComparisonOutcome,
  run: { readonly request: ComparisonRequest; readonly createdAt: Date; readonly wallSeconds: number; readonly remote: RemoteRunner | undefined },
): Record<string, string> {
  const [a, b] = sides;
  const monthsOf = (side: ComparedSide, index: 0 | 1) => side.stored?.monthsCsv ?? replicatesTimeseriesCsv(ran.months[index]);
  const mean = (name: string) => outcome.summary.metrics.find((metric) => metric.name === name)?.b.mean ?? 0;
  const { request } = run;
  const overrides = [...request.set, ...request.setA.map((override) => `A: ${override}`), ...request.setB.map((override) => `B: ${override}`)];
  const manifest = manifestText({
    kind: 'compare',
    complete: ran.complete,
    scenario: `${sideName(a)} vs ${sideName(b)}`,
    scenarioHash: identify(b).scenarioHash,
    seed: plan.rootSeed,
    replicates: outcome.comparison.seeds.length,
    seeds: [...outcome.comparison.seeds],
    sources: { files: [...(a.loaded?.files ?? [a.stored!.directory]), ...(b.loaded?.files ?? [b.stored!.directory])], overrides },
    createdAt: run.createdAt,
    wallSeconds: run.wallSeconds,
    headline: { gmv: mean('gmv'), farmerRevenue: mean('farmerRevenue') },
    files: [MANIFEST, 'summary.json', 'comparison.csv', SIDE_FILES.a, SIDE_FILES.b],
    remote: run.remote,
    resolvedScenario: { a: a.loaded?.scenario ?? { stored: a.stored!.directory }, b: b.loaded?.scenario ?? { stored: b.stored!.directory } },
  });
  return { 'summary.json': jsonText(outcome.summary), 'comparison.csv': comparisonCsv(outcome.shown), [SIDE_FILES.a]: monthsOf(a, 0), [SIDE_FILES.b]: monthsOf(b, 1), [MANIFEST]: manifest };
}

/** When no metric moved in any replicate: why, where the two scenarios' structure shows it (no lines otherwise). */
export function noEffectReading(sides: readonly [ComparedSide, ComparedSide], metrics: readonly { readonly delta: { readonly mean: number; readonly sd: number } }[]): string[] {
  const [sideA, sideB] = sides;
  if (sideA.loaded === undefined || sideB.loaded === undefined || metrics.some((metric) => metric.delta.mean !== 0 || metric.delta.sd !== 0)) return [];
  const [a, b] = [sideA.loaded.scenario, sideB.loaded.scenario];
  if (changedFields({ ...a, name: '' }, { ...b, name: '' }).length === 0) return ['No metric changed: A and B are the same scenario.'];
  const reasons = explainNoEffect(a, b);
  if (reasons.length === 0) return ['No metric changed in any replicate: what B changes reaches no sale in this scenario.'];
  return ['No metric changed in any replicate, because:', ...reasons.map((reason) => `  - ${reason}`)];
}
