import { describe, expect, it } from 'vitest';
import { ScenarioRun, runFiles } from '../../src/experiment/run/single-run.js';
import { loadScenario } from '../../src/scenario/load.js';
import { loadValue, tinyScenario } from '../helpers.js';
import type { LoadedScenario } from '../../src/scenario/load.js';

async function filesOf(loaded: LoadedScenario, seed: number): Promise<Record<string, string>> {
  const finished = await new ScenarioRun(loaded, seed).run();
  const { 'manifest.json': _manifest, ...results } = runFiles(loaded, finished, new Date(0));
  return results;
}

describe('a run is a pure function of (scenario, seed)', () => {
  it.each([
    ['the default preset', () => loadScenario('demo-county')],
    ['a cohort-fidelity scenario', () => loadValue(tinyScenario(), ['fidelity=cohort'])],
  ])('%s: the same seed gives byte-identical summary.json and CSVs', async (_label, load) => {
    const first = await filesOf(load(), 5);
    const second = await filesOf(load(), 5);
    expect(Object.keys(first).sort()).toEqual(['broadcasts.csv', 'households.csv', 'summary.json', 'timeseries-daily.csv', 'timeseries.csv']);
    for (const name of Object.keys(first)) expect(second[name], name).toBe(first[name]);
  });

  it('another seed gives other results', async () => {
    const loaded = loadValue(tinyScenario());
    const first = await filesOf(loaded, 5);
    const other = await filesOf(loaded, 6);
    expect(other['summary.json']).not.toBe(first['summary.json']);
    expect(other['broadcasts.csv']).not.toBe(first['broadcasts.csv']);
  });

  it('the summary records seed, scenario hash and completeness', async () => {
    const loaded = loadValue(tinyScenario());
    const summary = JSON.parse((await filesOf(loaded, 9))['summary.json']!);
    expect(summary).toMatchObject({ scenario: 'tiny', seed: 9, scenarioHash: loaded.hash, complete: true });
    expect(summary.engine.events).toBeGreaterThan(0);
  });
});
