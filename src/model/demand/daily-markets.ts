/**
 * A new day in every shared market: crowding from the stores' pull and the anchors' feed views
 * of the day before; in every niche, from the feed pull its anchors plan for the day.
 */
import { MINUTES_PER_DAY } from '../time/calendar.js';
import type { SeriesPlan, World } from '../world.js';

export function updateMarkets(world: World, minute: number): void {
  world.markets.forEach((market, platform) => {
    const storePull = world.stores.reduce((sum, store) => sum + (store.spec.platform === platform && store.isOpen ? store.pull : 0), 0);
    market.update(minute, storePull);
  });
  for (const niches of world.niches) {
    for (const niche of niches) {
      let pull = 0;
      for (const plan of world.plans) if (plan.anchor.niche === niche) pull += plannedBroadcasts(plan, minute) * plan.anchor.feedPull(plan.series.welfare);
      niche.update(minute, pull);
    }
  }
}

/**
 * Broadcasts a series plans for the day starting at `midnight` (an anchor class's all count):
 * its precomputed starts that day, or for a class's rate schedule the expected number.
 */
function plannedBroadcasts(plan: SeriesPlan, midnight: number): number {
  const schedule = plan.series.schedule;
  const active = plan.anchor.active;
  if (plan.anchor.population && schedule.kind === 'rate') {
    const inWindow = midnight + MINUTES_PER_DAY > schedule.from && midnight < schedule.until;
    return inWindow ? active * schedule.perDay * plan.anchor.broadcastFactor : 0;
  }
  let count = 0;
  for (let index = plan.next; index < plan.starts.length && plan.starts[index]! < midnight + MINUTES_PER_DAY; index++) {
    if (plan.starts[index]! >= midnight) count++;
  }
  return count * active;
}
