/**
 * The uncertain parameters of a scenario and the ranges the public priors allow them: what
 * `sensitivity` and `uncertainty` vary. Paths name list items by id, as --set does.
 */
import { ScenarioError, UsageError } from '../../errors.js';
import { valueAtPath } from '../../scenario/dotted-path.js';
import type { Scenario } from '../../scenario/schema.js';
import { priorBounds } from '../evidence/priors.js';
import { priorFields } from '../evidence/prior-walk.js';

export interface ParameterRange {
  /** Dotted path, as for --set. */
  readonly path: string;
  readonly low: number;
  readonly high: number;
  /** Where the range comes from: a prior's id, `calibration.free`, or `--param`. */
  readonly source: string;
  /** The scenario's own value. */
  readonly base: number;
}

/** Every numeric parameter of the scenario with a prior or a calibration.free entry, with its range. */
export function priorRanges(scenario: Scenario): ParameterRange[] {
  const ranges = new Map<string, ParameterRange>();
  const add = (path: string, low: number, high: number, source: string) => {
    if (ranges.has(path)) return;
    const base = valueAtPath(scenario, path);
    if (typeof base !== 'number' || !(high > low)) return;
    ranges.set(path, { path, low, high, source, base });
  };
  for (const free of scenario.calibration.free) add(free.path, free.min, free.max, 'calibration.free');
  for (const field of priorFields(scenario)) {
    if (!field.varied) continue;
    const [low, high] = priorBounds(field.prior);
    const scale = field.scale ?? 1;
    add(field.idPath, low * scale, high * scale, field.source ?? (typeof field.prior === 'string' ? field.prior : 'prior'));
  }
  return [...ranges.values()];
}

/**
 * The parameters `--param` names (`path` takes its prior's range, `path=lo..hi` a range of its
 * own), or every parameter with a prior when none is named.
 */
export function chooseRanges(scenario: Scenario, params: readonly string[]): ParameterRange[] {
  const known = priorRanges(scenario);
  if (params.length === 0) return known;
  return params.map((text) => {
    const match = /^([^=]+?)(?:=(-?[\d.eE+-]+)\.\.(-?[\d.eE+-]+))?$/.exec(text.trim());
    if (!match) throw new UsageError(`--param expects path or path=low..high, got ${JSON.stringify(text)}`, 'for example: --param behaviour.purchaseRate=0.001..0.003');
    const path = match[1]!;
    const base = valueAtPath(scenario, path);
    if (typeof base !== 'number') throw new UsageError(`--param ${path}: no number there in ${scenario.name}`, 'use the dotted path of a numeric field, as for --set (livesim show prints the scenario)');
    if (match[2] === undefined) {
      const range = known.find((candidate) => candidate.path === path);
      if (!range) throw new UsageError(`--param ${path} has no prior to take its range from`, `give one: --param ${path}=low..high`);
      return range;
    }
    const low = Number(match[2]);
    const high = Number(match[3]);
    if (!(Number.isFinite(low) && Number.isFinite(high) && high > low)) throw new UsageError(`--param ${text}: the range must go from a lower to a higher number`);
    return { path, low, high, source: '--param', base };
  });
}

/** A point of the unit interval as a value of the range: log-uniform when it spans ten times or more. */
export function valueIn(range: ParameterRange, unit: number): number {
  const value = range.low > 0 && range.high / range.low >= 10 ? range.low * Math.pow(range.high / range.low, unit) : range.low + unit * (range.high - range.low);
  return Number(value.toPrecision(6));
}

/**
 * Every range's ends must make a valid scenario (a share above 1, a negative count are refused
 * here, before any work or any file): `load` builds the scenario with --set overrides.
 */
export function checkRangesLoad(ranges: readonly ParameterRange[], load: (overrides: string[]) => unknown): void {
  for (const range of ranges) {
    for (const value of [range.low, range.high]) {
      try {
        load([`${range.path}=${value}`]);
      } catch (error) {
        const why = error instanceof ScenarioError ? (error.problems[0]?.message ?? error.message) : (error as Error).message;
        throw new UsageError(`--param ${range.path}=${range.low}..${range.high}: ${value} is not a value it can take: ${why}`, 'keep the range inside what the scenario schema allows (livesim schema)');
      }
    }
  }
}
