/**
 * What every preset must show whatever its fit: no audience without orders or lost orders, and a
 * farmers' share of GMV the priors allow (~30-50% of retail for fresh fruit, well under 20% for
 * processed goods, so at most half for any mix, plus a profit share a file states).
 */
import { describe, expect, it } from 'vitest';
import { timeseriesTable } from '../../src/experiment/run/timeseries.js';
import { ScenarioRun } from '../../src/experiment/run/single-run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { presetNames } from '../../src/scenario/presets.js';

describe.each(presetNames())('preset %s', (name) => {
  it('has no month with views and neither orders nor lost orders', async () => {
    const loaded = loadScenario(name);
    const { result, summary } = await new ScenarioRun(loaded, loaded.scenario.seed).run();
    const watched = timeseriesTable(result, 'month').rows.filter((row) => row.values.views! > 0);
    expect(watched.length).toBeGreaterThan(0);
    expect(watched.filter((row) => row.values.orders! + row.values.lostOrders! === 0).map((row) => row.period)).toEqual([]);
    expect(summary.metrics.farmerShare).toBeGreaterThan(0.15);
    // A stated profit share returns part of the seller's margin (itself well under half of retail).
    const sharing = loaded.scenario.products.some((product) => product.profitShare > 0);
    expect(summary.metrics.farmerShare).toBeLessThanOrEqual(sharing ? 0.75 : 0.5);
  });
});
