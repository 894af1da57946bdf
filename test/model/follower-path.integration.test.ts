/** A following that grows outside the simulated broadcasts: dated follower counts an anchor's audience follows. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { simulate } from '../helpers.js';

const demoCounty = () => parse(readFileSync(new URL('../../scenarios/demo-county.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
type Anchor = Record<string, unknown> & { id: string };

/** demo-county's week with Li's followers given as `followers`; her followers at the end and her views. */
async function li(followers: unknown): Promise<{ followers: number; gained: number; views: number }> {
  const value = demoCounty();
  const anchor = (value.anchors as Anchor[]).find((candidate) => candidate.id === 'li-orchard')!;
  anchor.followers = followers;
  const { result } = await simulate(value);
  const state = result.world.anchors.find((candidate) => candidate.id === 'li-orchard')!;
  return { followers: state.followers, gained: state.flows.followersGained, views: state.flows.views };
}

describe('dated follower counts', () => {
  it('one dated count is the same as a plain number', async () => {
    expect(await li([{ date: '2019-11-01', followers: 8000 }])).toEqual(await li(8000));
  });

  it('move the following along the counts, with what the broadcasts gained on top', async () => {
    // 8,000 when the run starts, 80,000 on its last day (the run ends at midnight on 2 December): linear in between.
    const grown = await li([
      { date: '2019-11-25', followers: 8000 },
      { date: '2019-12-01', followers: 80000 },
    ]);
    expect(grown.followers).toBeCloseTo(80000 + grown.gained, 6);
    const flat = await li(8000);
    // More followers tune in as the counts rise.
    expect(grown.views).toBeGreaterThan(flat.views * 1.5);
  });
});
