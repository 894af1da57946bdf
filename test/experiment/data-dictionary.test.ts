/** The data dictionary names every metric once: summary.json's, and timeseries.csv's flows and levels. */
import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/experiment/data-dictionary.js';
import { FLOW_KEYS } from '../../src/model/flows.js';
import { LEVEL_KEYS } from '../../src/model/metrics.js';
import { simulate, tinyScenario } from '../helpers.js';

describe('the data dictionary', () => {
  it('documents every flow and level of timeseries.csv', () => {
    for (const key of [...FLOW_KEYS, ...LEVEL_KEYS]) expect(METRICS[key], key).toBeDefined();
  });

  it('documents every metric of summary.json, and nothing that is not one', async () => {
    const { summary } = await simulate(tinyScenario(), { seed: 1 });
    const summaryKeys = Object.keys(summary.metrics);
    for (const key of summaryKeys) expect(METRICS[key], key).toBeDefined();
    for (const key of Object.keys(METRICS)) expect([...summaryKeys, ...FLOW_KEYS, ...LEVEL_KEYS], key).toContain(key);
  });
});
