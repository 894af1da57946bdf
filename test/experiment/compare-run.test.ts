/** compare as the functions the command calls: the plan, the outcome, the files, and why nothing changed. */
import { describe, expect, it } from 'vitest';
import { runPaired } from '../../src/experiment/analysis/paired-run.js';
import { comparisonFiles, comparisonOutcome, noEffectReading, pairedSides, planComparison, readSides } from '../../src/experiment/analysis/compare-run.js';
import { tinyScenario, writeFiles } from '../helpers.js';

const dir = writeFiles({ 'county.yaml': tinyScenario() });
const request = { replicates: 2, set: [], setA: [], setB: [], metric: [] };
const references = { a: `${dir}/county.yaml`, b: `${dir}/county.yaml` };

async function compared(overrides: { setB?: string[]; metric?: string[] }) {
  const asked = { ...request, ...overrides };
  const plan = planComparison(references, asked, () => undefined);
  const sides = readSides(plan, references);
  const ran = await runPaired(pairedSides(sides), plan.seeds, { keep: { months: true }, jobs: 1 });
  return { plan, sides, ran, outcome: comparisonOutcome(sides, ran, asked.metric) };
}

describe('a comparison of two scenarios', () => {
  it('runs both on the same seeds, shows the farmers’ gain first, and writes its five files', async () => {
    const { plan, sides, ran, outcome } = await compared({ setB: ['products.apple.price=46'] });
    expect(plan.toRun).toHaveLength(2);
    expect(plan.seeds).toHaveLength(2);
    expect(sides[1].label).toContain('with products.apple.price=46');
    expect(outcome.shown[0]!.name).toBe('gain');
    expect(outcome.summary).toMatchObject({ replicates: 2 });
    const files = comparisonFiles(plan, sides, ran, outcome, { request: { ...request, setB: ['products.apple.price=46'] }, createdAt: new Date(0), wallSeconds: 1, remote: undefined });
    expect(Object.keys(files).sort()).toEqual(['a-timeseries.csv', 'b-timeseries.csv', 'comparison.csv', 'manifest.json', 'summary.json']);
    expect(JSON.parse(files['manifest.json']!).sources.overrides).toEqual(['B: products.apple.price=46']);
  });

  it('says why nothing changed, and refuses a metric the rows do not have', async () => {
    const { sides, outcome } = await compared({});
    expect(noEffectReading(sides, outcome.comparison.metrics)).toEqual(['No metric changed: A and B are the same scenario.']);
    await expect(compared({ metric: ['toString'] })).rejects.toThrow('no metric `toString`');
  });
});
