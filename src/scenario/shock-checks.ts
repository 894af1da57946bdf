/**
 * What a shock must satisfy beyond its fields: its names exist, its days lie in the run, and no
 * two shocks of a kind touch the same platform or product on the same day (which would leave
 * open whether they multiply or replace each other: say both in one shock).
 */
import { MINUTES_PER_DAY, MS_PER_MINUTE } from '../model/time/calendar.js';
import type { Scenario } from './schema.js';
import type { Shock } from './shock-schema.js';
import { parseDate, parseMonthDay } from './units.js';

type Path = (string | number)[];
type Report = (path: Path, message: string, hint?: string) => void;
type MustExist = (value: string, known: readonly string[], path: Path, what: string) => void;

/** The products a shock's scope names (its products, and those of its categories); undefined: all. */
export function productsInScope(shock: Shock, products: Scenario['products']): string[] | undefined {
  if (shock.kind === 'traffic' || shock.kind === 'promotion' || shock.kind === 'broadcasts') return undefined;
  if (shock.products.length === 0 && shock.categories.length === 0) return undefined;
  return products.filter((product) => shock.products.includes(product.id) || shock.categories.includes(product.category)).map((product) => product.id);
}

/** The platforms a shock's scope names; undefined: all (shocks on products reach every platform). */
function platformsInScope(shock: Shock): string[] | undefined {
  return (shock.kind === 'traffic' || shock.kind === 'promotion') && shock.platforms.length > 0 ? shock.platforms : undefined;
}

/** The anchor classes a broadcasts shock names; undefined: all. */
function anchorsInScope(shock: Shock): string[] | undefined {
  return shock.kind === 'broadcasts' && shock.anchors.length > 0 ? shock.anchors : undefined;
}

const intersect = (a: readonly string[] | undefined, b: readonly string[] | undefined) => a === undefined || b === undefined || a.some((item) => b.includes(item));

/** The days a shock covers, as day numbers of the Unix epoch; promotions: their month-days. */
function daysOf(shock: Shock): { range?: readonly [number, number]; monthDays?: readonly string[] } {
  if (shock.kind === 'promotion') return { monthDays: shock.on };
  const from = parseDate(shock.from);
  const to = parseDate(shock.to);
  if (from === undefined || to === undefined) return {};
  return { range: [Math.floor(from / MS_PER_MINUTE / MINUTES_PER_DAY), Math.floor(to / MS_PER_MINUTE / MINUTES_PER_DAY)] };
}

function shareADay(a: Shock, b: Shock): boolean {
  const first = daysOf(a);
  const second = daysOf(b);
  if (first.monthDays && second.monthDays) return first.monthDays.some((day) => second.monthDays!.includes(day));
  if (first.range && second.range) return first.range[0] <= second.range[1] && second.range[0] <= first.range[1];
  return false;
}

export function checkShocks(scenario: Scenario, report: Report, mustExist: MustExist, known: { platforms: readonly string[]; products: readonly string[]; anchors: readonly string[] }): void {
  const start = parseDate(scenario.start);
  const end = parseDate(scenario.end);
  scenario.shocks.forEach((shock, index) => {
    const path: Path = ['shocks', index];
    if (shock.kind === 'traffic' || shock.kind === 'promotion') shock.platforms.forEach((platform, p) => mustExist(platform, known.platforms, [...path, 'platforms', p], 'platform'));
    else if (shock.kind === 'broadcasts') {
      shock.anchors.forEach((anchor, a) => {
        mustExist(anchor, known.anchors, [...path, 'anchors', a], 'anchor');
        const spec = scenario.anchors.find((candidate) => candidate.id === anchor);
        if (spec && !spec.population) report([...path, 'anchors', a], `\`${anchor}\` is a single anchor: a broadcasts shock acts on classes of anchors (with a population)`);
      });
    } else shock.products.forEach((product, p) => mustExist(product, known.products, [...path, 'products', p], 'product'));
    if (shock.kind !== 'promotion') {
      const from = parseDate(shock.from);
      const to = parseDate(shock.to);
      if (from !== undefined && to !== undefined && to < from) report([...path, 'to'], `the shock ends (${shock.to}) before it starts (${shock.from})`);
      else if (from !== undefined && to !== undefined && start !== undefined && end !== undefined) {
        const run = `the run (${scenario.start} to ${scenario.end}, exclusive)`;
        if (to < start || from >= end) {
          report(path, `the shock (${shock.from} to ${shock.to}) lies outside ${run}`, 'move it into the run; to run a shorter period than a preset\'s shocks, drop them too: --set shocks=[]');
        } else if (from < start) {
          report([...path, 'from'], `the shock starts (${shock.from}) before ${run}`, 'start it on the run\'s first day at the earliest');
        } else if (to >= end) {
          report([...path, 'to'], `the shock ends (${shock.to}) after ${run}`, 'end it on the run\'s last day at the latest');
        }
      }
    } else {
      shock.on.forEach((day, d) => {
        if (parseMonthDay(day) === undefined) report([...path, 'on', d], `not a day of the year: ${day}`);
      });
    }
    const products = productsInScope(shock, scenario.products);
    if (products !== undefined && products.length === 0) report(path, 'the shock names no product the scenario has', 'name products by id, or categories some product has');
    for (let before = 0; before < index; before++) {
      const other = scenario.shocks[before]!;
      if (other.kind !== shock.kind || !shareADay(other, shock)) continue;
      if (!intersect(platformsInScope(other), platformsInScope(shock)) || !intersect(productsInScope(other, scenario.products), products)) continue;
      if (!intersect(anchorsInScope(other), anchorsInScope(shock))) continue;
      report(path, `overlaps shock \`${other.id}\`: both are ${shock.kind} shocks on the same days and the same platforms or products`, 'say both in one shock, or split their days or scopes');
    }
  });
}
