/* global process, performance, console */
// Benchmark 1b's measurement, in a process of its own (bench/benchmarks.ts runs it): national-agri
// and the viewer-level benchmark model, taking turns, on the built code (dist/) as users run it.
// Prints the best time of each, in seconds, as JSON. The reference ratio in benchmarks.ts was
// measured the same way on the code before the counterfactual.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'dist');
const { ScenarioRun } = await import(path.join(dist, 'experiment', 'single-run.js'));
const { loadScenario } = await import(path.join(dist, 'scenario', 'load.js'));
const rounds = Number(process.argv[2] ?? 5);
const viewerLevel = loadScenario(path.join(here, 'viewer-level.yaml'));
const national = loadScenario('national-agri');
const timed = async (scenario, seed) => {
  const started = performance.now();
  await new ScenarioRun(scenario, seed).run();
  return (performance.now() - started) / 1000;
};
const viewer = [];
const nationalRuns = [];
for (let round = 1; round <= rounds; round++) {
  viewer.push(await timed(viewerLevel, round));
  nationalRuns.push(await timed(national, national.scenario.seed));
}
console.log(JSON.stringify({ viewer: Math.min(...viewer), national: Math.min(...nationalRuns) }));
