/**
 * The one walk over a scenario that finds its prior-bounded fields: it follows the scenario
 * schema and the scenario's values together, and wherever a field carries prior rules
 * (src/scenario/prior-rules.ts) it applies them. Paths come from the walk, so no list of
 * parameter paths is written anywhere; fields come in the schema's order.
 */
import type { z } from 'zod';
import { isPlainObject } from '../../scenario/plain-object.js';
import { priorRules, type PriorCondition, type PriorRule } from '../../scenario/prior-rules.js';
import { scenarioSchema, type Product, type Scenario } from '../../scenario/schema.js';
import { FARM_GATE_SHARE, FRESH_CATEGORIES, PRICE_PRIORS, type PriorId } from './prior-table.js';

/**
 * A field of the scenario that a public prior bounds: the one walk over a scenario that both
 * checkPriors (is it inside?) and the sensitivity and uncertainty designs (vary it across it) read.
 */
export interface PriorField {
  /** Dotted path naming list items by id, as --set and --param do. */
  readonly idPath: string;
  /** Dotted path naming list items by position, as validation messages do. */
  readonly indexPath: string;
  /** The value on the prior's scale (a price per jin, a share of the price). */
  readonly value: number;
  readonly prior: PriorId | readonly [number, number];
  /** What the prior bounds, when the prior has no name of its own. */
  readonly what?: string;
  /** Whether the designs vary the field across its prior; `scale` turns the prior into the field's own unit. */
  readonly varied: boolean;
  readonly scale?: number;
  /** Where a varied field's range comes from, when not from a named prior. */
  readonly source?: string;
}

/** Where the walk is: both spellings of the path, and the list item the field belongs to. */
interface Place {
  /** Names list items by id (or position when they have none), as --set does. */
  readonly idPath: string;
  /** Names list items by position, as validation messages do. */
  readonly indexPath: string;
  /** The outermost list item around the field: the anchor, product, store... it belongs to. */
  readonly owner: Record<string, unknown> | undefined;
}

/** Every prior-bounded field of the scenario, in the schema's order. */
export function priorFields(scenario: Scenario): PriorField[] {
  const fields: PriorField[] = [];
  walk(scenarioSchema, scenario, { idPath: '', indexPath: '', owner: undefined }, fields);
  return fields;
}

function walk(schema: z.core.$ZodType, value: unknown, place: Place, fields: PriorField[]): void {
  for (let node: z.core.$ZodType | undefined = schema; node; node = unwrapped(node)) {
    const rules = priorRules.get(node as z.ZodType)?.rules;
    if (rules && typeof value === 'number') for (const rule of rules) applyRule(rule, value, place, fields);
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object' && isPlainObject(value)) {
      for (const [key, field] of Object.entries(def.shape as Record<string, z.core.$ZodType>)) {
        walk(field, value[key], { ...place, idPath: join(place.idPath, key), indexPath: join(place.indexPath, key) }, fields);
      }
    } else if (def.type === 'array' && Array.isArray(value)) {
      value.forEach((item: unknown, index) => {
        const name = isPlainObject(item) && typeof item.id === 'string' ? item.id : String(index);
        const owner = place.owner ?? (isPlainObject(item) ? item : undefined);
        walk(def.element as z.core.$ZodType, item, { idPath: join(place.idPath, name), indexPath: join(place.indexPath, String(index)), owner }, fields);
      });
    } else if (def.type === 'union' && isPlainObject(value)) {
      const branch = (def.options as z.core.$ZodType[]).find((option) => option._zod.propValues?.kind?.has(value.kind as string));
      if (branch) walk(branch, value, place, fields);
    }
  }
}

/** The schema inside a wrapper (optional, default, prefault, nullable...), or undefined at the core. */
function unwrapped(node: z.core.$ZodType): z.core.$ZodType | undefined {
  const def = node._zod.def as unknown as { innerType?: z.core.$ZodType };
  return def.innerType;
}

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

function applyRule(rule: PriorRule, value: number, place: Place, fields: PriorField[]): void {
  const { idPath, indexPath, owner } = place;
  const add = (field: Omit<PriorField, 'idPath' | 'indexPath' | 'varied'> & { varied?: boolean }) => fields.push({ idPath, indexPath, varied: true, ...field });
  switch (rule.kind) {
    case 'named':
      if (holds(rule.when, value, owner)) add({ value, prior: rule.prior as PriorField['prior'] });
      return;
    case 'range':
      if (holds(rule.when, value, owner)) add({ value, prior: rule.range, what: rule.what, varied: false });
      return;
    case 'spoilage':
      add({ value, prior: FRESH_CATEGORIES.includes(category(owner)) ? 'spoilage.fresh' : 'spoilage.dry' });
      return;
    case 'per-jin': {
      const prices = PRICE_PRIORS[category(owner)];
      const jin = owner?.unitWeightJin;
      if (!prices || typeof jin !== 'number') return;
      const what = `${category(owner)} ${rule.what} per jin`;
      if (!rule.varied) add({ value: value / jin, prior: prices[rule.table], what, varied: false });
      else add({ value: value / jin, prior: prices[rule.table], what, scale: jin, source: `price prior (${rule.table === 'retail' ? 'retail' : 'farm gate'}, per jin)` });
      return;
    }
    case 'farm-gate-share': {
      const share = FARM_GATE_SHARE[category(owner)];
      if (share) add({ value: value / (owner!.price as number), prior: share, what: `farm-gate share of the price (${category(owner)})`, varied: false });
      return;
    }
  }
}

const category = (owner: Place['owner']) => owner?.category as Product['category'];

function holds(condition: PriorCondition | undefined, value: number, owner: Place['owner']): boolean {
  const anchor = owner as Scenario['anchors'][number] | undefined;
  switch (condition) {
    case undefined:
      return true;
    case 'positive':
      return value > 0;
    case 'sells-commercially':
      return anchor?.kind === 'celebrity' && anchor.broadcasts.some((series) => !series.welfare);
    case 'broadcasts-for-welfare':
      return anchor?.broadcasts.some((series) => series.welfare) ?? false;
    case 'anchor-class':
      return anchor?.population !== undefined;
    case 'cold-chain':
      return (owner as Product | undefined)?.logistics.coldChain === true;
  }
}
