/**
 * Why a comparison changed nothing, when the scenario's structure shows it: the fields B changes
 * are read against what the scenario sells, where and how. A fee on a platform whose every sale is
 * a fee-free welfare broadcast, a commercial commission of an anchor who only runs welfare
 * broadcasts (or a welfare one of an anchor who runs none), a product no lineup or store sells.
 * `compare` prints these under its table when no metric moved in any replicate.
 */
import type { Scenario } from '../../scenario/schema.js';

/** The leaf fields that differ between two resolved scenarios, as dotted paths (list items by id where they have one). */
export function changedFields(a: unknown, b: unknown, at: readonly string[] = []): string[][] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (Array.isArray(a) && Array.isArray(b)) {
    const ids = (list: unknown[]) => list.map((item) => (item !== null && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined));
    const [idsA, idsB] = [ids(a), ids(b)];
    if (idsA.every((id) => id !== undefined) && idsB.every((id) => id !== undefined)) {
      const keys = [...new Set([...idsA, ...idsB])] as string[];
      return keys.flatMap((id) => changedFields(a[idsA.indexOf(id)], b[idsB.indexOf(id)], [...at, id]));
    }
    return [[...at]];
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((key) => changedFields((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...at, key]));
  }
  return [[...at]];
}

/** For each field B changes that the structure shows can reach no sale, the reason in words. */
export function explainNoEffect(a: Scenario, b: Scenario): string[] {
  return changedFields(a, b).flatMap((field) => {
    const reason = reasonFor(b, field);
    return reason === undefined ? [] : [`${field.join('.')}: ${reason}`];
  });
}

function reasonFor(scenario: Scenario, field: readonly string[]): string | undefined {
  if (field.length === 1 && field[0] === 'seed') return "compare runs both sides on the same replicate seeds (from --seed, or A's scenario), so a scenario's own seed changes nothing";
  return reasonOfFee(scenario, field) ?? reasonOfProduct(scenario, field) ?? reasonOfSwitchedOff(scenario, field);
}

/** A field of a mechanism that is switched off in this scenario (its strength or chance is zero). */
function reasonOfSwitchedOff(scenario: Scenario, field: readonly string[]): string | undefined {
  const path = field.join('.');
  if (path.startsWith('behaviour.socialProof.') && path !== 'behaviour.socialProof.strength' && scenario.behaviour.socialProof.strength === 0) {
    return 'social proof is switched off here (behaviour.socialProof.strength is 0)';
  }
  if (path === 'behaviour.farmVisitsGrowthHalfLife' && scenario.behaviour.farmVisitsGrowthPerYear === 0) return 'visits do not grow here (behaviour.farmVisitsGrowthPerYear is 0), so how fast their growth slows changes nothing';
  const [list, anchorId, broadcasts, seriesId, audience, breakout, part] = field;
  if (list === 'anchors' && broadcasts === 'broadcasts' && audience === 'audience' && breakout === 'breakout' && part === 'multiplier') {
    const series = scenario.anchors.find((anchor) => anchor.id === anchorId)?.broadcasts.find((candidate) => candidate.id === seriesId);
    if (series?.audience.breakout?.chance === 0) return `breakouts never happen in ${anchorId}'s ${seriesId} broadcasts (their chance is 0)`;
  }
  return undefined;
}

/** A fee or commission on sales of a kind that never happen here. */
function reasonOfFee(scenario: Scenario, field: readonly string[]): string | undefined {
  const [list, id, ...rest] = field;
  if (list === 'platforms' && rest[0] === 'feeRate') {
    const platform = scenario.platforms.find((candidate) => candidate.id === id);
    const anchors = scenario.anchors.filter((anchor) => anchor.platform === id);
    const stores = scenario.stores.filter((store) => store.platform === id);
    const allWelfare = anchors.every((anchor) => anchor.broadcasts.every((series) => series.welfare)) && stores.every((store) => store.welfare);
    if (platform?.welfare.feeWaiver && allWelfare) return `every sale on ${id} is a public-welfare sale, and ${id} waives its fee for those (platforms.${id}.welfare.feeWaiver): the fee applies to no sale`;
    if (anchors.length === 0 && stores.length === 0) return `nothing sells on ${id}: no anchor broadcasts and no store lists there`;
  }
  if (list === 'anchors' && rest[0] === 'commission') {
    const anchor = scenario.anchors.find((candidate) => candidate.id === id);
    if (anchor === undefined) return undefined;
    const welfare = anchor.broadcasts.filter((series) => series.welfare).length;
    if ((rest[1] === 'rate' || rest[1] === 'slotFee') && welfare === anchor.broadcasts.length) return `it applies to commercial broadcasts, and every one of ${id}'s is a public-welfare broadcast (commission.welfareRate and welfareSlotFee apply to those)`;
    if ((rest[1] === 'welfareRate' || rest[1] === 'welfareSlotFee') && welfare === 0) return `it applies to public-welfare broadcasts, and ${id} runs none (commission.rate and slotFee apply)`;
  }
  return undefined;
}

/** A product no sale reaches, or a welfare term of a product in no welfare sale. */
function reasonOfProduct(scenario: Scenario, field: readonly string[]): string | undefined {
  const [list, id, ...rest] = field;
  if (list === 'products') {
    const inLineup = scenario.anchors.some((anchor) => anchor.broadcasts.some((series) => series.lineup.some((slot) => slot.product === id)));
    const listed = scenario.stores.some((store) => store.products.some((item) => item.product === id));
    if (!inLineup && !listed) return `${id} is sold nowhere: no broadcast's lineup shows it and no store lists it`;
    if (rest[0] === 'welfareDiscount' && !scenario.anchors.some((anchor) => anchor.broadcasts.some((series) => series.welfare && series.lineup.some((slot) => slot.product === id))) && !scenario.stores.some((store) => store.welfare && store.products.some((item) => item.product === id))) {
      return `the welfare discount applies in public-welfare sales, and ${id} is in none`;
    }
  }
  return undefined;
}
