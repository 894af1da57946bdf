/**
 * The scenario schema: one source of truth for validation, TypeScript types, defaults and the
 * checked-in `scenarios/scenario.schema.json` (a test fails when they drift).
 */
import { z } from 'zod';
import { count, date, duration, id, monthDay, nonNegative, positive, reference, share, spread, timeOfDay, yuan } from './fields.js';
import { checkReferences } from './references.js';

const dwell = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('exponential'),
      mean: duration('Mean time a viewer stays'),
    }),
    z.strictObject({
      kind: z.literal('lognormal'),
      median: duration('Median time a viewer stays'),
      sigma: z.number().positive().max(3).describe('Standard deviation of the log of the dwell time'),
    }),
  ])
  .describe('How long a viewer watches before leaving');

const unitsPerOrder = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fixed'), units: z.number().int().min(1).describe('Units in every order') }),
    z.strictObject({
      kind: z.literal('shifted-poisson'),
      mean: z.number().min(1).max(20).describe('Mean units per order; an order is 1 + Poisson(mean - 1) units'),
    }),
  ])
  .describe('Units bought in one order');

const behaviour = z
  .strictObject({
    dwell: dwell.prefault({ kind: 'exponential', mean: '8m' }),
    purchaseRate: nonNegative(
      'Purchase hazard per viewer-minute while a product is on screen, at its reference price, for an anchor of skill 1 and no social proof (orders per viewer-minute)',
    ).default(0.002),
    priceElasticity: nonNegative(
      'How the purchase hazard falls with price: hazard scales with (price paid / reference price)^-elasticity',
    ).default(1),
    socialProof: z
      .strictObject({
        strength: nonNegative('Largest relative lift of the purchase hazard from recent sales (0.4 = +40%)').default(0.4),
        halfSaturation: positive('Recent orders at which half of the lift is reached (orders)').default(20),
        window: duration('Time constant of the decaying count of recent orders').default('10m'),
      })
      .prefault({})
      .describe('Recent sales shown on screen raise the purchase hazard: lift = strength * r / (r + halfSaturation)'),
    unitsPerOrder: unitsPerOrder.prefault({ kind: 'shifted-poisson', mean: 1.3 }),
  })
  .describe('How viewers behave; shared by all broadcasts');

const platform = z
  .strictObject({
    id: id('platform'),
    name: z.string().optional().describe('Display name'),
    feeRate: share('Commission or technical fee the platform takes of settled sales').default(0),
    paymentFeeRate: share('Payment processing fee on settled sales').default(0.006),
    welfare: z
      .strictObject({
        feeWaiver: z.boolean().default(true).describe('Public-welfare broadcasts pay no platform fee (the payment fee still applies)'),
        trafficBoost: nonNegative('Multiplier on recommended traffic for public-welfare broadcasts').default(1),
      })
      .prefault({})
      .describe('What the platform gives public-welfare broadcasts'),
  })
  .describe('A live-commerce platform');

const schedule = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('dates'),
      dates: z.array(date('Start of a broadcast')).min(1).describe('Explicit start times'),
    }),
    z.strictObject({
      kind: z.literal('cadence'),
      every: duration('Time between broadcasts'),
      at: timeOfDay('Start time of day of the first broadcast').default('20:00'),
      from: date('First day of the series (default: the scenario start)').optional(),
      until: date('No broadcast starts after this (default: the scenario end)').optional(),
    }),
    z.strictObject({
      kind: z.literal('rate'),
      perDay: nonNegative('Expected broadcasts per day (a Poisson process)'),
      between: z
        .tuple([timeOfDay('Earliest start'), timeOfDay('Latest start')])
        .default(['19:00', '22:00'])
        .describe('Start times are uniform within this window of the day'),
      from: date('First day of the series (default: the scenario start)').optional(),
      until: date('No broadcast starts after this (default: the scenario end)').optional(),
    }),
  ])
  .describe('When the broadcasts happen: explicit dates, a fixed cadence, or a random rate');

const lineupSlot = z.strictObject({
  product: reference('product'),
  slot: duration('Time the product stays on screen before the next one'),
});

const broadcastSeries = z
  .strictObject({
    id: id('broadcast series').optional(),
    schedule,
    duration: duration('Length of each broadcast'),
    welfare: z.boolean().default(false).describe('Public-welfare broadcast: welfare commission, fee waiver, traffic boost, welfare discount'),
    lineup: z.array(lineupSlot).min(1).describe('Products shown in turn, cycling through the broadcast'),
    audience: z
      .strictObject({
        rampUp: duration('Arrivals rise linearly from 20% to their peak over this time').default('10m'),
        halfLife: z
          .union([z.literal('none'), duration('')])
          .default('none')
          .describe('After the ramp-up, the arrival rate halves every this long (none = stays at its peak)'),
        variability: nonNegative('Night-to-night spread of audience size: sigma of a lognormal factor with median 1').default(0.3),
      })
      .prefault({})
      .describe('Shape of viewer arrivals over a broadcast (a non-homogeneous Poisson process)'),
  })
  .describe('A series of broadcasts by one anchor');

const anchor = z
  .strictObject({
    id: id('anchor'),
    name: z.string().optional().describe('Display name'),
    kind: z.enum(['celebrity', 'peasant', 'shop-owner']).describe('What sort of anchor'),
    platform: reference('platform'),
    followers: count('Followers at the start (people)'),
    tuneInShare: share('Share of followers who watch a given broadcast'),
    recommendedTraffic: nonNegative('Views per broadcast the platform sends from its recommendation feed (views)').default(0),
    skill: positive('Selling skill: multiplies the purchase hazard (1 = typical)').default(1),
    followGain: share('Share of viewers arriving from the feed who start following').default(0.01),
    commission: z
      .strictObject({
        rate: share('Commission on settled sales in commercial broadcasts').default(0),
        slotFee: yuan('Fixed fee per commercial broadcast').default(0),
        welfareRate: share('Commission on settled sales in public-welfare broadcasts').default(0),
        welfareSlotFee: yuan('Fixed fee per public-welfare broadcast').default(0),
      })
      .prefault({})
      .describe('What the anchor is paid; slot fees are split across the products sold in the broadcast'),
    broadcasts: z.array(broadcastSeries).min(1).describe('The broadcast series this anchor runs'),
  })
  .describe('A live-stream anchor');

const product = z
  .strictObject({
    id: id('product'),
    name: z.string().optional().describe('Display name'),
    unit: z.string().default('unit').describe('What one unit is, e.g. "5-jin box"'),
    unitWeightJin: positive('Weight of one unit (jin, 0.5 kg)').optional(),
    price: positive('Retail price per unit (yuan)'),
    referencePrice: positive('Price viewers compare against; default: the retail price (yuan)').optional(),
    welfareDiscount: share('Discount off the retail price in public-welfare broadcasts').default(0),
    farmGatePrice: yuan('What a farmer gets per unit selling through the usual wholesale channel; the baseline e-commerce gains are measured against'),
    processingCost: yuan('Processing and packing cost per unit (e.g. making pear paste)').default(0),
    logistics: z
      .strictObject({
        perParcel: yuan('Express delivery cost per order').default(11),
        coldChain: z.boolean().default(false).describe('Ship by cold chain'),
        coldChainMarkup: nonNegative('Extra cost of cold chain over ordinary express (0.5 = +50%)').default(0.5),
      })
      .prefault({})
      .describe('Shipping'),
    spoilage: share('Share of shipped units that spoil in transit and are refunded').default(0),
    claimRate: share('Share of orders refunded after a defect or quality claim').default(0),
    seller: z.string().default('farmers').describe('Who sells online: "farmers" (their cooperative keeps the proceeds) or the id of a shop'),
    season: z
      .strictObject({
        from: monthDay('First day of the harvest window'),
        to: monthDay('Last day of the harvest window'),
      })
      .optional()
      .describe('Harvest window, repeating every year; capacity is renewed at its start. Absent: sold all year, capacity renewed on 1 January'),
    allocation: z
      .enum(['proportional', 'equal', 'poorest-first'])
      .default('proportional')
      .describe('How units sold are allocated to supplying households: proportional to remaining capacity, equal shares, or poorest households first'),
  })
  .describe('A farm product');

const farmerGroup = z
  .strictObject({
    id: id('farmer group'),
    name: z.string().optional().describe('Display name'),
    households: z.number().int().min(1).describe('Number of households in the group'),
    persons: z.number().min(1).max(12).default(3.5).describe('Mean persons per household (each household is 1 + Poisson(persons - 1))'),
    baselineIncome: spread('Income per person per year without e-commerce (yuan)'),
    produces: z
      .array(
        z.strictObject({
          product: reference('product'),
          capacity: spread('Units each household can supply per season (units)'),
        }),
      )
      .min(1)
      .describe('What the households grow or make, and how much'),
  })
  .describe('A group of farmer households (a village or cooperative)');

const shop = z
  .strictObject({
    id: id('shop'),
    name: z.string().optional().describe('Display name'),
    contractPrices: z
      .record(z.string(), positive('Price per unit'))
      .describe('Price per unit the shop pays farmers, by product id (yuan)'),
  })
  .describe('A shop or intermediary that buys from farmers at a contract price and sells online, keeping the margin');

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editor completion'),
    name: z.string().min(1).default('scenario').describe('Scenario name (default: the file name)'),
    description: z.string().default('').describe('One line saying what the scenario models'),
    extends: z.string().optional().describe('A preset name or a path: start from that scenario and override it'),
    start: date('Start of the simulated period'),
    end: date('End of the simulated period (exclusive)'),
    seed: z.number().int().min(0).default(1).describe('Root random seed (the command line --seed overrides it)'),
    fidelity: z
      .enum(['agent', 'cohort'])
      .default('agent')
      .describe('agent: every viewer is an entity; cohort: counts drawn per time step (same parameters, for big scenarios)'),
    cohortStep: duration('Time step of cohort fidelity').default('1m'),
    snapshotEvery: z
      .union([z.literal('auto'), duration('')])
      .default('auto')
      .describe('Simulated time between snapshots for the dashboard (auto: about 1,000 per run)'),
    povertyLine: positive('Poverty line (yuan per person per year)').default(4000),
    behaviour: behaviour.prefault({}),
    platforms: z.array(platform).min(1).describe('The platforms the anchors broadcast on'),
    anchors: z.array(anchor).min(1).describe('The anchors and their broadcasts'),
    products: z.array(product).min(1).describe('The farm products on sale'),
    farmers: z.array(farmerGroup).min(1).describe('Farmer households supplying the products'),
    shops: z.array(shop).default([]).describe('Shops and intermediaries (products name one as their seller)'),
  })
  .superRefine(checkReferences);

export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Platform = Scenario['platforms'][number];
export type Anchor = Scenario['anchors'][number];
export type BroadcastSeries = Anchor['broadcasts'][number];
export type Product = Scenario['products'][number];
export type FarmerGroup = Scenario['farmers'][number];
export type Shop = Scenario['shops'][number];
export type Behaviour = Scenario['behaviour'];
