/**
 * What live commerce changed for the farmers, per household group and in total: income with and
 * without it, the gain in its parts, and households above the poverty line with and without.
 * Read from the household table at the end of a run (real households: weighted by `represents`).
 */
import { fenToYuan } from './flows.js';
import type { HouseholdTable } from '../supply/households.js';
import type { MetricName } from '../observation/metric-catalogue.js';

export interface FarmerOutcome {
  /** The farmer group's id, or `all`. */
  readonly group: string;
  /** Real households. */
  readonly households: number;
  /** The households' income over a year without live commerce (yuan per year, all persons). */
  readonly incomeWithout: number;
  /** The same plus the gain over the trailing year: what the poverty line is measured on (yuan per year). */
  readonly incomeWith: number;
  /** Gain over the run (yuan): premium + volume + spillover + wages. */
  readonly gain: number;
  readonly premium: number;
  readonly volume: number;
  readonly spillover: number;
  readonly wages: number;
  readonly aboveLine: number;
  readonly aboveLineWithout: number;
}

export interface FarmerOutcomes {
  readonly total: FarmerOutcome;
  readonly groups: readonly FarmerOutcome[];
}

/** What is added up per group (money in fen); the gain is derived from its parts. */
const TALLIED = ['households', 'incomeWithout', 'incomeWith', 'premium', 'volume', 'spillover', 'wages', 'aboveLine', 'aboveLineWithout'] as const;
type Tally = Record<(typeof TALLIED)[number], number>;
const emptyTally = (): Tally => Object.fromEntries(TALLIED.map((key) => [key, 0])) as Tally;

export function farmerOutcomes(table: HouseholdTable, groupIds: readonly string[], povertyLine: number): FarmerOutcomes {
  const tallies = groupIds.map(emptyTally);
  for (let household = 0; household < table.size; household++) {
    const tally = tallies[table.groupOf[household]!]!;
    const weight = table.represents[household]!;
    const persons = table.persons[household]! * weight;
    const withoutPerPerson = table.baselinePerPerson[household]!;
    const withPerPerson = table.incomePerPerson(household);
    tally.households += weight;
    tally.incomeWithout += withoutPerPerson * persons;
    tally.incomeWith += withPerPerson * persons;
    tally.premium += table.premium[household]!;
    tally.volume += table.volume[household]!;
    tally.spillover += table.spillover[household]!;
    tally.wages += table.wages[household]!;
    if (withPerPerson >= povertyLine) tally.aboveLine += weight;
    if (withoutPerPerson >= povertyLine) tally.aboveLineWithout += weight;
  }
  const total = emptyTally();
  for (const tally of tallies) for (const key of TALLIED) total[key] += tally[key];
  return { total: outcome('all', total), groups: tallies.map((tally, index) => outcome(groupIds[index]!, tally)) };
}

function outcome(group: string, tally: Tally): FarmerOutcome {
  return {
    group,
    households: tally.households,
    incomeWithout: Math.round(tally.incomeWithout),
    incomeWith: Math.round(tally.incomeWith),
    // The gain is its parts, each a whole number of fen, so their sum is exact.
    gain: fenToYuan(tally.premium + tally.volume + tally.spillover + tally.wages),
    premium: fenToYuan(tally.premium),
    volume: fenToYuan(tally.volume),
    spillover: fenToYuan(tally.spillover),
    wages: fenToYuan(tally.wages),
    aboveLine: tally.aboveLine,
    aboveLineWithout: tally.aboveLineWithout,
  };
}

/** The run's metrics reported per farmer group too, and the outcome field each comes from. */
const GROUP_METRIC_FIELDS = {
  gain: 'gain',
  gainPremium: 'premium',
  gainVolume: 'volume',
  gainSpillover: 'spillover',
  wages: 'wages',
  incomeWithout: 'incomeWithout',
  incomeWith: 'incomeWith',
  householdsAboveLine: 'aboveLine',
  householdsAboveLineWithoutEcommerce: 'aboveLineWithout',
} as const satisfies Partial<Record<MetricName, keyof FarmerOutcome>>;

export const GROUP_METRICS = Object.keys(GROUP_METRIC_FIELDS) as (keyof typeof GROUP_METRIC_FIELDS)[];

/** A group's outcome under the names of the run's metrics, for its columns `<metric>:<group>`. */
export function groupMetrics(outcome: FarmerOutcome): [string, number][] {
  return GROUP_METRICS.map((metric) => [metric, outcome[GROUP_METRIC_FIELDS[metric]]]);
}
