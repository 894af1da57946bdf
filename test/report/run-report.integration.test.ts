/**
 * Reports: one offline HTML page per run directory (strict CSP, no scripts, nothing fetched), its
 * charts as inline SVG; written by `livesim report` and by --report on every command that makes
 * a run directory; opened in real headless Chromium without errors. Bad run directories are refused.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { describeColumn } from '../../src/experiment/data-dictionary.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { temporaryDirectory, tinyScenario, writeFiles } from '../helpers.js';

const BINARY = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const livesim = (args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [BINARY, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });

/** Debian's chromium, which .ci/run installs; the browser downloads of playwright do not work here. */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));

/** Charts, drawn or (every value zero) said to be empty in a line. */
const svgCount = (html: string) => (html.match(/<svg|<p class="empty">/g)?.length ?? 0);

describe('reports', () => {
  // Three and a half months, so the charts go by month (a partial one at each end).
  const dir = writeFiles({ 'county.yaml': tinyScenario({ start: '2020-03-20', end: '2020-07-05' }) });
  const made = {
    run: livesim(['run', 'county.yaml', '-q', '--out', 'run', '--report'], dir),
    batch: livesim(['run', 'county.yaml', '-q', '--replicates', '3', '--out', 'batch', '--report'], dir),
    compare: livesim(['compare', 'county.yaml', 'county.yaml', '--set-b', 'products.apple.price=46', '--replicates', '3', '-q', '--out', 'compare', '--report'], dir),
    sweep: livesim(['sweep', 'county.yaml', '-q', '--vary', 'products.apple.price=36,40,44', '--vary', 'anchors.mei.skill=1,1.5', '--replicates', '2', '--out', 'sweep', '--report'], dir),
    check: livesim(['check', 'weiya-welfare', '--replicates', '2', '--out', 'check', '--report'], dir),
    sensitivity: livesim(['sensitivity', 'county.yaml', '-q', '--param', 'anchors.mei.skill=0.8..1.2', '--param', 'products.apple.processingCost=1..3', '--trajectories', '2', '--replicates', '1', '--metric', 'gmv', '--metric', 'orders', '--out', 'sensitivity', '--report'], dir),
    uncertainty: livesim(['uncertainty', 'county.yaml', '-q', '--param', 'anchors.mei.skill=0.8..1.2', '--samples', '4', '--replicates', '1', '--metric', 'gmv', '--out', 'uncertainty', '--report'], dir),
  };
  const html = (name: keyof typeof made) => readFileSync(path.join(dir, name, 'report.html'), 'utf8');
  /** Charts per report: the run's four views; six metrics and three monthly bands; a forest and two overlays; six metrics; targets and validation; a tornado per metric; a spread per metric. */
  const CHARTS = { run: 4, batch: 9, compare: 3, sweep: 6, check: 2, sensitivity: 2, uncertainty: 1 } as const;
  /** The ones the browser test opens. */
  const IN_BROWSER = ['run', 'batch', 'compare', 'sweep', 'check'] as const;

  it('are written by --report on run, replicates, compare, sweep, check, sensitivity and uncertainty, one self-contained page each', () => {
    for (const [name, result] of Object.entries(made)) {
      // check exits 1 when a figure misses (2 replicates give wide intervals); anything else must succeed.
      expect(name === 'check' ? [0, 1] : [0], `${name}: ${result.stderr}`).toContain(result.status);
      const page = html(name as keyof typeof made);
      expect(page, name).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
      expect(page, name).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
      expect(svgCount(page), name).toBe(CHARTS[name as keyof typeof CHARTS]);
      expect(page, name).toContain('What the figures mean');
    }
    for (const label of ['What live commerce changed for the farmers', 'Month by month', 'Where the money went', 'Households against the poverty line', 'Broadcasts', 'What the scenario assumed']) expect(html('run')).toContain(label);
    expect(statSync(path.join(dir, 'run', 'report.html')).size).toBeLessThan(1024 * 1024);
  });

  it('chart a run shorter than three months by day, and mark a month a run covers only in part instead of drawing a collapse', () => {
    // March from the 20th and July to the 4th are partial, labelled with their days, in the run's and the batch's charts.
    for (const name of ['run', 'batch', 'compare'] as const) {
      expect(html(name), name).toContain('(12 of 31 days)');
      expect(html(name), name).toContain('(4 of 31 days)');
      expect(html(name), name).toContain('partial month');
      expect(html(name), name).not.toContain('(30 of 30 days)');
    }
    // A week: by day, not two partial months; a batch of weeks says why it has no months.
    livesim(['run', 'county.yaml', '-q', '--set', 'end=2020-03-27', '--out', 'week', '--report'], dir);
    const week = readFileSync(path.join(dir, 'week', 'report.html'), 'utf8');
    expect(week).toContain('Day by day');
    expect(week).not.toContain('Month by month');
    livesim(['run', 'county.yaml', '-q', '--set', 'end=2020-03-27', '--replicates', '2', '--out', 'weeks', '--report'], dir);
    expect(readFileSync(path.join(dir, 'weeks', 'report.html'), 'utf8')).toContain('These runs are shorter than three months');
    livesim(['compare', 'county.yaml', 'county.yaml', '--set', 'end=2020-03-27', '--replicates', '2', '-q', '--out', 'weeks-compared', '--report'], dir);
    expect(readFileSync(path.join(dir, 'weeks-compared', 'report.html'), 'utf8')).toContain('These runs are shorter than three months');
  });

  it('label their charts in words: no title, axis or legend is a camelCase id', () => {
    const camel = /\b[a-z]+[A-Z][A-Za-z]*\b/;
    for (const name of Object.keys(made) as (keyof typeof made)[]) {
      const page = html(name);
      // What a reader sees as labels: section titles and every text drawn in a chart (not the dictionary table or the scenario's JSON).
      const titles = [...page.matchAll(/<h2>(.*?)<\/h2>/g)].map((match) => match[1]!).filter((title) => title !== 'What the figures mean');
      const chartTexts = [...page.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]!);
      for (const label of [...titles, ...chartTexts]) expect(label, `${name}: ${label}`).not.toMatch(camel);
    }
  });

  it('write the money bar’s values on it, and an all-zero chart as a line saying so', () => {
    // The farmers' share of GMV, as a percentage, on its part of the bar.
    expect(html('run')).toMatch(/<text[^>]*>\d+%<\/text>/);
    // Nobody buys: every chart of sales over time is zero.
    const quiet = writeFiles({ 'quiet.yaml': tinyScenario({ start: '2020-03-20', end: '2020-04-27' }) });
    const made = livesim(['run', 'quiet.yaml', '-q', '--set', 'behaviour.purchaseRate=0', '--out', 'quiet', '--report'], quiet);
    expect(made.status, made.stderr).toBe(0);
    expect(readFileSync(path.join(quiet, 'quiet', 'report.html'), 'utf8')).toContain('<p class="empty">No sales in this run: nothing to draw over time.</p>');
  });

  it('draw a batch’s months as a median with a 5-95% band, from replicates-timeseries.csv', () => {
    expect(html('batch')).toContain('GMV, month by month');
    const lines = readFileSync(path.join(dir, 'batch', 'replicates-timeseries.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^replicate,seed,period,broadcasts,/);
    expect(lines).toHaveLength(1 + 3 * 5);
  });

  it('draw a comparison as a forest of relative differences, significant first, and A’s and B’s months overlaid', () => {
    const page = html('compare');
    expect(page).toContain('What changes from A to B');
    expect(page).toContain('B − A, % of A');
    for (const file of ['summary.json', 'comparison.csv', 'a-timeseries.csv', 'b-timeseries.csv']) expect(existsSync(path.join(dir, 'compare', file)), file).toBe(true);
    const summary = JSON.parse(readFileSync(path.join(dir, 'compare', 'summary.json'), 'utf8'));
    expect(summary.metrics.find((metric: { name: string }) => metric.name === 'units').significant).toBe(true);
    expect(made.compare.stdout).toContain('relative [95% CI]');
  });

  it('draw a sweep’s metrics against the swept parameter, one line per value of the other', () => {
    const page = html('sweep');
    expect(page).toContain('against products.apple.price; one line per value of anchors.mei.skill');
    expect(page).toContain('mei skill=1.5');
  });

  it('draw a check’s targets apart from its validation figures', () => {
    const page = html('check');
    expect(page).toContain('Targets: reproduced by the mechanisms, fitted exactly, and inputs');
    expect(page).toContain('fitted exactly');
    expect(page).toContain('Validation: public figures not used in fitting');
    expect(page).toContain('weiya.turnover');
    expect(JSON.parse(readFileSync(path.join(dir, 'check', 'summary.json'), 'utf8')).results.length).toBeGreaterThan(0);
  });

  it('label only columns the data dictionary knows: every column of every CSV these runs wrote', () => {
    for (const name of Object.keys(made)) {
      for (const file of readdirSync(path.join(dir, name)).filter((entry) => entry.endsWith('.csv'))) {
        const header = readFileSync(path.join(dir, name, file), 'utf8').split('\n')[0]!.split(',');
        expect(header.filter((column) => describeColumn(column) === undefined), `${name}/${file}`).toEqual([]);
      }
    }
  });

  it('are written again by livesim report, which says so at the top when the run was stopped', () => {
    const file = path.join(dir, 'run', 'report.html');
    rmSync(file);
    const again = livesim(['report', 'run'], dir);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout.trim()).toMatch(/report\.html$/);
    const manifestFile = path.join(dir, 'run', 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, complete: false }));
    expect(livesim(['report', 'run'], dir).status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('its results are incomplete');
    writeFileSync(manifestFile, JSON.stringify(manifest));
  });

  it('open with the desktop’s opener when asked, and only note it when there is none', () => {
    const bin = path.join(dir, 'bin');
    mkdirSync(bin, { recursive: true });
    const opened = path.join(dir, 'opened.txt');
    writeFileSync(path.join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > ${opened}\n`);
    chmodSync(path.join(bin, 'xdg-open'), 0o755);
    const withOpener = livesim(['report', 'run', '--open'], dir, { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
    expect(withOpener.status, withOpener.stderr).toBe(0);
    for (let tries = 0; tries < 50 && !existsSync(opened); tries++) spawnSync('sleep', ['0.1']);
    expect(readFileSync(opened, 'utf8').trim()).toBe(path.join(dir, 'run', 'report.html'));
    const nothing = path.join(dir, 'no-opener');
    mkdirSync(nothing, { recursive: true });
    const without = livesim(['report', 'run', '--open'], dir, { PATH: nothing });
    expect(without.status).toBe(0);
    expect(without.stderr).toContain('no desktop opener');
  });

  it('draw a tornado per metric for a sensitivity design, and the spread per metric for an uncertainty one', () => {
    expect(html('sensitivity')).toContain('mei skill');
    expect(html('uncertainty')).toContain('5-95% band');
  });

  it('refuse a missing directory, one that is not a run, a half-written run and one from another version: exit 2, no stack trace', () => {
    const cwd = temporaryDirectory();
    mkdirSync(path.join(cwd, 'empty'));
    mkdirSync(path.join(cwd, 'half'));
    writeFileSync(path.join(cwd, 'half', 'summary.json'), '{}');
    mkdirSync(path.join(cwd, 'old'));
    const manifest = JSON.parse(readFileSync(path.join(dir, 'run', 'manifest.json'), 'utf8'));
    writeFileSync(path.join(cwd, 'old', 'manifest.json'), JSON.stringify({ ...manifest, livesimVersion: '0.0.3' }));
    const messages = { nowhere: 'does not exist', empty: 'no manifest.json', half: 'no manifest.json', old: 'written by livesim 0.0.3' };
    for (const [target, message] of Object.entries(messages)) {
      const refused = livesim(['report', target], cwd);
      expect(refused.status, target).toBe(2);
      expect(refused.stderr, target).toContain(message);
      expect(refused.stderr).not.toMatch(/^\s+at /m);
      expect(existsSync(path.join(cwd, target, 'report.html'))).toBe(false);
    }
  });

  it('open in headless Chromium without page errors or failed requests, their charts and axis labels drawn', async () => {
    if (!CHROMIUM) throw new Error('Chromium is needed for this test: apt-get install chromium (.ci/run does it)');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const labels = { run: ['yuan', 'households', 'views', 'GMV (yuan)'], batch: ['GMV (yuan)', 'replicate', 'month'], compare: ['B − A, % of A', 'GMV (yuan)', 'month'], sweep: ['GMV (yuan)', 'apple price'], check: ['simulated − figure, % of the figure'] };
    try {
      for (const name of IN_BROWSER) {
        const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
        const errors: string[] = [];
        const failed: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        page.on('requestfailed', (request) => failed.push(request.url()));
        await page.goto(`file://${path.join(dir, name, 'report.html')}`);
        expect(errors, name).toEqual([]);
        expect(failed, name).toEqual([]);
        expect(await page.locator('svg, p.empty').count(), name).toBe(CHARTS[name]);
        const text = await page.locator('body').innerText();
        for (const label of labels[name]) expect(text, name).toContain(label);
        // The screenshot stays in the test's directory, to be looked at.
        const shot = path.join(dir, `${name}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        expect(statSync(shot).size, name).toBeGreaterThan(10_000);
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});
