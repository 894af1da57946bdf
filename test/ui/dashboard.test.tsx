import { render } from 'ink-testing-library';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatCountShort, formatYuanShort } from '../../src/format.js';
import type { Snapshot } from '../../src/model/observation/snapshot.js';
import { DASHBOARD_LINES, Dashboard } from '../../src/ui/components/Dashboard.js';
import { stateWith, tinySnapshots } from './fixtures.js';

let snapshots: Snapshot[];
beforeAll(async () => {
  snapshots = await tinySnapshots();
});

const frameOf = (snapshot: Snapshot | undefined, width = 80, control = {}) => {
  const { lastFrame, unmount } = render(<Dashboard state={stateWith(snapshot, control)} width={width} colorful={false} />);
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
};

describe('the dashboard, readable at 80 columns', () => {
  it('lists every part of the money in its legend, largest first', () => {
    const snapshot = snapshots.at(-1)!;
    const frame = frameOf(snapshot);
    const parts = Object.entries(snapshot.ledgerShares).filter(([, share]) => share > 0);
    expect(parts.length).toBeGreaterThanOrEqual(6);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    for (const [part] of parts) {
      const label = { farmerRevenue: 'farmers', intermediaryMargin: 'sellers', platformFees: 'platform', anchorCommission: 'anchors' }[part] ?? part;
      expect(frame, part).toMatch(new RegExp(`\\S ${label} \\d+%`));
    }
  });

  it('draws both trends on one time axis, each with a level that means something', () => {
    const snapshot = snapshots.at(-1)!;
    expect(snapshot.trend.gmv).toHaveLength(snapshot.trend.peakViewers.length);
    const frame = frameOf(snapshot);
    expect(frame).toMatch(/GMV per hour .*avg ¥/);
    expect(frame).toMatch(/viewers at once .*peak \d/);
  });

  it('says "1 stock-out", and shows no speed while paused', () => {
    const snapshot = snapshots.at(-1)!;
    expect(snapshot.totals.stockOuts).toBe(1);
    expect(frameOf(snapshot)).toContain('1 stock-out,');
    expect(frameOf(snapshot, 80, { paused: true })).not.toContain('events/s');
  });

  it('never cuts a number, even at national scale (hundreds of millions of orders, hundreds of billions of yuan)', () => {
    const snapshot = snapshots.at(-1)!;
    const national = {
      ...snapshot,
      totals: { ...snapshot.totals, storesSell: true, gmv: 553_420_000_000, orders: 850_340_000, units: 1_110_000_000, views: 3_400_000_000, gmvPerThousandViews: 162_000 },
    };
    const frame = frameOf(national);
    for (const line of frame.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(frame).not.toMatch(/\d…/);
    expect(frame).toContain('850.34M');
  });

  it('shows a speed only once it has one (not "0 events/s" in the first second)', () => {
    const { lastFrame, unmount } = render(<Dashboard state={{ ...stateWith(snapshots.at(-1)), wall: { eventsPerSecond: 0, etaSeconds: undefined } }} width={80} colorful={false} />);
    expect(lastFrame()).not.toContain('events/s');
    unmount();
  });

  it('labels views and conversion as the broadcasts\' own when stores sell too', () => {
    const snapshot = snapshots.at(-1)!;
    const withStores = { ...snapshot, totals: { ...snapshot.totals, storesSell: true } };
    expect(frameOf(withStores)).toContain('live conv.');
    expect(frameOf(snapshot)).not.toContain('live conv.');
  });
});

describe('the dashboard', () => {
  it('shows the run: name, seed, fidelity, simulated time, progress, ETA and speed', () => {
    const snapshot = snapshots.at(-1)!;
    const frame = frameOf(snapshot);
    expect(frame).toContain('livesim tiny · seed 3 · agent');
    expect(frame).toContain(snapshot.at);
    expect(frame).toContain('100%');
    expect(frame).toContain('ETA 12s');
    expect(frame).toContain('1.23M events/s');
  });

  it('shows the money: GMV, orders, units, views, conversion, and where it went', () => {
    const snapshot = snapshots.at(-1)!;
    const frame = frameOf(snapshot, 100);
    expect(frame).toContain(formatYuanShort(snapshot.totals.gmv));
    expect(frame).toContain(formatCountShort(snapshot.totals.orders));
    expect(frame).toContain(formatCountShort(snapshot.totals.views));
    expect(frame).toContain(`farmers ${Math.round(snapshot.ledgerShares.farmerRevenue * 100)}%`);
    expect(frame).toContain(`logistics ${Math.round(snapshot.ledgerShares.logistics * 100)}%`);
  });

  it('lists the broadcasts on air with the product on screen and viewers', () => {
    const during = snapshots.find((snapshot) => snapshot.live.length > 0 && snapshot.live[0]!.viewers > 0)!;
    const frame = frameOf(during);
    expect(frame).toContain('Now live 1 on air');
    expect(frame).toMatch(new RegExp(`mei\\s+apple\\s+${formatCountShort(during.live[0]!.viewers)}`));
    const quiet = snapshots.find((snapshot) => snapshot.at.endsWith('03:00'))!;
    expect(frameOf(quiet)).toContain('nothing on air');
  });

  it('warns when stock runs out, and shows households against the poverty line', () => {
    const snapshot = snapshots.at(-1)!;
    const frame = frameOf(snapshot);
    expect(frame).toContain('⚠ sold out: apple');
    expect(frame).toContain(`${snapshot.households.aboveLine} of ${snapshot.households.total} above the line`);
  });

  it('leads the farmers panel with what live commerce gained them, and where from', () => {
    const snapshot = snapshots.at(-1)!;
    expect(snapshot.households.gain).toBeGreaterThan(0);
    const frame = frameOf(snapshot);
    expect(frame).toContain(`Farmers gained ${formatYuanShort(snapshot.households.gain)} from live commerce`);
    // The co-op pays the farm gate (no premium); selling the apples online left the village's offline market shorter.
    expect(frame).toContain(`spillover ${formatYuanShort(snapshot.households.spillover)}`);
  });

  it('ranks anchors and products by GMV', () => {
    const frame = frameOf(snapshots.at(-1)!);
    expect(frame).toMatch(/1\. mei\s+¥/);
    expect(frame).toMatch(/1\. apple\s+¥/);
  });

  it('fits 80 columns and a 24-line terminal, before the first snapshot too', () => {
    for (const snapshot of [undefined, snapshots[0], snapshots.at(-1)]) {
      const lines = frameOf(snapshot, 80).split('\n');
      expect(lines.length).toBeLessThanOrEqual(DASHBOARD_LINES);
      for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    }
  });

  it('lists the keys on request, and says when the run is paused or paced', () => {
    const frame = frameOf(snapshots.at(-1)!, 80, { help: true, paused: true, pace: 1440 });
    expect(frame).toContain('space   pause or resume');
    expect(frame).toContain('⏸ paused');
    expect(frame).toContain('pace 1d/s');
  });
});
