/**
 * Checks that go beyond one field: ids are unique, references point at something that exists,
 * dates are in order. Each problem becomes a zod issue at the offending path, with a hint.
 */
import type { z } from 'zod';
import type { Scenario } from './schema.js';
import { hintFor } from './suggest.js';
import { isDuration, parseDate, parseDuration } from './units.js';

type Path = (string | number)[];

/**
 * Runs even when some fields already failed their own checks (zod continues after format
 * errors), so every parse here is guarded.
 */
export function checkReferences(scenario: Scenario, context: z.RefinementCtx): void {
  const report = (path: Path, message: string, hint?: string) =>
    context.addIssue({ code: 'custom', path, message, params: hint === undefined ? {} : { hint } });

  const ids = (list: readonly { id: string }[], listName: string) => {
    const seen = new Set<string>();
    list.forEach((item, index) => {
      if (seen.has(item.id)) report([listName, index, 'id'], `duplicate id \`${item.id}\``, 'ids must be unique within a list');
      seen.add(item.id);
    });
    return [...seen];
  };
  const platformIds = ids(scenario.platforms, 'platforms');
  ids(scenario.anchors, 'anchors');
  const productIds = ids(scenario.products, 'products');
  ids(scenario.farmers, 'farmers');
  const shopIds = ids(scenario.shops, 'shops');

  const mustExist = (value: string, known: readonly string[], path: Path, what: string) => {
    if (!known.includes(value)) report(path, `unknown ${what} \`${value}\``, hintFor(value, known, what));
  };

  const start = parseDate(scenario.start);
  const end = parseDate(scenario.end);
  if (start !== undefined && end !== undefined && end <= start) {
    report(['end'], `the end (${scenario.end}) must come after the start (${scenario.start})`);
  }

  scenario.anchors.forEach((anchor, a) => {
    mustExist(anchor.platform, platformIds, ['anchors', a, 'platform'], 'platform');
    anchor.broadcasts.forEach((series, s) => {
      const base: Path = ['anchors', a, 'broadcasts', s];
      series.lineup.forEach((slot, l) => mustExist(slot.product, productIds, [...base, 'lineup', l, 'product'], 'product'));
      if (positiveDuration(series.duration) === false) report([...base, 'duration'], 'a broadcast must last longer than zero');
      series.lineup.forEach((slot, l) => {
        if (positiveDuration(slot.slot) === false) report([...base, 'lineup', l, 'slot'], 'a slot must last longer than zero');
      });
      if (series.schedule.kind === 'cadence' && positiveDuration(series.schedule.every) === false) {
        report([...base, 'schedule', 'every'], 'the cadence must be longer than zero');
      }
    });
  });

  const supplied = new Set<string>();
  scenario.farmers.forEach((group, g) => {
    group.produces.forEach((production, p) => {
      mustExist(production.product, productIds, ['farmers', g, 'produces', p, 'product'], 'product');
      supplied.add(production.product);
    });
  });

  scenario.products.forEach((product, p) => {
    if (!supplied.has(product.id)) {
      report(['products', p, 'id'], `no farmer group produces \`${product.id}\``, 'add it to the `produces` list of a group under `farmers`');
    }
    if (product.seller !== 'farmers') {
      mustExist(product.seller, shopIds, ['products', p, 'seller'], 'shop');
      const shop = scenario.shops.find((candidate) => candidate.id === product.seller);
      if (shop && shop.contractPrices[product.id] === undefined) {
        report(
          ['products', p, 'seller'],
          `shop \`${shop.id}\` has no contract price for \`${product.id}\``,
          `add \`${product.id}: <yuan per unit>\` under that shop's contractPrices`,
        );
      }
    }
  });

  scenario.shops.forEach((shop, s) => {
    for (const productId of Object.keys(shop.contractPrices)) {
      mustExist(productId, productIds, ['shops', s, 'contractPrices', productId], 'product');
    }
  });

  if (positiveDuration(scenario.cohortStep) === false) report(['cohortStep'], 'the step must be longer than zero');
}

/** True or false for a well-formed duration; undefined when it is malformed (reported elsewhere). */
function positiveDuration(text: string): boolean | undefined {
  return isDuration(text) ? parseDuration(text) > 0 : undefined;
}
