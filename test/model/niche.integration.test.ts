/** Niches: audiences inside a platform's market that only the anchors who declare them share. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DatedSeries } from '../../src/model/time/dated-series.js';
import { NicheAudience } from '../../src/model/demand/niche.js';
import { ScenarioError } from '../../src/errors.js';
import { loadValue, simulate } from '../helpers.js';

const demoCounty = () => parse(readFileSync(new URL('../../scenarios/demo-county.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
type Anchor = Record<string, unknown> & { id: string };

/** demo-county with a second anchor like Li, in her niche or outside it; Li's views over the week. */
async function viewsOfLi(rival: 'none' | 'same niche' | 'no niche'): Promise<number> {
  const value = demoCounty();
  const anchors = value.anchors as Anchor[];
  const li = anchors.find((anchor) => anchor.id === 'li-orchard')!;
  if (rival !== 'none') {
    const { niche: _niche, ...withoutNiche } = li;
    anchors.push({ ...(rival === 'same niche' ? li : withoutNiche), id: 'rival', name: 'A rival selling the same produce' });
  }
  const { result } = await simulate(value);
  return result.world.anchors.find((anchor) => anchor.id === 'li-orchard')!.flows.views;
}

describe('a niche audience', () => {
  it('grants each anchor pool / (pool + planned pull) of its feed pull', () => {
    const niche = new NicheAudience({ id: 'oranges', views: [{ minute: 0, views: 4000 }] });
    niche.update(0, 2000);
    expect(niche.crowding).toBeCloseTo(2 / 3, 12);
    niche.update(1440, 0);
    expect(niche.crowding).toBe(1);
  });

  it('follows its dated pool, linear between the dates and flat outside them', () => {
    const pool = new DatedSeries([
      [1440, 300],
      [0, 100],
    ]);
    expect(pool.at(-5)).toBe(100);
    expect(pool.at(720)).toBeCloseTo(200, 12);
    expect(pool.at(99_999)).toBe(300);
  });

  it("in demo-county, a rival selling the same county's produce lowers Li's views; one outside the niche does not", async () => {
    const alone = await viewsOfLi('none');
    const rivalled = await viewsOfLi('same niche');
    const elsewhere = await viewsOfLi('no niche');
    // Alone Li gets 4,050 / (4,050 + 2,025) of her feed pull, with an equal rival 4,050 / 8,100:
    // her feed views fall by a quarter, her followers still tune in: about -17% in all.
    expect(rivalled / alone).toBeGreaterThan(0.75);
    expect(rivalled / alone).toBeLessThan(0.9);
    // Outside the niche the rival shares only the platform's pool, hundreds of millions of visits a day.
    expect(Math.abs(elsewhere / alone - 1)).toBeLessThan(0.001);
  });

  it("must be one of the anchor's platform's niches", () => {
    const value = demoCounty();
    (value.anchors as Anchor[])[0]!.niche = 'county-produc';
    try {
      loadValue(value);
      expect.unreachable('the scenario loaded');
    } catch (error) {
      expect((error as ScenarioError).problems[0]).toMatchObject({ path: 'anchors.0.niche', message: 'unknown niche `county-produc`', hint: 'did you mean `county-produce`?' });
    }
  });
});

describe("peasant anchors in Taobao's farm live rooms", () => {
  const peasantAnchors = () => parse(readFileSync(new URL('../../scenarios/peasant-anchors.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
  const gmvWith = async (scale: number) => {
    // A year, without the 2020 shocks that would lie outside it.
    const overrides = ['end=2018-10-01', 'shocks=[]', `anchors.peasant-anchors.population.initial=${2000 * scale}`, `anchors.peasant-anchors.population.potential=${1_000_000 * scale}`];
    return (await simulate(peasantAnchors(), { overrides })).summary.metrics.gmv;
  };

  it('doubling the anchors (and the villages that follow them) raises GMV by far less than 2x: they share one audience', async () => {
    const ratio = (await gmvWith(2)) / (await gmvWith(1));
    // The whole preset, 6 paired replicates: +38.7% [+38.3, +39.0], an elasticity of 0.47.
    expect(ratio).toBeGreaterThan(1.2);
    expect(ratio).toBeLessThan(1.6);
  }, 30_000);
});
