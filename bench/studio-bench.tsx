/**
 * Benchmark 6: the studio answers a key within 100 ms while 8 replicate pairs run on the worker
 * pool. The studio's app is rendered to ink-testing-library's terminal over a real session on
 * demo-county; a key's latency is from writing it to the first frame showing its effect (the
 * selection moved, or the stepped value drawn). Measured with the pool idle (the reference, in
 * the same run) and busy; the target is on the busy keys' slowest.
 */
import { render } from 'ink-testing-library';
import { StudioSession } from '../src/experiment/studio/studio-session.js';
import { scenarioVariants } from '../src/scenario/load.js';
import { StudioApp } from '../src/ui/components/StudioApp.js';
import { sessionControl } from '../src/ui/studio-control.js';

const MAX_BUSY_LATENCY_MS = 100;
const KEYS = { down: '\u001B[B', up: '\u001B[A' };

export async function benchStudio(): Promise<boolean> {
  const variants = scenarioVariants('demo-county');
  const session = new StudioSession('demo-county', (overrides) => (overrides.length === 0 ? variants.base : variants.variant(overrides)), { replicates: 8, rootSeed: 7 });
  const control = sessionControl(session, { save: () => '', exportHistory: () => '' });
  const app = render(<StudioApp control={control} title="bench" files={{ tweak: 't.yaml', history: 'h.csv' }} width={80} height={24} colorful={false} onQuit={() => {}} />);
  const selectedRow = () => (app.lastFrame() ?? '').split('\n').find((line) => line.startsWith('›')) ?? '';
  /** Milliseconds from writing `key` to a frame whose selected row differs from `before`. */
  const latency = async (key: string): Promise<number> => {
    const before = selectedRow();
    const started = performance.now();
    app.stdin.write(key);
    while (selectedRow() === before) {
      if (performance.now() - started > 5000) throw new Error('the studio never answered a key');
      await new Promise((resolve) => setImmediate(resolve));
    }
    return performance.now() - started;
  };
  await new Promise((resolve) => setTimeout(resolve, 200));
  const idle: number[] = [];
  for (let press = 0; press < 20; press++) idle.push(await latency(press % 2 === 0 ? KEYS.down : KEYS.up));
  // Busy: the guest anchor's welfare commission changed, 8 pairs (16 replicates) on the pool, keys every 50 ms until they finish.
  const guest = session.parameters.find((parameter) => parameter.path === 'anchors.guest-star.commission.welfareRate')!;
  let running = true;
  const watching = session.updates$.subscribe((update) => (running = update.running));
  session.set(guest.path, 0.03);
  const busy: number[] = [];
  for (let press = 0; running || busy.length < 10; press++) {
    busy.push(await latency(press % 2 === 0 ? KEYS.down : KEYS.up));
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (!running && busy.length < 10) session.set(guest.path, 0.03 + 0.001 * press);
  }
  // A step while replicates run: its answer is the new value drawn, the stale replicates cancelled and the new ones started.
  const steps: number[] = [];
  // Always up: every step a value not loaded before (a step back to one tried would be answered from the session's cache).
  for (let press = 0; press < 6; press++) {
    steps.push(await latency('+'));
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  watching.unsubscribe();
  session.close();
  app.unmount();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const slowest = Math.max(...busy, ...steps);
  console.log('');
  console.log(`the studio's keys, 80x24, demo-county (${busy.length + steps.length} keys while 8 replicate pairs ran on the pool, ${idle.length} with it idle)`);
  console.log(`idle            median ${median(idle).toFixed(1).padStart(5)} ms  slowest ${Math.max(...idle).toFixed(1).padStart(5)} ms`);
  console.log(`busy, arrows    median ${median(busy).toFixed(1).padStart(5)} ms  slowest ${Math.max(...busy).toFixed(1).padStart(5)} ms  (${(median(busy) / median(idle)).toFixed(1)}x idle)`);
  console.log(`busy, + and -   median ${median(steps).toFixed(1).padStart(5)} ms  slowest ${Math.max(...steps).toFixed(1).padStart(5)} ms  (each cancels the running replicates and starts over)`);
  console.log(`slowest key while busy: ${slowest.toFixed(1)} ms  (target <= ${MAX_BUSY_LATENCY_MS} ms)`);
  return slowest <= MAX_BUSY_LATENCY_MS;
}
