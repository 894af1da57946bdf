/** A class of anchors keeps the same schedule rules as a single anchor: `from` and `until` hold. */
import { describe, expect, it } from 'vitest';
import { simulate, tinyScenario } from '../helpers.js';

const plenty = { farmers: [{ id: 'village', households: 30, produces: [{ product: 'apple', capacity: 100_000 }] }] };

function anchorsWith(schedule: Record<string, unknown>, population?: Record<string, unknown>) {
  return tinyScenario({
    ...plenty,
    start: '2020-01-01',
    end: '2020-07-01',
    fidelity: 'cohort',
    anchors: [{ id: 'mei', followers: 50, tuneInShare: 0.2, recommendedTraffic: 80, population, broadcasts: [{ id: 'nightly', welfare: true, schedule }] }],
  });
}

describe('schedules of a class of anchors', () => {
  const window = { from: '2020-03-01', until: '2020-04-30' };
  const classOf = { initial: 200, potential: 200, batches: 2 };

  for (const schedule of [
    { kind: 'rate', perDay: 0.5, between: ['18:00', '22:00'], ...window },
    { kind: 'cadence', every: '1d', at: '20:00', ...window },
  ]) {
    it(`start no broadcast outside from/until (${schedule.kind})`, async () => {
      const { result } = await simulate(anchorsWith(schedule, classOf), { seed: 5 });
      const broadcastDays = result.metrics.days.filter((day) => day.flows.broadcasts > 0).map((day) => day.day);
      expect(broadcastDays.length).toBeGreaterThan(50);
      expect(broadcastDays[0]! >= '2020-03-01').toBe(true);
      expect(broadcastDays.at(-1)! <= '2020-04-30').toBe(true);
    });
  }

  it('span the same days as one anchor with the same schedule', async () => {
    const schedule = { kind: 'rate', perDay: 0.9, between: ['18:00', '22:00'], ...window };
    const days = async (population?: Record<string, unknown>) => {
      const { result } = await simulate(anchorsWith(schedule, population), { seed: 5 });
      const active = result.metrics.days.filter((day) => day.flows.broadcasts > 0).map((day) => day.day);
      return [active[0]!.slice(0, 7), active.at(-1)!.slice(0, 7)];
    };
    expect(await days(classOf)).toEqual(await days());
  });
});
