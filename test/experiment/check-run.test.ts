/** check over several scenarios, as the functions the command calls: the plan, the run, the files. */
import { describe, expect, it } from 'vitest';
import { checkFiles, planCheck, runChecks } from '../../src/experiment/evidence/check-run.js';
import { tinyScenario, writeFiles } from '../helpers.js';

const dir = writeFiles({
  'target.yaml': tinyScenario({ name: 'with-target', targets: [{ id: 'orders', metric: 'orders', aggregate: 'sum', range: [1, 1_000_000], source: 'made up' }] }),
  'plain.yaml': tinyScenario({ name: 'plain' }),
});

describe('a check of several scenarios', () => {
  it('plans the scenarios with targets, says which have none, and counts the work for the guard', () => {
    const plan = planCheck({ references: [`${dir}/target.yaml`, `${dir}/plain.yaml`], set: [], replicates: 2 });
    expect(plan.checked.map(({ loaded }) => loaded.scenario.name)).toEqual(['with-target']);
    expect(plan.withoutTargets).toEqual(['plain']);
    expect(plan.work).toEqual([{ loaded: plan.checked[0]!.loaded, runs: 2 }]);
    expect(() => planCheck({ references: [], set: [] })).toThrow('name the scenarios to check');
  });

  it('runs each through the caller’s hook, judges the targets, and writes summary.json and a manifest', async () => {
    const plan = planCheck({ references: [`${dir}/target.yaml`], set: [], replicates: 2, seed: 5 });
    const seen: string[] = [];
    const outcome = await runChecks(plan, {
      jobs: 1,
      remote: undefined,
      each: (name, planned, check) => {
        seen.push(`${name}: ${planned}`);
        return check(new AbortController().signal, () => undefined);
      },
    });
    expect(seen).toEqual(['with-target: 2']);
    expect(outcome).toMatchObject({ complete: true, pass: true, result: { pass: true, complete: true, results: [{ target: 'orders', fit: 'reproduced' }] } });
    const files = checkFiles(plan, outcome, { createdAt: new Date(0), wallSeconds: 1, remote: undefined });
    expect(Object.keys(files).sort()).toEqual(['manifest.json', 'summary.json']);
    expect(JSON.parse(files['manifest.json']!)).toMatchObject({ kind: 'check', seed: 5, replicates: 2, complete: true });
  });
});
