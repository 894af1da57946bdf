/**
 * The parameters worth moving in the studio: every one with a public prior or a
 * `calibration.free` entry (the ranges sensitivity and uncertainty vary), grouped by the entity
 * they belong to, each with its value, its unit and its prior range; and how `+`/`-` step one:
 * a twentieth of the range, by ratio where the range spans ten times or more, never past the
 * bounds the schema allows.
 */
import { schemaAt } from '../../scenario/json-schema.js';
import { pathKeys } from '../../scenario/dotted-path.js';
import type { Scenario } from '../../scenario/schema.js';
import { priorRanges } from '../analysis/parameter-ranges.js';

/** The entities parameters belong to, in the order the studio lists them. */
export const PARAMETER_GROUPS = ['behaviour', 'platform', 'anchor', 'product', 'store', 'seller', 'household group'] as const;
type ParameterGroup = (typeof PARAMETER_GROUPS)[number];

const GROUP_OF_LIST: Readonly<Record<string, ParameterGroup>> = { platforms: 'platform', anchors: 'anchor', products: 'product', stores: 'store', shops: 'seller', farmers: 'household group' };

/** Steps across a prior range from one end to the other. */
const STEPS_ACROSS = 20;

export interface StudioParameter {
  /** Dotted path, as --set writes it. */
  readonly path: string;
  readonly group: ParameterGroup;
  /** The entity's id (empty for behaviour). */
  readonly entity: string;
  /** The field within the entity. */
  readonly field: string;
  /** The scenario's own value. */
  readonly value: number;
  /** The prior (or calibration) range. */
  readonly low: number;
  readonly high: number;
  /** Where the range comes from: a prior's id or `calibration.free`. */
  readonly source: string;
  /** The unit the schema states (empty when it states none). */
  readonly unit: string;
  /** What the schema allows. */
  readonly min: number;
  readonly max: number;
  /** Stepped by ratio: the range spans ten times or more. */
  readonly logarithmic: boolean;
}

export function studioParameters(scenario: Scenario): StudioParameter[] {
  const parameters = priorRanges(scenario).map((range): StudioParameter => {
    const segments = range.path.split('.');
    const group = GROUP_OF_LIST[segments[0]!] ?? 'behaviour';
    const inList = segments[0]! in GROUP_OF_LIST;
    const keys = pathKeys(scenario, range.path);
    const node = keys === undefined ? undefined : schemaAt(keys, scenario);
    const bounds = { min: lowerBound(node), max: typeof node?.maximum === 'number' ? node.maximum : Number.POSITIVE_INFINITY };
    return {
      path: range.path,
      group,
      entity: inList ? segments[1]! : '',
      field: segments.slice(inList ? 2 : segments[0] === 'behaviour' ? 1 : 0).join('.'),
      value: range.base,
      low: range.low,
      high: range.high,
      source: range.source,
      unit: unitOf(typeof node?.description === 'string' ? node.description : ''),
      ...bounds,
      logarithmic: range.low > 0 && range.high / range.low >= 10,
    };
  });
  return parameters.map((parameter, index) => ({ parameter, index })).sort((x, y) => PARAMETER_GROUPS.indexOf(x.parameter.group) - PARAMETER_GROUPS.indexOf(y.parameter.group) || x.index - y.index).map(({ parameter }) => parameter);
}

/** `value` moved one step up (`+1`) or down (`-1`), kept inside what the schema allows. */
export function steppedValue(parameter: StudioParameter, value: number, direction: 1 | -1): number {
  let next: number;
  if (parameter.logarithmic) {
    const ratio = Math.pow(parameter.high / parameter.low, 1 / STEPS_ACROSS);
    // From zero a ratio goes nowhere: the first step up lands on the range's low end.
    next = value <= 0 ? (direction > 0 ? parameter.low : value) : direction > 0 ? value * ratio : value / ratio;
  } else {
    next = value + (direction * (parameter.high - parameter.low)) / STEPS_ACROSS;
  }
  return Number(Math.min(parameter.max, Math.max(parameter.min, next)).toPrecision(6));
}

function lowerBound(node: ReturnType<typeof schemaAt>): number {
  if (typeof node?.minimum === 'number') return node.minimum;
  // Exclusive: the smallest positive step above it that still reads as a number.
  if (typeof node?.exclusiveMinimum === 'number') return node.exclusiveMinimum + 1e-9;
  return Number.NEGATIVE_INFINITY;
}

/**
 * The unit a schema description ends with, in parentheses: "(yuan)", "(share, 0-1)", "(orders
 * per viewer-minute)"; a closing remark in parentheses ("(food in China: about 0.5)") is not one.
 */
function unitOf(description: string): string {
  const unit = /\(([^()]*)\)\s*$/.exec(description)?.[1]?.replace(/, 0-1$/, '') ?? '';
  return unit.length <= 30 && !/[:\d]/.test(unit) ? unit : '';
}
