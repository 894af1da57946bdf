/**
 * `npm run bench`: livesim on the viewer-level benchmark model against the same model on a
 * minimal heap loop, measured in the same process and reported as a ratio of event rates (the
 * machine's speed cancels out). Rounds alternate between the two and the best of each is kept.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ScenarioRun } from '../src/experiment/single-run.js';
import { loadScenario } from '../src/scenario/load.js';
import { runMinimalLoop } from './minimal-loop.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET_RATIO = 0.5;

const loaded = loadScenario(path.join(here, 'viewer-level.yaml'));
const model = { broadcasts: 20, minutesPerBroadcast: 120, arrivalsPerMinute: 500, meanDwell: 8, purchaseRate: 0.02, price: 29.9 };

interface Measurement {
  readonly events: number;
  readonly seconds: number;
  readonly orders: number;
}

async function measureLivesim(seed: number): Promise<Measurement> {
  const run = new ScenarioRun(loaded, seed);
  const started = performance.now();
  const { summary } = await run.run();
  return { events: summary.engine.events, seconds: (performance.now() - started) / 1000, orders: summary.metrics.orders };
}

function measureMinimal(seed: number): Measurement {
  const started = performance.now();
  const result = runMinimalLoop(model, String(seed));
  return { events: result.events, seconds: (performance.now() - started) / 1000, orders: result.orders };
}

const rate = (measurement: Measurement) => measurement.events / measurement.seconds;
const best = (measurements: Measurement[]) => measurements.reduce((a, b) => (rate(a) >= rate(b) ? a : b));

const livesim: Measurement[] = [];
const minimal: Measurement[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  minimal.push(measureMinimal(round));
  livesim.push(await measureLivesim(round));
  process.stderr.write(`round ${round}/${ROUNDS}: livesim ${(rate(livesim.at(-1)!) / 1e6).toFixed(2)} M events/s, minimal loop ${(rate(minimal.at(-1)!) / 1e6).toFixed(2)} M events/s\n`);
}

const a = best(livesim);
const b = best(minimal);
const ratio = rate(a) / rate(b);
const row = (name: string, m: Measurement) =>
  `${name.padEnd(14)} ${(m.events / 1e6).toFixed(2).padStart(7)} M events ${m.seconds.toFixed(2).padStart(7)} s ${(rate(m) / 1e6).toFixed(2).padStart(7)} M events/s ${m.orders.toLocaleString('en-US').padStart(10)} orders`;
console.log('viewer-level benchmark (bench/viewer-level.yaml), best of', ROUNDS, 'rounds');
console.log(row('livesim', a));
console.log(row('minimal loop', b));
console.log(`ratio livesim / minimal loop: ${ratio.toFixed(2)}  (target >= ${TARGET_RATIO}; SimPy 3 manages ~0.06)`);
if (ratio < TARGET_RATIO) process.exitCode = 1;
