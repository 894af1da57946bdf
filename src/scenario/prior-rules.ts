/**
 * Which public prior bounds a scenario field, attached to the field in the schema itself (a zod
 * metadata registry, read by src/experiment/evidence/prior-walk.ts): the schema is the one list
 * of fields, so no list of parameter paths is written out anywhere else (issue 20). A registry of
 * its own rather than `.meta()`'s global one, so that the rules stay out of the published JSON
 * Schema. The priors' numbers and sources are in src/experiment/evidence/prior-table.ts.
 */
import { z } from 'zod';

/** When a rule applies, read off the entity the field belongs to (the outermost list item: an anchor, a product...). */
export type PriorCondition =
  /** A celebrity who runs commercial broadcasts (farmers selling their own take no commission). */
  | 'sells-commercially'
  /** An anchor who runs public-welfare broadcasts. */
  | 'broadcasts-for-welfare'
  /** A class of anchors (rate schedules of single anchors are a scenario's choice). */
  | 'anchor-class'
  /** A product shipped by cold chain. */
  | 'cold-chain'
  /** The field is above zero (an adoption rate of zero switches the mechanism off). */
  | 'positive';

export type PriorRule =
  /** A named prior (an id of PRIORS). */
  | { readonly kind: 'named'; readonly prior: string; readonly when?: PriorCondition }
  /** A fixed range of its own, checked and never varied. */
  | { readonly kind: 'range'; readonly range: readonly [number, number]; readonly what: string; readonly when?: PriorCondition }
  /** Spoilage: the fresh or the dry prior, by the product's category. */
  | { readonly kind: 'spoilage' }
  /** A price per jin against the category's retail or farm-gate price prior (products with a unit weight). */
  | { readonly kind: 'per-jin'; readonly table: 'retail' | 'farmGate'; readonly what: string; readonly varied: boolean }
  /** The farm-gate price as a share of the retail price, against the category's prior; checked, never varied. */
  | { readonly kind: 'farm-gate-share' };

export const priorRules = z.registry<{ readonly rules: readonly PriorRule[] }>();

/** `schema`, bounded by `rules` (each a prior id, or a rule). Place last in a field's chain: `.describe()` and wrappers make new schemas. */
export function bounded<T extends z.ZodType>(schema: T, ...rules: readonly (string | PriorRule)[]): T {
  priorRules.add(schema as z.ZodType, { rules: rules.map((rule): PriorRule => (typeof rule === 'string' ? { kind: 'named', prior: rule } : rule)) });
  return schema;
}
