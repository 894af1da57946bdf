/**
 * Shocks on a timeline: a date range (or, for a promotion, days that recur every year) and what
 * changes in it — a platform's traffic, how often classes of anchors go live, the demand for
 * some products, their logistics (how many
 * orders can ship, at what parcel cost, with how much extra spoilage) or their supply (a share of
 * the stock lost on the first day). Scopes name platforms or products and product categories;
 * none means all. Overlaps, dates outside the run and unknown names are refused with the others'
 * reference checks (references.ts).
 */
import { z } from 'zod';
import { date, id, monthDay, positive, reference, share } from './fields.js';

/** Product categories, declared once: the schema's `category` and a shock's scope both read it. */
export const PRODUCT_CATEGORIES = ['navel-orange', 'apple', 'millet', 'black-fungus', 'fresh-shiitake', 'honey', 'fresh-fruit', 'processed', 'other'] as const;

/** The most a multiplier may be: a shock, not a new world. */
const MAX_MULTIPLIER = 100;

const multiplier = (description: string) => positive(description).max(MAX_MULTIPLIER);

const dated = {
  id: id('shock'),
  from: date('First day of the shock'),
  to: date('Last day of the shock (inclusive)'),
  source: z.string().optional().describe('Where the figures come from'),
};

const platformScope = {
  platforms: z.array(reference('platform')).default([]).describe('Platforms it affects (none listed: all)'),
};

const productScope = {
  products: z.array(reference('product')).default([]).describe('Products it affects'),
  categories: z.array(z.enum(PRODUCT_CATEGORIES)).default([]).describe('Product categories it affects (with `products`: either; neither listed: all products)'),
};

export const shock = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('traffic'),
      ...dated,
      ...platformScope,
      multiplier: multiplier("Multiplies the platform's broadcast views and store visits"),
    }),
    z.strictObject({
      kind: z.literal('broadcasts'),
      ...dated,
      anchors: z.array(reference('anchor')).default([]).describe('Anchor classes it affects (none listed: all)'),
      multiplier: multiplier("Multiplies the daily rate of anchor classes' rate-scheduled broadcasts (farmers going live more, or less)"),
    }),
    z.strictObject({
      kind: z.literal('demand'),
      ...dated,
      ...productScope,
      multiplier: multiplier('Multiplies purchase hazards in broadcasts and store conversions for the products'),
    }),
    z.strictObject({
      kind: z.literal('logistics'),
      ...dated,
      ...productScope,
      capacity: share('Share of orders that can ship; the rest are lost demand').default(1),
      costMultiplier: multiplier('Multiplies the parcel cost (the sellers bear it: prices do not move within a shock)').default(1),
      spoilage: share('Extra share of shipped units spoiled by delays in transit').default(0),
    }),
    z.strictObject({
      kind: z.literal('supply'),
      ...dated,
      ...productScope,
      loss: share("Share of the products' online stock lost on the shock's first day (roads closed, a frost)"),
    }),
    z.strictObject({
      kind: z.literal('promotion'),
      id: id('shock'),
      on: z.array(monthDay('A day of the promotion, every year')).min(1).describe('Its days (Double 11: 11-11; 618: 06-18)'),
      ...platformScope,
      traffic: multiplier("Multiplies the platform's broadcast views and store visits on those days").default(1),
      demand: multiplier('Multiplies purchase hazards and store conversions on those days').default(1),
      source: z.string().optional().describe('Where the figures come from'),
    }),
  ])
  .describe('A shock: traffic, demand, logistics or supply over dates, or a promotion on days that recur every year');

export type Shock = z.output<typeof shock>;
