/** The data dictionary names every metric once: summary.json's, and timeseries.csv's flows and levels. */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/experiment/data-dictionary.js';
import { LEDGER_PARTS, TIMESERIES_METRICS } from '../../src/model/metric-catalogue.js';
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
});
