/**
 * Sweeps: a scenario run over a grid of parameter values (or explicit cases), every case with
 * the same replicate seeds (common random numbers), all cases' replicates in one parallel pool;
 * rows stream to sweep.csv as they finish.
 */
import { UsageError } from '../../errors.js';
import { VERSION } from '../../paths.js';
import type { LoadedScenario } from '../../scenario/load.js';
import { parseOverrideValue } from '../../scenario/overrides.js';
import { MAX_SWEEP_CASES, type Sweep } from '../../scenario/schema.js';
import { estimatesByMetric } from '../batch/batch-statistics.js';
import { BatchRows, replicateRow, type BatchRow, type RowSink } from '../batch/replicate-rows.js';
import { replicateSeeds, replicateTasks } from '../batch/replicates.js';
import { estimatesJson, type Estimate } from '../batch/statistics.js';
import { runTasks, type PoolControls } from '../batch/worker-pool.js';

type SweepValue = number | string | boolean;

export interface SweepCase {
  readonly name: string;
  /** Path -> value of this case. */
  readonly values: Readonly<Record<string, SweepValue>>;
}

/** `path=v1,v2,v3` or `path=a..b:step` (from --vary). */
export function parseVary(expression: string): Sweep['vary'][number] {
  const equals = expression.indexOf('=');
  if (equals <= 0) throw new UsageError(`--vary expects path=values, got ${JSON.stringify(expression)}`, 'for example: --vary anchors.li-orchard.skill=0.8,1,1.2 or --vary behaviour.purchaseRate=0.001..0.003:0.001');
  const pathText = expression.slice(0, equals);
  const text = expression.slice(equals + 1);
  const number = '(-?[\\d.]+(?:e-?\\d+)?)';
  const range = new RegExp(`^${number}\\.\\.${number}:([\\d.]+(?:e-?\\d+)?)$`).exec(text);
  if (range) return { path: pathText, from: Number(range[1]), to: Number(range[2]), step: Number(range[3]) };
  if (new RegExp(`^${number}\\.\\.${number}$`).test(text)) {
    throw new UsageError(`--vary ${expression}: a range needs a step`, `write from..to:step, e.g. --vary ${pathText}=${text}:${stepFor(text)}, or list the values: --vary ${pathText}=1,2,3`);
  }
  // Each value read as --set reads it; anything but a number or true/false is text.
  return { path: pathText, values: text.split(',').map(sweepValue) };
}

/** A step that cuts `from..to` into four, for the hint. */
function stepFor(range: string): number {
  const [from, to] = range.split('..').map(Number) as [number, number];
  return Number(((to - from) / 4).toPrecision(2)) || 1;
}

function sweepValue(text: string): SweepValue {
  const value = parseOverrideValue(text);
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string' ? value : text;
}

function valuesOf(vary: Sweep['vary'][number]): SweepValue[] {
  if ('values' in vary) return vary.values;
  if (!(vary.step > 0) || vary.to < vary.from) throw new UsageError(`--vary ${vary.path}: the range must go up by a positive step`);
  const count = Math.floor((vary.to - vary.from) / vary.step + 1e-9) + 1;
  if (!(count <= MAX_SWEEP_CASES)) {
    throw new UsageError(`--vary ${vary.path}: ${vary.from}..${vary.to} in steps of ${vary.step} gives ${count.toLocaleString('en-US')} values; a sweep may have at most ${MAX_SWEEP_CASES.toLocaleString('en-US')} cases`, 'take a larger step');
  }
  // Rounded to 12 significant digits so that 0.1 + 0.2 is written as 0.3.
  return Array.from({ length: count }, (_, index) => Number((vary.from + index * vary.step).toPrecision(12)));
}

/** Explicit cases, or every combination of the varied values (the first parameter varies slowest). */
export function sweepCases(sweep: Pick<Sweep, 'vary' | 'cases'>): SweepCase[] {
  if (sweep.cases.length > 0) return sweep.cases.map((item) => ({ name: item.name, values: item.set }));
  if (sweep.vary.length === 0) throw new UsageError('nothing to sweep over', 'give --vary path=values, or a `sweep:` block with `vary` or `cases` in the scenario');
  const values = sweep.vary.map(valuesOf);
  const total = values.reduce((product, list) => product * list.length, 1);
  if (total > MAX_SWEEP_CASES) {
    throw new UsageError(`the grid has ${total.toLocaleString('en-US')} cases; a sweep may have at most ${MAX_SWEEP_CASES.toLocaleString('en-US')}`, 'vary fewer parameters or fewer values');
  }
  let cases: Record<string, SweepValue>[] = [{}];
  sweep.vary.forEach((vary, index) => (cases = cases.flatMap((partial) => values[index]!.map((value) => ({ ...partial, [vary.path]: value })))));
  return cases.map((values, index) => ({ name: `case-${index + 1}`, values }));
}

export interface SweepResult {
  readonly cases: readonly SweepCase[];
  readonly rows: readonly BatchRow[];
  /** sweep.csv: one row per case and replicate, in order. */
  readonly rowsCsv: string;
  readonly byCase: readonly Readonly<Record<string, Estimate>>[];
  readonly complete: boolean;
}

/** Cases loaded at a time before the event loop gets a turn (a signal, a progress line). */
const CASES_PER_TURN = 50;

/**
 * Each case's scenario, validated like a user's edit, before anything runs (so a bad case costs
 * nothing and the resource guard sees every case). Thousands of cases take seconds: the loading
 * yields to the event loop as it goes, so it can be stopped, and says how far it is.
 */
export async function loadCases(
  cases: readonly SweepCase[],
  load: (overrides: readonly string[]) => LoadedScenario,
  onProgress?: (loaded: number, total: number) => void,
): Promise<LoadedScenario[]> {
  const loaded: LoadedScenario[] = [];
  for (const item of cases) {
    loaded.push(load(Object.entries(item.values).map(([key, value]) => `${key}=${String(value)}`)));
    if (loaded.length % CASES_PER_TURN === 0) {
      onProgress?.(loaded.length, cases.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return loaded;
}

export async function runSweep(
  cases: readonly SweepCase[],
  loaded: readonly LoadedScenario[],
  options: PoolControls & { readonly replicates: number; readonly rootSeed: number; readonly rowsFile?: RowSink | undefined; readonly onProgress?: (done: number, total: number) => void },
): Promise<SweepResult> {
  const seeds = replicateSeeds(options.rootSeed, options.replicates);
  const tasks = loaded.flatMap((scenario, caseIndex) => replicateTasks(scenario, seeds, {}, caseIndex * seeds.length));
  const rows = new BatchRows(options.rowsFile);
  // Every row has a column for every parameter any case sets (empty where a case leaves it).
  const parameters = [...new Set(cases.flatMap((item) => Object.keys(item.values)))];
  let done = 0;
  await runTasks(tasks, {
    ...options,
    onOutcome: (outcome) => {
      const caseIndex = Math.floor(outcome.id / seeds.length);
      const item = cases[caseIndex]!;
      const values = Object.fromEntries(parameters.map((parameter) => [parameter, item.values[parameter] ?? '']));
      const row = replicateRow(outcome.summary, outcome.id % seeds.length, outcome.id, values);
      rows.add({ ...row, keys: { case: item.name, ...row.keys } });
      options.onProgress?.(++done, tasks.length);
    },
  });
  const ordered = [...rows.all].sort((a, b) => a.order - b.order);
  return {
    cases,
    rows: ordered,
    rowsCsv: rows.csv(),
    byCase: cases.map((item) => estimatesByMetric(ordered.filter((row) => row.keys.case === item.name))),
    complete: ordered.length === tasks.length,
  };
}

/** summary.json of a sweep: each case's values and, per metric, its mean, sd and 95% interval. */
export function sweepSummary(scenario: string, rootSeed: number, replicates: number, result: SweepResult) {
  return {
    scenario,
    rootSeed,
    replicates,
    complete: result.complete,
    livesimVersion: VERSION,
    cases: result.cases.map((item, index) => ({ name: item.name, values: item.values, metrics: estimatesJson(result.byCase[index]!) })),
  };
}

export type SweepSummary = ReturnType<typeof sweepSummary>;
