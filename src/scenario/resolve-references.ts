/**
 * Turns the scenario's references by id into indices, once, in the compile step: the model keeps
 * ids only as names and never looks one up (issue 20). The references were checked before
 * (src/scenario/references.ts), so every lookup here finds its entity.
 */
import type { Scenario } from './schema.js';

export class ReferenceIndex {
  private readonly platforms: ReadonlyMap<string, number>;
  private readonly products: ReadonlyMap<string, number>;
  private readonly anchors: ReadonlyMap<string, number>;
  private readonly stores: ReadonlyMap<string, number>;
  private readonly farmers: ReadonlyMap<string, number>;
  private readonly shops: ReadonlyMap<string, number>;
  private readonly niches: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Flow groups by name, in the order of first use: platforms, then tags as anchors and stores name them. */
  private readonly groupIndex = new Map<string, number>();

  constructor(scenario: Scenario) {
    this.platforms = indexOf(scenario.platforms);
    this.products = indexOf(scenario.products);
    this.anchors = indexOf(scenario.anchors);
    this.stores = indexOf(scenario.stores);
    this.farmers = indexOf(scenario.farmers);
    this.shops = indexOf(scenario.shops);
    this.niches = new Map(scenario.platforms.map((platform) => [platform.id, indexOf(platform.niches)]));
    for (const platform of scenario.platforms) this.group(platform.id);
  }

  platform(id: string): number {
    return found(this.platforms, id, 'platform');
  }

  product(id: string): number {
    return found(this.products, id, 'product');
  }

  anchor(id: string): number {
    return found(this.anchors, id, 'anchor');
  }

  store(id: string): number {
    return found(this.stores, id, 'store');
  }

  farmerGroup(id: string): number {
    return found(this.farmers, id, 'farmer group');
  }

  shop(id: string): number {
    return found(this.shops, id, 'shop');
  }

  /** A niche's index among its platform's niches. */
  niche(platform: string, id: string): number {
    return found(this.niches.get(platform)!, id, `niche of ${platform}`);
  }

  /** An anchor's or a store's flow groups: its platform's, then its tags'. */
  groupsOf(entity: { readonly platform: string; readonly tags: readonly string[] }): number[] {
    return [this.group(entity.platform), ...entity.tags.map((tag) => this.group(tag))];
  }

  /** Every flow group's name, by index. Read after every anchor's and store's groups were asked for. */
  groupNames(): string[] {
    return [...this.groupIndex.keys()];
  }

  private group(name: string): number {
    let index = this.groupIndex.get(name);
    if (index === undefined) {
      index = this.groupIndex.size;
      this.groupIndex.set(name, index);
    }
    return index;
  }
}

function indexOf(list: readonly { readonly id: string }[]): ReadonlyMap<string, number> {
  return new Map(list.map((entity, index) => [entity.id, index]));
}

function found(index: ReadonlyMap<string, number>, id: string, kind: string): number {
  const at = index.get(id);
  // Unreachable after the reference checks; a plain error if the checks ever miss one.
  if (at === undefined) throw new Error(`internal: no ${kind} \`${id}\` (the reference checks should have caught it)`);
  return at;
}
