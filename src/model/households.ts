/**
 * Farmer households: size, income without e-commerce, and what e-commerce added. Stored as
 * columns (typed arrays) because national scenarios hold many of them.
 */
import { lognormal, poisson } from '../engine/distributions.js';
import type { Uniform } from '../engine/random.js';
import type { Spread } from '../scenario/fields.js';

const MONTHS_PER_YEAR = 12;

export function drawSpread(uniform: Uniform, spread: Spread): number {
  return typeof spread === 'number' ? spread : lognormal(uniform, spread.median, spread.sigma);
}

export class HouseholdTable {
  readonly ids: string[] = [];
  readonly groupOf: number[] = [];
  persons: Int32Array;
  /** Income per person per year without e-commerce (yuan). */
  baselinePerPerson: Float64Array;
  unitsSold: Float64Array;
  /** Money received from e-commerce sales (fen). */
  revenue: Float64Array;
  /** Revenue beyond the farm-gate value of the same units (fen). */
  netIncome: Float64Array;
  private readonly monthNet: Float64Array;
  /** Net income of the last 12 closed months, a ring per household (fen). */
  private readonly monthHistory: Float64Array;
  private monthsClosed = 0;

  constructor(readonly size: number) {
    this.persons = new Int32Array(size);
    this.baselinePerPerson = new Float64Array(size);
    this.unitsSold = new Float64Array(size);
    this.revenue = new Float64Array(size);
    this.netIncome = new Float64Array(size);
    this.monthNet = new Float64Array(size);
    this.monthHistory = new Float64Array(size * MONTHS_PER_YEAR);
  }

  /** Records a settlement: `units` sold for `revenueFen`, worth `farmGateFen` at the farm gate. */
  credit(household: number, units: number, revenueFen: number, farmGateFen: number): number {
    const net = revenueFen - farmGateFen;
    this.unitsSold[household]! += units;
    this.revenue[household]! += revenueFen;
    this.netIncome[household]! += net;
    this.monthNet[household]! += net;
    return net;
  }

  /** Moves the month's net income into the 12-month history. */
  closeMonth(): void {
    const slot = this.monthsClosed % MONTHS_PER_YEAR;
    for (let household = 0; household < this.size; household++) {
      this.monthHistory[household * MONTHS_PER_YEAR + slot] = this.monthNet[household]!;
      this.monthNet[household] = 0;
    }
    this.monthsClosed++;
  }

  /** Yearly income per person: baseline plus e-commerce net income over the trailing 12 months (yuan). */
  incomePerPerson(household: number): number {
    let trailing = this.monthNet[household]!;
    const months = Math.min(this.monthsClosed, MONTHS_PER_YEAR);
    // The open month is one of the 12, so the oldest closed month drops out once 12 have closed.
    const keep = Math.min(months, MONTHS_PER_YEAR - 1);
    for (let back = 1; back <= keep; back++) {
      const slot = (this.monthsClosed - back) % MONTHS_PER_YEAR;
      trailing += this.monthHistory[household * MONTHS_PER_YEAR + slot]!;
    }
    return this.baselinePerPerson[household]! + trailing / 100 / this.persons[household]!;
  }

  countAboveLine(povertyLine: number): number {
    let count = 0;
    for (let household = 0; household < this.size; household++) if (this.incomePerPerson(household) >= povertyLine) count++;
    return count;
  }

  countAboveLineWithoutEcommerce(povertyLine: number): number {
    let count = 0;
    for (let household = 0; household < this.size; household++) if (this.baselinePerPerson[household]! >= povertyLine) count++;
    return count;
  }

  countSupplying(): number {
    let count = 0;
    for (let household = 0; household < this.size; household++) if (this.unitsSold[household]! > 0) count++;
    return count;
  }
}

/** Household size: 1 + Poisson(mean - 1), so never empty. */
export function drawPersons(uniform: Uniform, mean: number): number {
  return 1 + poisson(uniform, mean - 1);
}
