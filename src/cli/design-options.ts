/** What `sensitivity` and `uncertainty` share: their options, and choosing the parameters to vary. */
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { checkRangesLoad, chooseRanges, type ParameterRange } from '../experiment/analysis/parameter-ranges.js';
import { manifestText } from '../experiment/run/manifest.js';
import type { RemoteRunner } from '../experiment/batch/worker-pool.js';
import { MANIFEST } from '../experiment/run/run-layout.js';
import { DEFAULT_METRICS } from '../experiment/analysis/sensitivity.js';
import { scenarioVariants, type LoadedScenario } from '../scenario/load.js';
import { collect, parseCount } from './options.js';
import { withSharedOptions } from './shared-options.js';
import type { ReportOptions } from './report-options.js';
import type { QueueOptions } from './queue-option.js';

export interface DesignOptions extends ReportOptions, QueueOptions {
  readonly replicates: number;
  readonly param: string[];
  readonly metric: string[];
  readonly seed?: number;
  readonly jobs?: number;
  readonly set: string[];
  readonly out?: string;
  readonly force?: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly ui: boolean;
}

/** Adds the options every design command takes; `kind` names its run directories. */
export function withDesignOptions(command: Command, kind: string): Command {
  return withSharedOptions(
    command
      .option('--replicates <n>', 'replicates per design point (the same seeds at every point)', parseCount, 2)
      .option('--param <path[=lo..hi]>', 'a parameter to vary, over its prior or the range given (repeatable; default: every one with a prior)', collect, [])
      .option('--metric <name>', `a metric (repeatable; default: ${DEFAULT_METRICS.join(', ')})`, collect, []),
    {
      help: {
        seed: "root seed of the design and the replicates (default: the scenario's own)",
        out: `run directory (default: runs/<scenario>-${kind}-<seed>-<time>)`,
      },
    },
  );
}

/** The scenario, the parameters to vary (both ends of each range checked), the metrics and the root seed. */
export function designSetup(reference: string, options: DesignOptions): {
  base: LoadedScenario;
  params: ParameterRange[];
  metrics: readonly string[];
  rootSeed: number;
  load: (overrides: string[]) => LoadedScenario;
} {
  const { base, variant: load } = scenarioVariants(reference, { overrides: options.set });
  const params = chooseRanges(base.scenario, options.param);
  if (params.length === 0) throw new UsageError(`${base.scenario.name} has no parameter with a prior to vary`, 'name some: --param path=low..high');
  checkRangesLoad(params, (overrides) => load(overrides, '--param'));
  return { base, params, metrics: options.metric.length > 0 ? options.metric : DEFAULT_METRICS, rootSeed: options.seed ?? base.scenario.seed, load };
}

/** The manifest of a design's run directory (its files: `MANIFEST`, then `files`). */
export function designManifest(
  kind: 'sensitivity' | 'uncertainty',
  base: LoadedScenario,
  run: { readonly rootSeed: number; readonly seeds: readonly number[]; readonly complete: boolean; readonly createdAt: Date; readonly wallSeconds: number; readonly remote?: RemoteRunner | undefined },
  headline: { readonly gmv: number; readonly farmerRevenue: number },
  files: readonly string[],
): string {
  return manifestText({
    kind,
    complete: run.complete,
    scenario: base.scenario.name,
    scenarioHash: base.hash,
    seed: run.rootSeed,
    replicates: run.seeds.length,
    seeds: [...run.seeds],
    sources: { files: [...base.files], overrides: [...base.overrides] },
    createdAt: run.createdAt,
    wallSeconds: run.wallSeconds,
    headline: { ...headline },
    files: [MANIFEST, ...files],
    remote: run.remote,
    resolvedScenario: base.scenario,
  });
}
