/**
 * A run's report: one offline HTML page (strict CSP, no scripts, nothing fetched), its charts as
 * inline SVG, opened in real headless Chromium without errors. Bad run directories are refused.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { temporaryDirectory, tinyScenario, writeFiles } from '../helpers.js';

const BINARY = path.join(PACKAGE_ROOT, 'dist', 'cli', 'main.js');
const livesim = (args: string[], cwd: string) => spawnSync(process.execPath, [BINARY, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

/** Debian's chromium, which .ci/run installs; the browser downloads of playwright do not work here. */
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) => existsSync(candidate));

describe('livesim report', () => {
  const dir = writeFiles({ 'county.yaml': tinyScenario() });
  const run = livesim(['run', 'county.yaml', '-q', '--out', 'run', '--report'], dir);
  const file = path.join(dir, 'run', 'report.html');

  it('writes one self-contained page: a strict CSP, no scripts, nothing from the network, a chart per view', () => {
    expect(run.status, run.stderr).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    expect(html.match(/<svg/g)).toHaveLength(4);
    for (const label of ['Month by month', 'Where the money went', 'Households against the poverty line', 'Broadcasts', 'What the scenario assumed']) expect(html).toContain(label);
    expect(statSync(file).size).toBeLessThan(1024 * 1024);
  });

  it('is written again by livesim report, and says so at the top when the run was stopped', () => {
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

  it('draws a tornado per metric for a sensitivity design, and the spread per metric for an uncertainty one', () => {
    const sensitivity = livesim(['sensitivity', 'county.yaml', '-q', '--param', 'anchors.mei.skill=0.8..1.2', '--param', 'products.apple.processingCost=1..3', '--trajectories', '2', '--replicates', '1', '--metric', 'gmv', '--metric', 'orders', '--out', 'sens', '--report'], dir);
    expect(sensitivity.status, sensitivity.stderr).toBe(0);
    const tornado = readFileSync(path.join(dir, 'sens', 'report.html'), 'utf8');
    expect(tornado.match(/<svg/g)).toHaveLength(2);
    expect(tornado).toContain('anchors.mei.skill');
    const uncertainty = livesim(['uncertainty', 'county.yaml', '-q', '--param', 'anchors.mei.skill=0.8..1.2', '--samples', '4', '--replicates', '1', '--metric', 'gmv', '--out', 'unc', '--report'], dir);
    expect(uncertainty.status, uncertainty.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'unc', 'report.html'), 'utf8').match(/<svg/g)).toHaveLength(1);
  });

  it("draws each metric's replicates for a batch, and each case's mean with its interval for a sweep", () => {
    expect(livesim(['run', 'county.yaml', '-q', '--replicates', '3', '--out', 'batch', '--report'], dir).status).toBe(0);
    expect(readFileSync(path.join(dir, 'batch', 'report.html'), 'utf8').match(/<svg/g)).toHaveLength(6);
    expect(livesim(['sweep', 'county.yaml', '-q', '--vary', 'anchors.mei.skill=1,1.5', '--replicates', '2', '--out', 'sweep', '--report'], dir).status).toBe(0);
    const sweep = readFileSync(path.join(dir, 'sweep', 'report.html'), 'utf8');
    expect(sweep.match(/<svg/g)).toHaveLength(6);
    expect(sweep).toContain('mei.skill=1.5');
  });

  it('refuses a missing directory, one that is not a run, and a half-written run: exit 2, no stack trace', () => {
    const cwd = temporaryDirectory();
    mkdirSync(path.join(cwd, 'empty'));
    for (const target of ['nowhere', 'empty']) {
      const refused = livesim(['report', target], cwd);
      expect(refused.status, target).toBe(2);
      expect(refused.stderr).not.toMatch(/^\s+at /m);
    }
  });

  it('opens in headless Chromium without page errors or failed requests, its charts and axis labels drawn', async () => {
    if (!CHROMIUM) throw new Error('Chromium is needed for this test: apt-get install chromium (.ci/run does it)');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      const errors: string[] = [];
      const failed: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('requestfailed', (request) => failed.push(request.url()));
      await page.goto(`file://${file}`);
      expect(errors).toEqual([]);
      expect(failed).toEqual([]);
      expect(await page.locator('svg').count()).toBe(4);
      const text = await page.locator('body').innerText();
      for (const label of ['yuan', 'households', 'views', 'GMV (yuan)']) expect(text).toContain(label);
      await page.screenshot({ path: path.join(dir, 'report.png'), fullPage: true });
      expect(statSync(path.join(dir, 'report.png')).size).toBeGreaterThan(10_000);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
