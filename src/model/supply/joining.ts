/**
 * Farmer groups whose households join the supplier networks over time, in household order: by a
 * diffusion of their own, as the sellers need their produce (each month's lost demand), or as
 * the anchors of a class who sell their produce appear. A joining household starts supplying
 * every product it grows.
 */
import type { RandomStreams } from '../../engine/random.js';
import type { AnchorState } from '../demand/anchors.js';
import { Population } from '../demand/population.js';
import type { AnchorParams, FarmerGroupParams } from '../params.js';
import { DemandRecruiting } from './demand-recruiting.js';
import type { HouseholdTable } from './households.js';
import type { ProductState } from './products.js';

/** A household's place in a product's supplier list. */
export interface Supply {
  readonly product: ProductState;
  readonly supplier: number;
}

/** How a group's households come: how many have joined so far, and what moves that on. */
interface JoiningRule {
  joined(): number;
  /** One day of joining, before `joined()` is read. */
  advanceDay(): void;
  /** A month's end (groups that join on demand take in the growers the month's lost demand called for). */
  closeMonth(): void;
}

export class JoiningGroup {
  /** Households activated so far. */
  private activated: number;

  constructor(
    readonly group: FarmerGroupParams,
    /** The group's households, in the order they join. */
    private readonly members: readonly number[],
    private readonly rule: JoiningRule,
    initiallyJoined: number,
  ) {
    this.activated = initiallyJoined;
  }

  /** A month's end, for groups that recruit on demand. */
  closeMonth(): void {
    this.rule.closeMonth();
  }

  /** One day of joining: households that joined today are marked and start supplying what they grow. */
  advanceDay(households: HouseholdTable, supplies: readonly (readonly Supply[])[]): void {
    this.rule.advanceDay();
    const joined = Math.min(this.rule.joined(), this.members.length);
    for (; this.activated < joined; this.activated++) {
      const household = this.members[this.activated]!;
      households.joined[household] = 1;
      for (const { product, supplier } of supplies[household]!) product.activateSupplier(supplier);
    }
  }
}

/** Simulated households of a group in the network at the start. */
export function initiallyJoined(group: FarmerGroupParams, anchors: readonly AnchorParams[]): number {
  if (group.joining) return group.joining.initial;
  if (group.joinsOnDemand) return group.joinsOnDemand.initial;
  const follows = group.followsAnchors;
  if (!follows) return group.households;
  return householdsFollowing(anchors[follows.anchor]!.population?.initial ?? 1, follows, group.represents);
}

/** The joining groups of the scenario (groups whose households are all in from the start have none). */
export function buildJoining(
  farmers: readonly FarmerGroupParams[],
  table: HouseholdTable,
  products: readonly ProductState[],
  anchors: readonly AnchorState[],
  random: RandomStreams,
): JoiningGroup[] {
  const joining: JoiningGroup[] = [];
  const specs = anchors.map((anchor) => anchor.spec);
  let first = 0;
  farmers.forEach((group, groupIndex) => {
    const members = Array.from({ length: group.households }, (_, index) => first + index);
    first += group.households;
    const initial = Math.min(group.households, initiallyJoined(group, specs));
    const rule = joiningRule(group, groupIndex, initial, table, products, anchors, random);
    if (rule) joining.push(new JoiningGroup(group, members, rule, initial));
  });
  return joining;
}

function joiningRule(
  group: FarmerGroupParams,
  groupIndex: number,
  initial: number,
  table: HouseholdTable,
  products: readonly ProductState[],
  anchors: readonly AnchorState[],
  random: RandomStreams,
): JoiningRule | undefined {
  const none = () => undefined;
  if (group.joinsOnDemand) {
    const grown = group.produces.map((production) => {
      const product = products[production.product]!;
      let capacity = 0;
      for (let supplier = 0; supplier < product.supplierCount; supplier++) if (table.groupOf[product.households[supplier]!] === groupIndex) capacity += product.capacities[supplier]!;
      return { product, meanCapacity: capacity / group.households };
    });
    const recruiting = new DemandRecruiting(group.households, grown, initial);
    return { joined: () => recruiting.joined(), advanceDay: none, closeMonth: () => recruiting.closeMonth() };
  }
  if (group.joining) {
    const population = new Population(group.joining, group.households, random.stream(`farmers/${group.id}/joining`));
    return { joined: () => population.appeared, advanceDay: () => population.advanceDay(), closeMonth: none };
  }
  const follows = group.followsAnchors;
  if (follows) {
    const anchor = anchors[follows.anchor]!;
    const joined = () => Math.min(group.households, householdsFollowing(anchor.population?.appeared ?? 1, follows, group.represents));
    return { joined, advanceDay: none, closeMonth: none };
  }
  return undefined;
}

/** Simulated households supplying a class of anchors of `anchors` members, each bringing `householdsPerAnchor` real ones. */
function householdsFollowing(anchors: number, follows: { readonly householdsPerAnchor: number }, represents: number): number {
  return Math.ceil((anchors * follows.householdsPerAnchor) / represents);
}
