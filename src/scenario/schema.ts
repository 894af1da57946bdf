/**
 * The scenario schema: one source of truth for validation, TypeScript types, defaults and the
 * checked-in `scenarios/scenario.schema.json` (a test fails when they drift).
 */
import { z } from 'zod';
import { count, date, duration, id, monthDay, nonNegative, positive, reference, share, spread, timeOfDay, yuan } from './fields.js';
import { checkReferences } from './references.js';
import { bounded } from './prior-rules.js';
import { PRODUCT_CATEGORIES, shock } from './shock-schema.js';

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
    z.strictObject({ kind: z.literal('fixed'), units: z.number().int().min(1).max(1000).describe('Units in every order') }),
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
    )
      // A viewer buying every minute is already beyond any market; more would only flood the engine.
      .max(1)
      .default(0.002),
    priceElasticity: nonNegative(
      'How the purchase hazard falls with price: hazard scales with (price paid / reference price)^-elasticity',
    ).default(1),
    socialProof: z
      .strictObject({
        strength: nonNegative('Largest relative lift of the purchase hazard from recent sales (0.4 = +40%)').max(10).default(0.4),
        halfSaturation: positive('Recent orders at which half of the lift is reached (orders)').default(20),
        window: duration('Time constant of the decaying count of recent orders').default('10m'),
      })
      .prefault({})
      .describe('Recent sales shown on screen raise the purchase hazard: lift = strength * r / (r + halfSaturation)'),
    unitsPerOrder: unitsPerOrder.prefault({ kind: 'shifted-poisson', mean: 1.3 }),
    yearlyDemandNoise: nonNegative(
      'Year-to-year spread of the demand for farm products online: sigma of a mean-1 lognormal factor drawn for each calendar year, on every purchase hazard and store conversion',
    )
      .max(3)
      .default(0),
    farmVisitsGrowthHalfLife: positive(
      'Years over which the yearly growth of farm-product visits halves, as buying farm produce online matures (absent: it never slows)',
    )
      .max(1000)
      .optional(),
    farmVisitsGrowthPerYear: nonNegative(
      "Yearly growth of the visits a platform's shopper pays farm products (farm produce gaining a share of online shopping); used by platforms with a `market`",
    ).default(0),
  })
  .describe('How viewers behave; shared by all broadcasts');

/** A Bass diffusion with churn: how a population (anchors, stores, supplier households) grows. */
const adoption = (who: string) =>
  z
    .strictObject({
      initial: count(`${who} active at the start`),
      innovation: bounded(share(`Bass p: yearly rate at which ${who} who have not yet started do so on their own`).default(0), { kind: 'named', prior: 'bass.p', when: 'positive' }),
      imitation: bounded(nonNegative(`Bass q: yearly rate of starting by imitation, times the share of the potential already active`).default(0), { kind: 'named', prior: 'bass.q', when: 'positive' }),
      churnPerYear: nonNegative(`Yearly rate at which active ${who} stop`).default(0),
    })
    .describe(`How the number of ${who} grows: a Bass diffusion (f/(1-F) = p + qF, per year, drawn daily) with churn`);

const month = (description: string) =>
  z.string().regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, { message: 'expected a month like 2019-07' }).describe(description);

/** On a broadcast series and on a store alike. */
const subsidised = z
  .boolean()
  .default(false)
  .describe('A subsidised welfare sale: products are offered even when the seller keeps less per unit than the farm-gate price (someone covers the loss)');

const tags = z.array(z.string().min(1)).default([]).describe('Groups this one counts toward; timeseries.csv gets a `gmv:<tag>` column for each tag');

const platform = z
  .strictObject({
    id: id('platform'),
    name: z.string().optional().describe('Display name'),
    feeRate: bounded(share('Commission or technical fee the platform takes of settled sales').default(0), 'platform.fee'),
    trafficNoise: nonNegative("Day-to-day spread of the platform's traffic: sigma of a mean-1 lognormal factor drawn each day, on its broadcasts' views and its stores' visits")
      .max(3)
      .default(0),
    paymentFeeRate: bounded(share('Payment processing fee on settled sales').default(0.006), 'platform.payment'),
    welfare: z
      .strictObject({
        feeWaiver: z.boolean().default(true).describe('Public-welfare broadcasts pay no platform fee (the payment fee still applies)'),
        trafficBoost: nonNegative('Multiplier on recommended traffic for public-welfare broadcasts').max(1000).default(1),
      })
      .prefault({})
      .describe('What the platform gives public-welfare broadcasts'),
    market: z
      .strictObject({
        shoppers: z
          .array(z.strictObject({ date: date('When the figure holds'), people: count('People buying on the platform (people)') }))
          .min(1)
          .describe('The platform\'s shoppers over time (a public series), linear between the dates and flat outside them'),
        visitsPerShopper: nonNegative('Visits a shopper pays farm-product stores and broadcasts a day (visits per person per day)').max(1000),
      })
      .optional()
      .describe(
        'One market for farm products on this platform: its stores and anchors share a pool of visits (shoppers x visits per shopper); each gets pool / (pool + their total pull) of what it pulls. Absent: the default pool, China\'s online shoppers (CNNIC) paying farm products half a visit a day',
      ),
    niches: z
      .array(
        z.strictObject({
          id: id('niche'),
          name: z.string().optional().describe('Display name'),
          viewsPerDay: z
            .union([
              count('Feed views a day the niche\'s audience gives its live rooms (views)').max(10_000_000_000),
              z
                .array(z.strictObject({ date: date('When the figure holds'), views: count('Feed views a day (views)').max(10_000_000_000) }))
                .min(1)
                .describe('The pool over time, linear between the dates and flat outside them'),
            ])
            .describe('The niche\'s pool of feed views a day: a number, or a series of dated figures'),
        }),
      )
      .default([])
      .describe(
        "Audiences inside the platform's market that only some anchors reach (the viewers who look for one county's produce, the farm live rooms): the anchors that declare a niche share its pool, each getting pool / (pool + their planned pull of the day) of its feed pull",
      ),
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
      perDay: bounded(nonNegative('Expected broadcasts per day (a Poisson process)').max(100), { kind: 'named', prior: 'smallAnchor.broadcastsPerDay', when: 'anchor-class' }),
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
    subsidised,
    lineup: z.array(lineupSlot).min(1).describe('Products shown in turn, cycling through the broadcast'),
    salesVariability: nonNegative(
      'Broadcast-to-broadcast spread of how well a broadcast sells per viewer (the pitch, the product, the night): sigma of a lognormal factor with mean 1 on its purchase hazard',
    )
      .max(3)
      .default(0),
    audience: z
      .strictObject({
        rampUp: duration('Arrivals rise linearly from 20% to their peak over this time', { allowZero: true }).default('10m'),
        halfLife: z
          .union([z.literal('none'), duration('')])
          .default('none')
          .describe('After the ramp-up, the arrival rate halves every this long (none = stays at its peak)'),
        variability: nonNegative('Night-to-night spread of audience size: sigma of a lognormal factor with median 1').default(0.3),
        breakout: z
          .strictObject({
            chance: share('Chance that a broadcast breaks out: promoted by the platform, a festival night, or gone viral'),
            multiplier: spread('How many times its usual audience a breakout draws (a number, or a lognormal median and sigma)', 1000),
          })
          .optional()
          .describe('Rare nights with many times the usual audience: the heavy tail of audience sizes'),
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
    followers: z
      .union([
        count('Followers at the start (people)').max(10_000_000_000),
        z
          .array(z.strictObject({ date: date('When the count was published'), followers: count('Followers then (people)').max(10_000_000_000) }))
          .min(1)
          .describe(
            'A following that grows outside the simulated broadcasts (an anchor\'s regular shows): dated public counts, linear between the dates and flat outside them; followers gained in the simulated broadcasts add to it',
          ),
      ])
      .describe('Followers at the start (people), or a series of dated counts'),
    tuneInShare: share('Share of followers who watch a given broadcast'),
    niche: z
      .string()
      .optional()
      .describe("A niche of the anchor's platform (`platforms[].niches`) whose pool its feed traffic shares with the other anchors in it. Absent: the platform's market only"),
    recommendedTraffic: nonNegative('Views per broadcast the platform sends from its recommendation feed (views)').max(10_000_000_000).default(0),
    skill: positive('Selling skill: multiplies the purchase hazard (1 = typical)').max(100).default(1),
    followGain: share('Share of viewers arriving from the feed who start following').default(0.01),
    commission: z
      .strictObject({
        rate: bounded(share('Commission on settled sales in commercial broadcasts').default(0), { kind: 'named', prior: 'commission.commercial', when: 'sells-commercially' }),
        slotFee: yuan('Fixed fee per commercial broadcast').default(0),
        welfareRate: bounded(share('Commission on settled sales in public-welfare broadcasts').default(0), { kind: 'named', prior: 'commission.welfare', when: 'broadcasts-for-welfare' }),
        welfareSlotFee: bounded(yuan('Fixed fee per public-welfare broadcast').default(0), { kind: 'range', range: [0, 0], what: 'welfare slot fees (none)', when: 'broadcasts-for-welfare' }),
      })
      .prefault({})
      .describe('What the anchor is paid; slot fees are split across the products sold in the broadcast'),
    broadcasts: z.array(broadcastSeries).min(1).describe('The broadcast series this anchor runs'),
    tags,
    population: adoption('anchors')
      .extend({
        potential: count('Everyone who could become such an anchor (the Bass market potential M)'),
        batches: z.number().int().min(1).max(24).default(4).describe('Broadcasts of a day are simulated in this many batches, by start time'),
      })
      .optional()
      .describe(
        'Makes this entry a class of identical anchors whose number grows by adoption; followers, rates and schedules are per anchor. A day\'s broadcasts are simulated together in batches (cohort fidelity recommended)',
      ),
  })
  .describe('A live-stream anchor, or a class of identical anchors');

const product = z
  .strictObject({
    id: id('product'),
    name: z.string().optional().describe('Display name'),
    unit: z.string().default('unit').describe('What one unit is, e.g. "5-jin box"'),
    unitWeightJin: positive('Weight of one unit (jin, 0.5 kg)').optional(),
    category: z
      .enum(PRODUCT_CATEGORIES)
      .default('other')
      .describe('What kind of product, for checking prices against the priors (per-jin prices need unitWeightJin)'),
    price: bounded(positive('Retail price per unit (yuan)').max(1_000_000), { kind: 'per-jin', table: 'retail', what: 'retail price', varied: false }),
    referencePrice: bounded(
      z
        .number()
        .positive()
        .max(1_000_000)
        .describe(
          'The market reference price: what the same produce ordinarily sells for online (yuan per unit, from the price priors). Demand responds to the price paid relative to it',
        ),
      { kind: 'per-jin', table: 'retail', what: 'online price', varied: true },
    ),
    welfareDiscount: share('Discount off the retail price in public-welfare broadcasts').default(0),
    farmGatePrice: bounded(yuan('What a farmer gets per unit selling through the usual wholesale channel; the baseline e-commerce gains are measured against'), { kind: 'per-jin', table: 'farmGate', what: 'farm-gate price', varied: true }, { kind: 'farm-gate-share' }),
    processingCost: yuan('Processing and packing cost per unit (e.g. making pear paste)').default(0),
    logistics: z
      .strictObject({
        perParcel: bounded(yuan('Express delivery cost per order').default(11), 'logistics.parcel'),
        coldChain: z.boolean().default(false).describe('Ship by cold chain'),
        coldChainMarkup: bounded(nonNegative('Extra cost of cold chain over ordinary express (0.5 = +50%)').max(100).default(0.5), { kind: 'named', prior: 'logistics.coldChainMarkup', when: 'cold-chain' }),
      })
      .prefault({})
      .describe('Shipping'),
    spoilage: bounded(share('Share of shipped units that spoil in transit and are refunded').default(0), { kind: 'spoilage' }),
    claimRate: bounded(share('Share of orders refunded after a defect or quality claim').default(0), 'claimRate'),
    seller: z
      .string()
      .default('farmers')
      .describe(
        'Who sells online: "farmers" (their cooperative, buying from members at the farm-gate price) or the id of a shop (buying at its contract price). The seller keeps the margin',
      ),
    profitShare: share(
      "Share of the seller's positive margin paid back to the supplying households, beyond the price it buys at (a cooperative's dividend, a stated premium)",
    ).default(0),
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
    pricing: z
      .discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('fixed').describe('The stated price on every channel, whatever it costs to sell there') }),
        z.strictObject({
          kind: z.literal('cost-plus').describe('The seller passes a share of what a channel costs it on to the price'),
          passThrough: bounded(share('Share of a change in the cost of selling a unit passed on to the price (1 keeps the margin per unit; retail food: about 0.3-0.8)').default(0.5), 'pricing.passThrough'),
          referenceCost: yuan(
            'What selling one unit cost the seller when it set `price`: purchase price + processing + a parcel / units per order + the share of the price lost to claims, spoilage, fees and commission, per unit',
          ),
        }),
      ])
      .prefault({ kind: 'fixed' })
      .describe(
        'How the seller sets its retail price on a channel: fixed, or cost-plus so that fees, commissions, logistics, cold chain and spoilage reach the price (and, through the price elasticity, demand). The welfare discount applies after either',
      ),
    offline: z
      .strictObject({
        demandElasticity: bounded(positive('Absolute price elasticity of demand for the produce in the market the county sells into (food in China: about 0.5, fruit 0.3-0.9)').max(10).default(0.5), 'offline.demandElasticity'),
        marketShare: bounded(
          share(
            "The county's share of the supply reaching that market: the county's offline price responds to its own quantity with elasticity demandElasticity / marketShare (1: an isolated local market)",
          )
            .min(0.001)
            .default(0.05),
          'offline.marketShare',
        ),
        referenceQuantity: count(
          'Units a season the local market takes at the farm-gate price. Default: the whole harvest of the households who grow it (no glut without live commerce)',
        ).optional(),
        diversion: bounded(
          share(
            'Share of units sold online whose buyers would otherwise have bought them offline from this same market: their demand leaves it (national scale: most of it; one county selling nationally: about its market share)',
          ).default(0),
          'offline.diversion',
        ),
        floorShare: bounded(share('Share of the farm-gate price below which picking and hauling do not pay: what the market will not take at that price goes unsold').default(0.15), 'offline.floorShare'),
        unsold: z
          .enum(['wasted', 'carried'])
          .default('wasted')
          .describe('What becomes of units neither channel takes: perishables are wasted, dry goods are carried over to the next season'),
      })
      .prefault({})
      .describe(
        "The offline channel (local traders, a wholesale market): its price falls linearly with the quantity the county brings, through the farm-gate price at the reference quantity; households sell there what does not sell online, and the run's counterfactual sells the whole harvest there",
      ),
  })
  .describe('A farm product');

const farmerGroup = z
  .strictObject({
    id: id('farmer group'),
    name: z.string().optional().describe('Display name'),
    households: z
      .number()
      .int()
      .min(1)
      .max(1_000_000, { message: 'at most a million simulated households: let each stand for several with `represents`' })
      .describe('Number of simulated households in the group (at most a million; `represents` scales them up)'),
    persons: z.number().min(1).max(12).default(3.5).describe('Mean persons per household (each household is 1 + Poisson(persons - 1))'),
    baselineIncome: spread('Income per person per year without e-commerce (yuan)', 10_000_000),
    produces: z
      .array(
        z.strictObject({
          product: reference('product'),
          capacity: spread('Units each (real) household can ship online per season: graded, packed and committed (units)', 1_000_000_000),
          harvest: spread(
            "Each (real) household's whole harvest of the product a season (units; area times yield). What does not sell online goes to the offline market. Default: the capacity",
            1_000_000_000,
          ).optional(),
        }),
      )
      .min(1)
      .describe('What the households grow or make, and how much'),
    represents: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .default(1)
      .describe('Real households each simulated household stands for (national scale); counts are multiplied by it, money per household divided'),
    joining: adoption('supplier households')
      .optional()
      .describe('Households join the selling network over time (potential: the whole group); absent: all supply from the start'),
    joinsOnDemand: z
      .strictObject({
        initial: count('Households in the selling network at the start'),
      })
      .optional()
      .describe(
        "Households join as the sellers need their produce: at each month's end, enough more to have filled the month's lost demand for the products they grow, at their capacity (a season's capacity spread over its months)",
      ),
    followsAnchors: z
      .strictObject({
        anchor: reference('anchor'),
        householdsPerAnchor: positive('Real households whose produce each anchor of the class sells (households)').max(10_000_000),
      })
      .optional()
      .describe(
        "Supply grows with a class of anchors: as anchors appear, their villages' households join the selling network (householdsPerAnchor for each anchor who ever started)",
      ),
  })
  .describe('A group of farmer households (a village or cooperative)');

const shop = z
  .strictObject({
    id: id('shop'),
    name: z.string().optional().describe('Display name'),
    contractPrices: z
      .record(z.string(), positive('Price per unit').max(1_000_000))
      .describe('Price per unit the shop pays farmers, by product id (yuan)'),
    staff: z
      .strictObject({
        workersFrom: reference('farmer group'),
        ordersPerWorkerMonth: bounded(positive('Orders one worker handles in a month (packing, sorting, customer service)').max(10_000_000), 'staff.ordersPerWorkerMonth'),
        wagePerMonth: yuan('Wage per worker per month, paid out of the shop\'s margin into the worker\'s household'),
        ownerShare: share("Share of each month's margin the shop's owner takes as her income before any wages are paid").default(0),
        spinOffs: z
          .strictObject({
            perWorkerYear: bounded(nonNegative('Yearly rate at which a worker opens a shop of their own'), 'staff.spinOffsPerWorkerYear'),
            store: reference('store'),
          })
          .optional()
          .describe('Workers who learn the trade open their own shops, joining a store class'),
      })
      .optional()
      .describe('The shop employs local people (one worker per household of `workersFrom`) as its orders require, reviewed monthly'),
  })
  .describe('A shop or intermediary that buys from farmers at a contract price and sells online, keeping the margin');

const store = z
  .strictObject({
    id: id('store'),
    name: z.string().optional().describe('Display name'),
    platform: reference('platform'),
    opens: date('When the listings go online (default: the scenario start)').optional(),
    products: z
      .array(z.strictObject({ product: reference('product'), share: positive('Relative share of visitors who look at it').default(1) }))
      .min(1)
      .describe('Products listed'),
    visitorsPerDay: nonNegative('Visitors a day to one store from search and the platform\'s feed (visits)').max(10_000_000),
    ranking: z
      .strictObject({
        openingVisitors: nonNegative('Visitors a day a new store gets before it has sold anything (visits)').max(10_000_000),
        halfOrders: positive('Orders over the last year at which a store gets half of the way from its opening visitors to `visitorsPerDay` (orders)').max(1e10),
      })
      .optional()
      .describe(
        'The platform ranks a store by its sales: a new store starts with openingVisitors a day, and its traffic rises toward visitorsPerDay as its orders over the last 365 days grow. Absent: visitorsPerDay from the day it opens',
      ),
    conversion: bounded(share('Share of visitors who order, at the reference price'), 'conversion'),
    loyalty: z
      .strictObject({
        retention: share('Share of first-time buyers who become repeat customers (while the market has room)').default(0),
        repeatOrdersPerYear: nonNegative('Orders a repeat customer places a year (they come back to buy)').max(1000).default(0),
        churnPerYear: nonNegative('Yearly rate at which repeat customers drift away').default(0),
        market: count(
          'Repeat customers one store can keep at most (its reachable market, people); recruitment slows as it fills. Default: a year of its visitors',
        ).optional(),
      })
      .prefault({})
      .describe('Repeat customers: first-time buyers who come back, bounded by the store\'s reachable market'),
    welfare: z.boolean().default(false).describe('Sold as public welfare (welfare price, fee waiver)'),
    subsidised,
    tags,
    population: adoption('stores')
      .extend({ potential: count('Everyone who could open such a store (the Bass market potential M)') })
      .optional()
      .describe('Makes this entry a class of identical stores whose number grows by adoption (and by spin-offs from shop staff)'),
  })
  .describe('Listings in an online store: sales outside broadcasts, from daily visitors');

const period = z
  .strictObject({ from: month('First month'), to: month('Last month (inclusive)') })
  .describe('Months of timeseries.csv, inclusive');

/** What a figure measures and how close the simulation must come: shared by targets and validation figures. */
const figureFields = {
  id: z.string().min(1).describe('Figure id (the figures and their sources: docs/sources.md)'),
  metric: z.string().min(1).describe('A timeseries.csv column, e.g. gmv, welfareBroadcasts, householdsSupplying, gmv:jd-poverty'),
  aggregate: z
    .enum(['sum', 'last', 'change', 'max', 'mean', 'per-day', 'per-broadcast', 'ratio', 'years-rising', 'products-sold'])
    .default('sum')
    .describe(
      'How the metric is read off the months of `period`: their sum, the last value, how much a day-end level grew over them (the last value minus the value at the end of the month before; 0 before the run), the largest, the mean, the sum per day, the sum per broadcast aired, the ratio of sums over `period` and `denominator`, the number of calendar years whose sum exceeds the year before, or the number of `products` with units sold (an input: the lineup sets it)',
    ),
  period: period.optional(),
  per: z
    .string()
    .optional()
    .describe(
      'For `sum` and `years-rising`: divide each sum by this day-end level at the end of its months (e.g. farmerRevenue per householdsSupplying: what a supplying household was paid)',
    ),
  denominator: period.optional().describe('For `ratio`: the months of the denominator'),
  products: z.array(reference('product')).optional().describe('For `products-sold`: the products that must sell'),
  expected: z.number().optional().describe('The figure (with `tolerance`)'),
  range: z.tuple([z.number(), z.number()]).optional().describe('Alternatively, the range the figure allows'),
  source: z.string().min(1).describe('The source figure, quoted in words, with who published it'),
};

const target = z
  .strictObject({
    ...figureFields,
    kind: z
      .enum(['reproduced', 'input'])
      .default('reproduced')
      .describe('reproduced: the mechanisms must produce it (fitted by calibrate); input: the scenario sets it (a schedule, a lineup), checked but never counted as calibration'),
    tolerance: share('Allowed relative error around `expected`').optional(),
    aim: z.number().optional().describe('Where livesim calibrate aims inside `range` (default: its middle)'),
  })
  .describe('A calibration target: passes when the 95% interval of its mean over replicates lies inside the tolerance or range');

/**
 * How a validation figure stands to what was fitted, declared before any fit: only the first
 * three are independent evidence; the others are reported apart and never counted.
 */
export const VALIDATION_RELATIONS = {
  'later-period': { independent: true, meaning: 'the quantity of a target, in months after those the targets cover' },
  'other-quantity': { independent: true, meaning: 'a quantity no target measures (another metric, platform or group)' },
  'other-scale': { independent: true, meaning: 'a scale no target fixes: per broadcast, per household, one night' },
  'inside-targets': { independent: false, meaning: 'an interpolation between targets, a slice of one, or a range containing one' },
  'informed-inputs': { independent: false, meaning: 'its source set one of the scenario\'s inputs' },
} as const;

export type ValidationRelation = keyof typeof VALIDATION_RELATIONS;

const validationFigure = z
  .strictObject({
    ...figureFields,
    relation: z
      .enum(Object.keys(VALIDATION_RELATIONS) as [ValidationRelation, ...ValidationRelation[]])
      .describe(
        `How the figure stands to the targets and inputs: ${Object.entries(VALIDATION_RELATIONS)
          .map(([name, relation]) => `${name}: ${relation.meaning}${relation.independent ? '' : ' (not independent)'}`)
          .join('; ')}`,
      ),
    tolerance: share('Allowed relative error around `expected`').default(0.25),
    confidence: z.enum(['H', 'M', 'L']).optional().describe('H: official statistics or the company\'s release; M: reputable press; L: trade press or estimate'),
  })
  .describe('A public figure not used in fitting, reported as it comes out (never tuned to)');

const sweepVary = z
  .union([
    z.strictObject({
      path: z.string().min(1).describe('Dotted path of the parameter, as for --set'),
      values: z.array(z.union([z.number(), z.string(), z.boolean()])).min(1).describe('The values to try'),
    }),
    z.strictObject({
      path: z.string().min(1).describe('Dotted path of the parameter, as for --set'),
      from: z.number().describe('First value'),
      to: z.number().describe('Last value (inclusive)'),
      step: z.number().positive().describe('Step between values'),
    }),
  ])
  .describe('One parameter to vary: a list of values, or a range');

/** Most cases a sweep may have: a design beyond this is a typo, not a plan. */
export const MAX_SWEEP_CASES = 10_000;

const sweep = z
  .strictObject({
    vary: z.array(sweepVary).default([]).describe('Parameters to vary; every combination is a case (a full grid)'),
    cases: z
      .array(
        z.strictObject({
          name: z.string().min(1).describe('Name of the case'),
          set: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).default({}).describe('Overrides of the case: path -> value'),
        }),
      )
      .max(MAX_SWEEP_CASES, { message: `a sweep of more than ${MAX_SWEEP_CASES.toLocaleString('en-US')} cases is a typo, not a plan: split it, or vary fewer values` })
      .default([])
      .describe('Explicit cases instead of `vary`: each a name and its overrides'),
    replicates: z.number().int().min(1).default(5).describe('Replicates per case'),
    metrics: z.array(z.string()).default(['gmv', 'orders', 'farmerRevenue', 'householdsAboveLine']).describe('Metrics in the summary table'),
  })
  .describe('A sweep over parameters (livesim sweep); cases share their replicate seeds');

const freeParameter = z
  .strictObject({
    path: z.string().min(1).describe('Dotted path of the parameter, as for --set (ids allowed for list items)'),
    min: z.number().describe('Lower bound'),
    max: z.number().describe('Upper bound'),
    prior: z.string().min(1).describe('The prior that bounds it (an id in livesim\'s priors table, see docs/sources.md)'),
  })
  .describe('A parameter `livesim calibrate` may fit, within bounds inside its prior');

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editor completion'),
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/, {
        message: 'expected a name of letters, digits, dashes, underscores and single dots, starting with a letter or digit (it names the run directory)',
      })
      .max(80)
      .default('scenario')
      .describe('Scenario name, used in run directory names: letters, digits, - _ and single dots (default: the file name)'),
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
      .describe('Simulated time between snapshots for the dashboard and progress lines (auto: about 200 per run)'),
    povertyLine: positive('Poverty line (yuan per person per year)').max(1_000_000).default(4000),
    behaviour: behaviour.prefault({}),
    platforms: z.array(platform).min(1).describe('The platforms the anchors broadcast on'),
    anchors: z.array(anchor).min(1).describe('The anchors and their broadcasts'),
    products: z.array(product).min(1).describe('The farm products on sale'),
    farmers: z.array(farmerGroup).min(1).describe('Farmer households supplying the products'),
    shops: z.array(shop).default([]).describe('Shops and intermediaries (products name one as their seller)'),
    stores: z.array(store).default([]).describe('Online stores selling through listings, outside broadcasts'),
    shocks: z.array(shock).default([]).describe('Shocks on a timeline: traffic, demand, logistics, supply, promotion days'),
    targets: z.array(target).default([]).describe('Figures this scenario is calibrated to (livesim check)'),
    validation: z
      .array(validationFigure)
      .default([])
      .describe('Public figures beyond the targets, not used by calibrate: livesim check reports them apart'),
    calibration: z
      .strictObject({
        free: z.array(freeParameter).default([]).describe('Parameters livesim calibrate may fit'),
        replicates: z
          .number()
          .int()
          .min(2)
          .max(1000)
          .default(10)
          .describe('Replicates livesim check runs for this scenario unless --replicates says otherwise: more when its figures are noisy, so the interval of their mean can show a pass'),
      })
      .prefault({})
      .describe('How this scenario is fitted to its targets'),
    sweep: sweep.optional(),
    priorExceptions: z
      .array(z.strictObject({ path: z.string().min(1).describe('Dotted path of the parameter'), why: z.string().min(1).describe('Why it sits outside its prior') }))
      .default([])
      .describe('Parameters deliberately outside the priors, each with the reason'),
  })
  .superRefine(checkReferences);

export type Scenario = z.output<typeof scenarioSchema>;
type Anchor = Scenario['anchors'][number];
export type BroadcastSeries = Anchor['broadcasts'][number];
export type Product = Scenario['products'][number];
export type Target = Scenario['targets'][number];
type ValidationFigure = Scenario['validation'][number];
/** A figure livesim check measures: a target or a validation figure. */
export type Figure = Target | ValidationFigure;
export type FreeParameter = Scenario['calibration']['free'][number];
export type Sweep = NonNullable<Scenario['sweep']>;
