/**
 * Progress without a dashboard: one line to stderr about once a second (no TTY, CI, --json), or
 * one status line redrawn in place on a terminal. Reads snapshots; computes nothing of the model.
 */
import type { EngineStatus } from '../engine/simulation.js';
import type { Snapshot } from '../model/observation/snapshot.js';
import { formatCount, formatCountShort, formatSeconds, formatYuanShort } from '../format.js';
import type { Terminal } from './terminal.js';

export type ProgressMode = 'lines' | 'status' | 'off';

const LINE_INTERVAL_MS = 1000;
const STATUS_INTERVAL_MS = 100;

export class ProgressReporter {
  private latest: Snapshot | undefined;
  private readonly startedAt: number;
  private lastPrintAt: number;
  private lastEvents = 0;
  private lastEventsAt: number;
  private eventsPerSecond = 0;
  private drewStatus = false;

  constructor(
    private readonly terminal: Terminal,
    private readonly mode: ProgressMode,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.startedAt = this.lastPrintAt = this.lastEventsAt = clock();
  }

  onSnapshot(snapshot: Snapshot): void {
    this.latest = snapshot;
  }

  onSlice(status: EngineStatus): void {
    if (this.mode === 'off') return;
    const now = this.clock();
    const interval = this.mode === 'lines' ? LINE_INTERVAL_MS : STATUS_INTERVAL_MS;
    if (now - this.lastPrintAt < interval) return;
    if (now > this.lastEventsAt) this.eventsPerSecond = ((status.events - this.lastEvents) * 1000) / (now - this.lastEventsAt);
    this.lastEvents = status.events;
    this.lastEventsAt = now;
    this.lastPrintAt = now;
    this.print(this.describe());
  }

  /** Clears the status line (if any) before the final report. */
  finish(): void {
    if (this.drewStatus) this.terminal.err('\r\u001b[2K');
    this.drewStatus = false;
  }

  describe(): string {
    const snapshot = this.latest;
    if (snapshot === undefined) return 'livesim  starting';
    const elapsed = (this.clock() - this.startedAt) / 1000;
    const progress = snapshot.progress;
    const eta = progress > 0.01 && progress < 1 ? `  ETA ${formatSeconds((elapsed * (1 - progress)) / progress)}` : '';
    return [
      `livesim ${String(Math.floor(progress * 100)).padStart(3)}%`,
      snapshot.at,
      `GMV ${formatYuanShort(snapshot.totals.gmv)}`,
      `orders ${formatCount(snapshot.totals.orders)}`,
      `${formatCountShort(Math.round(this.eventsPerSecond))} events/s${eta}`,
    ].join('  ');
  }

  private print(text: string): void {
    if (this.mode === 'lines') {
      this.terminal.err(`${text}\n`);
    } else {
      this.terminal.err(`\r\u001b[2K${text.slice(0, Math.max(20, this.terminal.columns - 1))}`);
      this.drewStatus = true;
    }
  }
}
