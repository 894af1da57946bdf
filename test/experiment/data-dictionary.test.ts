/** The data dictionary names every metric once: summary.json's, and timeseries.csv's flows and levels. */
import { describe, expect, it } from 'vitest';
import { describeColumn, METRICS } from '../../src/experiment/data-dictionary.js';
import { LEDGER_PARTS, TIMESERIES_METRICS } from '../../src/model/observation/metric-catalogue.js';
import { simulate, tinyScenario } from '../helpers.js';

describe('the data dictionary', () => {
  it('documents every flow and level of timeseries.csv', () => {
    for (const key of TIMESERIES_METRICS) expect(METRICS[key], key).toBeDefined();
  });

  it('documents every metric of summary.json, and nothing that is not one', async () => {
    const { summary } = await simulate(tinyScenario(), { seed: 1 });
    const summaryKeys = Object.keys(summary.metrics);
    for (const key of summaryKeys) expect(METRICS[key], key).toBeDefined();
    for (const key of Object.keys(METRICS)) expect([...summaryKeys, ...LEDGER_PARTS], key).toContain(key);
  });

  it("names a farmer group's columns by their metric, with its unit", () => {
    expect(describeColumn('gain:orchard-village')).toMatchObject({ unit: 'yuan', kind: 'flow' });
    expect(describeColumn('householdsAboveLine:orchard-village')).toMatchObject({ unit: 'count' });
    expect(describeColumn('gain:orchard-village')!.meaning).toContain('one farmer group');
  });
});
