/** Real snapshots of small runs, and stream doubles for mounting the dashboard. */
import { EventEmitter } from 'node:events';
import { ModelRun } from '../../src/model/model-run.js';
import { compileScenario } from '../../src/scenario/compile.js';
import type { Snapshot } from '../../src/model/observation/snapshot.js';
import { INITIAL_STATE, type DashboardState } from '../../src/ui/dashboard-state.js';
import { loadValue, tinyScenario } from '../helpers.js';

/** Every snapshot of a tiny run whose apples sell out online (snapshots every 30 simulated minutes); the rest of the harvest goes offline. */
export async function tinySnapshots(): Promise<Snapshot[]> {
  const value = tinyScenario({
    snapshotEvery: '30m',
    anchors: [{ id: 'mei', recommendedTraffic: 4000, skill: 2 }],
    farmers: [{ id: 'village', households: 12, produces: [{ product: 'apple', capacity: { median: 20, sigma: 0.6 }, harvest: 400 }] }],
  });
  const run = new ModelRun(compileScenario(loadValue(value).scenario), 3);
  const snapshots: Snapshot[] = [];
  run.snapshots$.subscribe((snapshot) => snapshots.push(snapshot));
  await run.run();
  return snapshots;
}

export function stateWith(snapshot: Snapshot | undefined, control: Partial<DashboardState['control']> = {}): DashboardState {
  return {
    snapshot,
    wall: { eventsPerSecond: 1_234_567, etaSeconds: 12 },
    control: { ...INITIAL_STATE.control, interactive: true, ...control },
  };
}

/** A terminal-like stdout that keeps everything written to it. */
export class FakeTerminal extends EventEmitter {
  readonly isTTY = true;
  written = '';
  constructor(
    readonly columns = 80,
    readonly rows = 24,
  ) {
    super();
  }
  write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
    this.written += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const callback = rest.find((argument) => typeof argument === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }
}

/** A stdin that is not a terminal (no raw mode, so no keys). */
export class FakeInput extends EventEmitter {
  readonly isTTY = false;
  setEncoding() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    return null;
  }
}

/** Strips ANSI escapes. */
export const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
