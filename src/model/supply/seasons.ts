/**
 * Harvest windows: at the start of each day, products whose season opens get their stock and
 * products whose season closes settle their offline markets (into `flows`). Products without a
 * season renew their stock on the first day and each 1 January.
 */
import type { Flows } from '../money/flows.js';
import type { Calendar } from '../time/calendar.js';
import type { HouseholdTable } from './households.js';
import type { ProductState } from './products.js';

export function updateSeasons(
  world: { readonly calendar: Calendar; readonly products: readonly ProductState[]; readonly households: HouseholdTable },
  minute: number,
  firstDay: boolean,
  flows: Flows,
): void {
  const { households } = world;
  const [month, day] = world.calendar.monthDayAt(minute);
  for (const product of world.products) {
    const open = product.isInSeasonOn(month, day);
    if (!product.seasonal) {
      if (firstDay || (month === 1 && day === 1)) product.openSeason(households, flows);
    } else if (open && !product.inSeason) {
      product.openSeason(households, flows);
    } else if (!open && product.inSeason) {
      product.closeSeason(households, flows);
    }
  }
}
