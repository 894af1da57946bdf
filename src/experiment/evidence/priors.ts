/**
 * A check of a scenario against the public priors (src/experiment/evidence/prior-table.ts):
 * every free parameter's bounds must sit inside its prior, and fixed parameters (prices,
 * commissions, fees, logistics, spoilage, claims, conversion, adoption rates) must too, unless
 * the scenario lists the exception with a reason. The fields come from the schema's prior rules
 * (src/experiment/evidence/prior-walk.ts).
 */
import { dwellDistribution } from '../../model/demand/audience.js';
import { compileScenario } from '../../scenario/compile.js';
import { valueAtPath } from '../../scenario/dotted-path.js';
import type { Scenario } from '../../scenario/schema.js';
import { priorFields, type PriorField } from './prior-walk.js';
import { PRIORS, type PriorId } from './prior-table.js';

export interface PriorViolation {
  readonly path: string;
  readonly message: string;
}

/** Probability that a viewer buys at least once, with hazard `hazard` per minute over the scenario's dwell. */
export function impliedConversion(scenario: Scenario, hazard: number): number {
  const dwell = dwellDistribution(compileScenario(scenario).behaviour.dwell);
  // E[exp(-h D)] = integral of h e^{-h t} S(t) dt subtracted from 1: P(buy) = h * integral e^{-h t} S(t) dt.
  const horizon = dwell.longTail * 4;
  const pieces = 2000;
  const width = horizon / pieces;
  let integral = 0;
  for (let piece = 0; piece < pieces; piece++) {
    const t = (piece + 0.5) * width;
    integral += Math.exp(-hazard * t) * dwell.survival(t) * width;
  }
  return hazard * integral;
}

/** The range of conversions a purchase rate gives the scenario's anchors: no social proof, and full social proof. */
function conversionRange(scenario: Scenario, purchaseRate: number): [number, number] {
  const lift = 1 + scenario.behaviour.socialProof.strength;
  const products = new Map(scenario.products.map((product) => [product.id, product]));
  let low = Number.POSITIVE_INFINITY;
  let high = 0;
  for (const anchor of scenario.anchors) {
    for (const series of anchor.broadcasts) {
      const factors = series.lineup.map((slot) => {
        const product = products.get(slot.product)!;
        const paid = product.price * (series.welfare ? 1 - product.welfareDiscount : 1);
        return Math.pow(paid / product.referencePrice, -scenario.behaviour.priceElasticity);
      });
      const priceFactor = factors.reduce((sum, factor) => sum + factor, 0) / factors.length;
      const hazard = purchaseRate * anchor.skill * priceFactor;
      low = Math.min(low, impliedConversion(scenario, hazard));
      high = Math.max(high, impliedConversion(scenario, hazard * lift));
    }
  }
  return [low, high];
}

export function checkPriors(scenario: Scenario): PriorViolation[] {
  const violations: PriorViolation[] = [];
  const excepted = new Set(scenario.priorExceptions.map((exception) => exception.path));
  const within = (path: string, value: number, prior: PriorField['prior'], what?: string) => {
    if (excepted.has(path)) return;
    const [low, high] = priorBounds(prior);
    if (value < low - 1e-12 || value > high + 1e-12) {
      const name = what ?? (typeof prior === 'string' ? PRIORS[prior].what : 'prior');
      violations.push({ path, message: `${path} = ${Number(value.toPrecision(4))} is outside the prior for ${name} (${low}-${high})` });
    }
  };

  // Free parameters: their bounds must lie inside their priors.
  scenario.calibration.free.forEach((parameter, index) => {
    const path = `calibration.free.${index}`;
    if (!(parameter.prior in PRIORS)) {
      violations.push({ path, message: `${parameter.path}: unknown prior \`${parameter.prior}\` (known: ${Object.keys(PRIORS).join(', ')})` });
      return;
    }
    const prior = parameter.prior as PriorId;
    if (prior === 'conversion' && parameter.path === 'behaviour.purchaseRate') {
      within(`${parameter.path} (at its lower bound)`, conversionRange(scenario, parameter.min)[0], 'conversion');
      within(`${parameter.path} (at its upper bound)`, conversionRange(scenario, parameter.max)[1], 'conversion');
    } else {
      within(`${parameter.path} (lower bound)`, parameter.min, prior);
      within(`${parameter.path} (upper bound)`, parameter.max, prior);
    }
    const value = valueAtPath(scenario, parameter.path);
    if (typeof value !== 'number' || value < parameter.min || value > parameter.max) {
      violations.push({ path: parameter.path, message: `${parameter.path} = ${String(value)} is outside its declared bounds ${parameter.min}-${parameter.max}` });
    }
  });

  // Fixed parameters.
  within('povertyLine', scenario.povertyLine, 'povertyLine');
  const [lowConversion, highConversion] = conversionRange(scenario, scenario.behaviour.purchaseRate);
  within('behaviour.purchaseRate (implied conversion, no social proof)', lowConversion, 'conversion');
  within('behaviour.purchaseRate (implied conversion, full social proof)', highConversion, 'conversion');
  for (const field of priorFields(scenario)) within(field.indexPath, field.value, field.prior, field.what);
  return violations;
}

/** A prior's low and high ends, named or given. */
export function priorBounds(prior: PriorField['prior']): readonly [number, number] {
  return typeof prior === 'string' ? [PRIORS[prior].low, PRIORS[prior].high] : prior;
}

