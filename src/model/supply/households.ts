/**
 * Farmer households: size, income without live commerce, and what live commerce changed: the
 * gain against the counterfactual (the same harvest sold offline only), in its parts (price
 * premium, rescued volume, offline spillover, wages), and the older measure of online sales
 * beyond their farm-gate value. Stored as columns (typed arrays) because national
 * scenarios hold many. A simulated household may stand for several real ones (`represents`):
 * counts are weighted by it and money is shared among them.
 */
import { lognormal, poisson } from '../../engine/distributions.js';
import type { Uniform } from '../../engine/random.js';
import type { Flows } from '../money/flows.js';
import type { Spread } from '../params.js';

const MONTHS_PER_YEAR = 12;

export function drawSpread(uniform: Uniform, spread: Spread): number {
  return typeof spread === 'number' ? spread : lognormal(uniform, spread.median, spread.sigma);
}

/** Household size: 1 + Poisson(mean - 1), so never empty. */
export function drawPersons(uniform: Uniform, mean: number): number {
  return 1 + poisson(uniform, mean - 1);
}

export interface HouseholdTally {
  readonly total: number;
  readonly aboveLine: number;
  readonly aboveLineWithoutEcommerce: number;
  /** Households that have sold at least one unit online. */
  readonly supplying: number;
  /** Households in the selling network (supplying or working for a shop). */
  readonly joined: number;
}

export class HouseholdTable {
  readonly ids: string[] = [];
  readonly groupOf: number[] = [];
  readonly persons: Int32Array;
  /** Real households this one stands for. */
  readonly represents: Int32Array;
  /** Income per person per year without live commerce (yuan), the modelled harvest sold offline included. */
  readonly baselinePerPerson: Float64Array;
  /** 1 once the household supplies (or works for) the online channel. */
  readonly joined: Uint8Array;
  readonly unitsSold: Float64Array;
  /** Money received for online sales, profit shares included (fen). */
  readonly revenue: Float64Array;
  /** Wages from shops (fen). */
  readonly wages: Float64Array;
  /** Sales revenue beyond the farm-gate value of the same units, plus wages (fen). */
  readonly netIncome: Float64Array;
  /** Online pay beyond what the same units would have fetched offline without live commerce (fen). */
  readonly premium: Float64Array;
  /** The counterfactual value of units that, without live commerce, would have gone unsold (fen). */
  readonly volume: Float64Array;
  /** Better offline terms for the rest of the harvest, online sales having taken supply off the market (fen). */
  readonly spillover: Float64Array;
  /** What the harvest not sold online fetched offline (fen). */
  readonly offlineRevenue: Float64Array;
  /** What the whole harvest would have fetched offline without live commerce (fen). */
  readonly farmSalesWithout: Float64Array;
  private readonly monthNet: Float64Array;
  /** Gain of the last 12 closed months, a ring per household (fen). */
  private readonly monthHistory: Float64Array;
  /** Sum of the last 11 closed months per household: with the open month, the trailing year (fen). */
  private readonly lastElevenMonths: Float64Array;
  private monthsClosed = 0;

  constructor(readonly size: number) {
    this.persons = new Int32Array(size);
    this.represents = new Int32Array(size).fill(1);
    this.baselinePerPerson = new Float64Array(size);
    this.joined = new Uint8Array(size);
    this.unitsSold = new Float64Array(size);
    this.revenue = new Float64Array(size);
    this.wages = new Float64Array(size);
    this.netIncome = new Float64Array(size);
    this.premium = new Float64Array(size);
    this.volume = new Float64Array(size);
    this.spillover = new Float64Array(size);
    this.offlineRevenue = new Float64Array(size);
    this.farmSalesWithout = new Float64Array(size);
    this.monthNet = new Float64Array(size);
    this.monthHistory = new Float64Array(size * MONTHS_PER_YEAR);
    this.lastElevenMonths = new Float64Array(size);
  }

  /**
   * Records an online settlement (ProductState.settle works the parts out and adds the flows):
   * `units` sold for `revenueFen`, `netFen` beyond their farm-gate value; against the
   * counterfactual, where they would have gone offline, the premium (pay beyond the offline
   * price) and the volume (the counterfactual value of units that would not have sold), and
   * `valueWithoutFen`, what they would have fetched offline.
   */
  creditSales(household: number, units: number, revenueFen: number, netFen: number, premiumFen: number, volumeFen: number, valueWithoutFen: number): void {
    this.unitsSold[household]! += units;
    this.revenue[household]! += revenueFen;
    this.netIncome[household]! += netFen;
    this.premium[household]! += premiumFen;
    this.volume[household]! += volumeFen;
    this.farmSalesWithout[household]! += valueWithoutFen;
    this.monthNet[household]! += premiumFen + volumeFen;
  }

  /**
   * Records a season's offline settlement (ProductState.settleOffline): `withFen` is what the
   * harvest it did not sell online fetched offline; `withoutFen` what that same part would have
   * fetched without live commerce (the part sold online was credited its counterfactual value as
   * it settled); `volumeFen` the counterfactual value of extra units it had to bring, carried over
   * from a season whose online sales left less unsold. The rest of the difference is the spillover.
   */
  creditOffline(household: number, withFen: number, withoutFen: number, volumeFen: number, flows: Flows): void {
    const spillover = withFen - withoutFen - volumeFen;
    this.offlineRevenue[household]! += withFen;
    this.farmSalesWithout[household]! += withoutFen;
    this.volume[household]! += volumeFen;
    this.spillover[household]! += spillover;
    this.addGain(household, withFen - withoutFen);
    flows.offlineRevenue += withFen;
    flows.farmSalesWithout += withoutFen;
    flows.gainVolume += volumeFen;
    flows.gainSpillover += spillover;
    flows.gain += withFen - withoutFen;
  }

  /** A seller's profit share paid back: online pay beyond the counterfactual, so premium. */
  creditDividend(household: number, fen: number, flows: Flows): void {
    this.revenue[household]! += fen;
    this.netIncome[household]! += fen;
    this.premium[household]! += fen;
    this.addGain(household, fen);
    flows.householdNetIncome += fen;
    flows.gainPremium += fen;
    flows.gain += fen;
  }

  creditWages(household: number, wageFen: number, flows: Flows): void {
    this.wages[household]! += wageFen;
    this.netIncome[household]! += wageFen;
    this.addGain(household, wageFen);
    flows.wages += wageFen;
    flows.householdNetIncome += wageFen;
    flows.gain += wageFen;
  }

  /** A household's gain from live commerce against the counterfactual (fen): premium + volume + spillover + wages. */
  gainOf(household: number): number {
    return this.premium[household]! + this.volume[household]! + this.spillover[household]! + this.wages[household]!;
  }

  /** Counts a gain (fen) toward the household's trailing year. */
  private addGain(household: number, fen: number): void {
    this.monthNet[household]! += fen;
  }

  /** Moves the month's gain into the 12-month history. */
  closeMonth(): void {
    const slot = this.monthsClosed % MONTHS_PER_YEAR;
    // The month that drops out of the last eleven once this one joins them.
    const droppingSlot = (this.monthsClosed + 1) % MONTHS_PER_YEAR;
    const dropping = this.monthsClosed >= MONTHS_PER_YEAR - 1;
    for (let household = 0; household < this.size; household++) {
      const month = this.monthNet[household]!;
      this.monthHistory[household * MONTHS_PER_YEAR + slot] = month;
      this.lastElevenMonths[household]! += month - (dropping ? this.monthHistory[household * MONTHS_PER_YEAR + droppingSlot]! : 0);
      this.monthNet[household] = 0;
    }
    this.monthsClosed++;
  }

  /** Yearly income per person: baseline (without live commerce) plus the gain over the trailing 12 months (yuan). */
  incomePerPerson(household: number): number {
    // The open month is one of the 12, so only the last 11 closed months count with it.
    const trailing = this.monthNet[household]! + this.lastElevenMonths[household]!;
    return this.baselinePerPerson[household]! + trailing / 100 / this.persons[household]! / this.represents[household]!;
  }

  /** Counts of real households (weighted by `represents`), in one pass over the table. */
  tally(povertyLine: number): HouseholdTally {
    let total = 0;
    let aboveLine = 0;
    let aboveLineWithoutEcommerce = 0;
    let supplying = 0;
    let joined = 0;
    for (let household = 0; household < this.size; household++) {
      const weight = this.represents[household]!;
      total += weight;
      if (this.incomePerPerson(household) >= povertyLine) aboveLine += weight;
      if (this.baselinePerPerson[household]! >= povertyLine) aboveLineWithoutEcommerce += weight;
      if (this.unitsSold[household]! > 0) supplying += weight;
      if (this.joined[household] === 1) joined += weight;
    }
    return { total, aboveLine, aboveLineWithoutEcommerce, supplying, joined };
  }
}
