/**
 * Benchmark 1's measurement, one run in a process of its own so that every run is cold (the
 * JIT starts from nothing, as in a CLI run): `tsx bench/cold-run.ts <livesim|tight> <scale>`
 * runs the viewer-level model with `scale` times the arrivals (`national` runs national-agri
 * instead) and prints what it did and how long the simulation took (module loading and parsing
 * the scenario excluded) as JSON. livesim runs from the built code (dist/), as users run it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTightLoop } from './tight-loop.js';

process.env.NODE_ENV ??= 'production';
const here = path.dirname(fileURLToPath(import.meta.url));
const [which, scaleText] = process.argv.slice(2);
const scale = Number(scaleText ?? 1);
/** bench/viewer-level.yaml's model, as the tight loop takes it. */
const ARRIVALS_PER_MINUTE = 500;
const MINUTES = 120;

async function timeLivesim(national: boolean): Promise<{ events: number; orders: number; seconds: number }> {
  const dist = path.join(here, '..', 'dist');
  const { ScenarioRun } = (await import(path.join(dist, 'experiment', 'run', 'single-run.js'))) as typeof import('../src/experiment/run/single-run.js');
  const { loadScenario } = (await import(path.join(dist, 'scenario', 'load.js'))) as typeof import('../src/scenario/load.js');
  const traffic = ARRIVALS_PER_MINUTE * MINUTES * scale;
  const loaded = national
    ? loadScenario('national-agri')
    : loadScenario(path.join(here, 'viewer-level.yaml'), { overrides: [`anchors.anchor.recommendedTraffic=${traffic}`] });
  const started = performance.now();
  const { summary } = await new ScenarioRun(loaded, loaded.scenario.seed).run();
  return { events: summary.engine.events, orders: summary.metrics.orders, seconds: (performance.now() - started) / 1000 };
}

function timeTightLoop(): { events: number; orders: number; seconds: number } {
  const model = { broadcasts: 20, minutesPerBroadcast: MINUTES, arrivalsPerMinute: ARRIVALS_PER_MINUTE * scale, meanDwell: 8, purchaseRate: 0.02, price: 29.9 };
  const started = performance.now();
  const { events, orders } = runTightLoop(model, 1);
  return { events, orders, seconds: (performance.now() - started) / 1000 };
}

const measured = which === 'tight' ? timeTightLoop() : await timeLivesim(which === 'national');
console.log(JSON.stringify(measured));
