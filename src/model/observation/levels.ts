/** The world's levels (stocks, as opposed to flows) as they stand now: the catalogue's day-end metrics. */
import type { World } from '../world.js';
import type { DayLevels } from './metrics.js';

/** The catalogue's day-end levels now (the day's peak of viewers aside: the metrics keep it). */
export function worldLevels(world: World, povertyLine: number): Omit<DayLevels, 'peakConcurrentViewers'> {
  const households = world.households.tally(povertyLine);
  return {
    followers: Math.round(world.anchors.reduce((sum, anchor) => sum + anchor.followers * anchor.active, 0)),
    anchorsActive: world.anchors.reduce((sum, anchor) => sum + anchor.active, 0),
    anchorsAppeared: world.anchors.reduce((sum, anchor) => sum + (anchor.population?.appeared ?? 1), 0),
    storesActive: world.stores.reduce((sum, store) => sum + (store.isOpen ? store.population.active : 0), 0),
    storesOpened: world.stores.reduce((sum, store) => sum + (store.isOpen ? store.population.appeared : 0), 0),
    stockAvailable: stockAvailable(world),
    householdsJoined: households.joined,
    householdsSupplying: households.supplying,
    householdsAboveLine: households.aboveLine,
    workers: world.shops.reduce((sum, shop) => sum + shop.workers.length, 0),
    spinOffs: world.shops.reduce((sum, shop) => sum + shop.spinOffs, 0),
  };
}

/** Units still available across products. */
export function stockAvailable(world: World): number {
  return world.products.reduce((sum, product) => sum + product.available, 0);
}
