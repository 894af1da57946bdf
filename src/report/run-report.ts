/**
 * The report of one run: headline numbers, the months (GMV, farmers' revenue, lost demand), where
 * the money went, households' income against the poverty line before and after e-commerce, the
 * broadcasts' views against their GMV, and the scenario it assumed.
 */
import { describeColumn, labelOf } from '../experiment/data-dictionary.js';
import type { Manifest } from '../experiment/run/manifest.js';
import type { RunSummary } from '../experiment/run/single-run.js';
import { formatCount, formatPercent, formatYuan, formatYuanShort } from '../format.js';
import { LEDGER_LABELS, LEDGER_PARTS, type LedgerPart } from '../model/money/flows.js';
import type { FarmerOutcome, FarmerOutcomes } from '../model/money/farmer-outcomes.js';
import { dictionarySection } from './dictionary-section.js';
import { escapeHtml, htmlPage, type Section } from './html-page.js';
import { readRunCsv, readRunJson } from './run-files.js';
import { SUMMARY_KEYS } from './reportable-run.js';
import { COLOR, seriesColor, svgChart } from './svg-chart.js';
import { chartsByDay, lineWithPartialMonths, monthCoverage, monthLabelInterval, periodLabels } from './time-axis.js';


/** The farmers in green, the sellers in teal, the costs in other colours, the losses in reds. */
const PART_COLORS: Readonly<Record<LedgerPart, string>> = {
  farmerRevenue: COLOR.green,
  intermediaryMargin: COLOR.teal,
  logistics: COLOR.blue,
  processing: COLOR.brown,
  anchorCommission: COLOR.purple,
  platformFees: COLOR.orange,
  refunds: COLOR.red,
  spoilage: COLOR.lightRed,
};

export function runReportHtml(directory: string, manifest: Manifest): string {
  const summary = readRunJson<RunSummary>(directory, 'summary.json', SUMMARY_KEYS.run);
  const povertyLine = (manifest.resolvedScenario as { povertyLine?: number } | undefined)?.povertyLine ?? 4000;
  const sections: Section[] = [
    headlineSection(summary),
    farmersSection(summary),
    timeSection(directory, summary),
    moneySection(summary),
    householdsSection(readRunCsv(directory, 'households.csv'), povertyLine),
    broadcastsSection(readRunCsv(directory, 'broadcasts.csv')),
    assumedSection(manifest),
    dictionarySection([...HEADLINE_NAMES, 'gainPremium', 'gainVolume', 'gainSpillover', 'wages', 'lostGmv', 'households', 'householdsAboveLineWithoutEcommerce', ...LEDGER_PARTS, 'baselineIncomePerPerson', 'incomePerPerson', 'views', 'gmv', 'anchor']),
  ];
  const warning = manifest.complete ? undefined : `This run was stopped at ${summary.simulated.reached}: its results are incomplete.`;
  return htmlPage(`livesim: ${manifest.scenario}`, `A run of livesim ${manifest.livesimVersion}, made ${manifest.createdAt}.`, warning, sections);
}

/** The headline numbers, in words with their meanings. */
function headlineSection(summary: RunSummary): Section {
  const m = summary.metrics;
  return {
    title: 'Headline',
    reading: `${summary.simulated.start} to ${summary.simulated.reached}, seed ${summary.seed}, ${summary.engine.fidelity} fidelity.`,
    body: headlineTable([
      ['gain', `${formatYuan(m.gain)} (premium ${formatYuan(m.gainPremium)} · volume ${formatYuan(m.gainVolume)} · spillover ${formatYuan(m.gainSpillover)} · wages ${formatYuan(m.wages)})`],
      ['gmv', formatYuan(m.gmv)],
      ['farmerRevenue', `${formatYuan(m.farmerRevenue)} (${formatPercent(m.farmerShare)} of GMV)`],
      ['orders', formatCount(m.orders)],
      ['views', formatCount(m.views)],
      ['lostOrders', `${formatCount(m.lostOrders)} orders, ${formatYuan(m.lostGmv)}`],
      ['householdsAboveLine', `${formatCount(m.householdsAboveLine)} of ${formatCount(m.households)} (${formatCount(m.householdsAboveLineWithoutEcommerce)} without live commerce)`],
    ]),
  };
}

/** The gain against the counterfactual and its parts, per farmer group. */
function farmersSection(summary: RunSummary): Section {
  return {
    title: 'What live commerce changed for the farmers',
    reading:
      'Against the counterfactual in the same run (the same harvest sold offline only): the gain and where it came from, per household group. ' +
      'Premium: online pay beyond the offline price; volume: units that would otherwise have gone unsold; spillover: better offline terms for everyone’s remaining harvest; wages: shop jobs. Income is yearly, all persons.',
    body: summary.farmers ? farmersTable(summary.farmers) : '<p>This run was made before livesim computed a counterfactual.</p>',
  };
}

/** Every yuan of GMV in exactly one part, as a stacked bar with each part's share and amount. */
function moneySection(summary: RunSummary): Section {
  return {
    title: 'Where the money went',
    reading: 'Every yuan of GMV, in exactly one part: what the farmers were paid, what the sellers kept, and the costs between.',
    body: svgChart(
      {
        legend: { bottom: 0 },
        grid: { left: 20, right: 60, top: 10, bottom: 60, containLabel: true },
        xAxis: { type: 'value', name: 'yuan', max: summary.ledger.gmv || undefined, axisLabel: { showMaxLabel: false } },
        yAxis: { type: 'category', data: ['GMV'] },
        series: LEDGER_PARTS.map((part) => ({
          name: LEDGER_LABELS[part],
          type: 'bar' as const,
          stack: 'gmv',
          data: [summary.ledger.parts[part]],
          color: PART_COLORS[part],
          // Each part's share on it, where the part is wide enough to hold the words.
          label: { show: summary.ledger.gmv > 0 && summary.ledger.parts[part] / summary.ledger.gmv >= 0.06, position: 'inside' as const, color: '#fff', formatter: () => `${formatPercent(summary.ledger.parts[part] / summary.ledger.gmv, 0)}\n${formatYuanShort(summary.ledger.parts[part])}` },
        })),
      },
      { width: 760, height: 170 },
    ),
  };
}

function householdsSection(households: readonly Record<string, string>[], povertyLine: number): Section {
  return {
    title: 'Households against the poverty line',
    reading: `Income per person per year, without live commerce and with it (trailing year), for the simulated households; the line is ${formatYuan(povertyLine)}.`,
    body: incomeHistogram(households, povertyLine),
  };
}

function broadcastsSection(broadcasts: readonly Record<string, string>[]): Section {
  return {
    title: 'Broadcasts',
    reading:
      'Each broadcast (or batch of a class of anchors): its views against its GMV, both on log scales, coloured by anchor' +
      (broadcasts.length > MAX_POINTS ? `; one in every ${strideFor(broadcasts.length)} of the ${formatCount(broadcasts.length)} rows of broadcasts.csv, to keep the page light.` : '.'),
    body: broadcastScatter(broadcasts),
  };
}

/** The resolved scenario, collapsed: what this run assumed. */
function assumedSection(manifest: Manifest): Section {
  return {
    title: 'What the scenario assumed',
    reading: `Scenario ${manifest.scenario}, hash ${manifest.scenarioHash.slice(0, 16)}…, seed ${manifest.seed}; the whole resolved scenario below.`,
    body: `<details><summary>the resolved scenario (JSON)</summary><pre>${escapeHtml(JSON.stringify(manifest.resolvedScenario, null, 2))}</pre></details>`,
  };
}

const HEADLINE_NAMES = ['gain', 'gmv', 'farmerRevenue', 'orders', 'views', 'lostOrders', 'householdsAboveLine'] as const;

/** GMV, the farmers' pay and the demand no stock could fill over time: by day for a short run, by month otherwise (a partial month drawn apart). */
function timeSection(directory: string, summary: RunSummary): Section {
  const { start } = summary.simulated;
  const end = summary.simulated.reached;
  const lines = [
    { name: 'GMV', column: 'gmv', color: COLOR.blue },
    { name: 'farmers’ revenue', column: 'farmerRevenue', color: COLOR.green },
    { name: 'lost demand', column: 'lostGmv', color: COLOR.red },
  ];
  const byDay = chartsByDay(start, end);
  const rows = readRunCsv(directory, byDay ? 'timeseries-daily.csv' : 'timeseries.csv');
  const coverage = byDay ? undefined : monthCoverage(rows.map((row) => row.period!), start, end);
  const partial = coverage !== undefined && periodLabels(coverage).some((label, index) => label !== coverage[index]!.period);
  return {
    title: byDay ? 'Day by day' : 'Month by month',
    reading:
      `GMV, what the farmers were paid, and the demand no stock could fill, per ${byDay ? 'day' : 'month'} (yuan)` +
      (partial ? '; a month the run covers only in part is a hollow dot, with its days on the axis.' : '.'),
    body: svgChart(
      {
        legend: { top: 0 },
        grid: { left: 80, right: 20, top: 40, bottom: 40 },
        xAxis: { type: 'category', name: byDay ? 'day' : 'month', nameLocation: 'middle', nameGap: 30, data: coverage ? periodLabels(coverage) : rows.map((row) => row.period!), axisLabel: { interval: coverage ? monthLabelInterval(coverage.length) : 'auto' } },
        yAxis: { type: 'value', name: 'yuan' },
        series: lines.flatMap((line) => {
          const data = rows.map((row) => Number(row[line.column]));
          return coverage ? lineWithPartialMonths({ name: line.name, color: line.color, data }, coverage) : [{ type: 'line' as const, name: line.name, color: line.color, data }];
        }),
      },
      undefined,
      'No sales in this run: nothing to draw over time.',
    ),
  };
}

/** One row per farmer group and one for all: households, income without and with, the gain and its parts, households above the line. */
function farmersTable(farmers: FarmerOutcomes): string {
  const header = ['group', 'households', 'income without', 'income with', 'gain', 'premium', 'volume', 'spillover', 'wages', 'above the line (without)'];
  const row = (outcome: FarmerOutcome) =>
    [
      outcome.group,
      formatCount(outcome.households),
      formatYuanShort(outcome.incomeWithout),
      formatYuanShort(outcome.incomeWith),
      formatYuanShort(outcome.gain),
      formatYuanShort(outcome.premium),
      formatYuanShort(outcome.volume),
      formatYuanShort(outcome.spillover),
      formatYuanShort(outcome.wages),
      `${formatCount(outcome.aboveLine)} (${formatCount(outcome.aboveLineWithout)})`,
    ]
      .map((cell) => `<td>${escapeHtml(cell)}</td>`)
      .join('');
  const rows = [...farmers.groups, ...(farmers.groups.length > 1 ? [farmers.total] : [])].map((outcome) => `<tr>${row(outcome)}</tr>`);
  return `<table><tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

/** The headline numbers, each labelled by its name and its meaning in the data dictionary. */
function headlineTable(rows: readonly (readonly [(typeof HEADLINE_NAMES)[number], string])[]): string {
  const cells = rows.map(([name, value]) => `<tr><td>${escapeHtml(labelOf(name))}</td><td>${escapeHtml(value)}</td><td class="meaning">${escapeHtml(describeColumn(name)?.meaning ?? '')}</td></tr>`);
  return `<table>${cells.join('')}</table>`;
}

function incomeHistogram(households: readonly Record<string, string>[], povertyLine: number): string {
  const before = households.map((row) => Number(row.baselineIncomePerPerson));
  const after = households.map((row) => Number(row.incomePerPerson));
  // A loop, not Math.max(...): a national run has hundreds of thousands of households.
  let top = povertyLine * 2;
  for (const value of after) top = Math.max(top, value);
  for (const value of before) top = Math.max(top, value);
  const bins = 20;
  const width = top / bins;
  const count = (values: readonly number[]) => Array.from({ length: bins }, (_, bin) => values.filter((value) => value >= bin * width && (value < (bin + 1) * width || bin === bins - 1)).length);
  const labels = Array.from({ length: bins }, (_, bin) => formatCount(Math.round((bin + 0.5) * width)));
  const lineBin = Math.min(bins - 1, Math.floor(povertyLine / width));
  return svgChart({
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'category', name: 'yuan per person per year', nameLocation: 'middle', nameGap: 30, data: labels },
    yAxis: { type: 'value', name: 'households' },
    series: [
      { name: 'without live commerce', type: 'bar', data: count(before), color: COLOR.grey },
      { name: 'with live commerce', type: 'bar', data: count(after), color: COLOR.green, markLine: { symbol: 'none', label: { formatter: 'poverty line' }, data: [{ xAxis: lineBin }] } },
    ],
  });
}

/** More points than this are drawn one in every `strideFor(n)`: a national run has tens of thousands, and the page would weigh megabytes. */
const MAX_POINTS = 2000;
const strideFor = (rows: number) => Math.ceil(rows / MAX_POINTS);

function broadcastScatter(all: readonly Record<string, string>[]): string {
  const stride = strideFor(all.length);
  const broadcasts = all.filter((_, index) => index % stride === 0);
  const anchors = [...new Set(broadcasts.map((row) => row.anchor!))];
  return svgChart({
    legend: { top: 0 },
    grid: { left: 70, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'log', name: 'views', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'log', name: 'GMV (yuan)' },
    series: anchors.map((anchor, index) => ({
      name: anchor,
      type: 'scatter' as const,
      symbolSize: 6,
      color: seriesColor(index),
      data: broadcasts.filter((row) => row.anchor === anchor && Number(row.views) > 0 && Number(row.gmv) > 0).map((row) => [Number(row.views), Number(row.gmv)]),
    })),
  });
}
