/**
 * The data dictionary: every metric (from the model's metric catalogue) and every other column
 * of every CSV livesim writes, once, with its unit, whether it is a flow (summed over a period),
 * a level (a value at a moment), a rate, or a key (what a row is), and what it means. `livesim metrics` prints it, the
 * reports label their axes and tables with it, and tests keep it complete.
 */
import { GROUP_METRICS } from '../model/money/farmer-outcomes.js';
import { METRIC_CATALOGUE, type MetricKind, type MetricUnit } from '../model/observation/metric-catalogue.js';

export interface MetricEntry {
  readonly unit: MetricUnit;
  readonly kind: MetricKind;
  /** Its name in words (the catalogue's metrics have one; other columns are read from their names). */
  readonly label?: string;
  readonly meaning: string;
}

/** Every metric of the model, from its catalogue (unit, kind, meaning). */
export const METRICS: Readonly<Record<string, MetricEntry>> = METRIC_CATALOGUE;

/** The other columns of the CSVs (keys, and a broadcast's or household's own fields), and the files they are in. */
export const COLUMNS: Readonly<Record<string, MetricEntry & { readonly files: string }>> = {
  period: { unit: 'date', kind: 'key', meaning: 'The month (YYYY-MM) or day (YYYY-MM-DD) a row covers', files: 'timeseries.csv, timeseries-daily.csv, replicates-timeseries.csv, a-/b-timeseries.csv' },
  replicate: { unit: 'number', kind: 'key', meaning: 'The replicate’s number in its batch, from 0', files: 'replicates.csv, replicates-timeseries.csv, sweep.csv, design.csv' },
  seed: { unit: 'number', kind: 'key', meaning: 'The replicate’s seed, derived from the root seed: run it alone with --seed', files: 'replicates.csv, replicates-timeseries.csv, sweep.csv, design.csv' },
  scenarioHash: { unit: 'text', kind: 'key', meaning: 'Hash of the resolved scenario the replicate ran', files: 'replicates.csv, sweep.csv' },
  case: { unit: 'text', kind: 'key', meaning: 'The sweep case: its name, or its parameter values', files: 'sweep.csv' },
  broadcast: { unit: 'number', kind: 'key', meaning: 'The broadcast’s number, in the order they went on air', files: 'broadcasts.csv' },
  count: { unit: 'count', kind: 'level', meaning: 'Broadcasts the row stands for (a class of anchors airs a batch at once)', files: 'broadcasts.csv' },
  anchor: { unit: 'text', kind: 'key', meaning: 'The anchor (or class of anchors) on air', files: 'broadcasts.csv' },
  series: { unit: 'text', kind: 'key', meaning: 'The anchor’s broadcast series', files: 'broadcasts.csv' },
  start: { unit: 'time', kind: 'key', meaning: 'When the broadcast started (YYYY-MM-DD HH:MM, simulated time)', files: 'broadcasts.csv' },
  minutes: { unit: 'minutes', kind: 'level', meaning: 'How long the broadcast was on air', files: 'broadcasts.csv' },
  welfare: { unit: 'true/false', kind: 'level', meaning: 'A public-welfare broadcast (commission waived or reduced)', files: 'broadcasts.csv' },
  sellerMargin: { unit: 'yuan', kind: 'flow', meaning: 'What the sellers kept from the broadcast; negative: they sold at a loss', files: 'broadcasts.csv' },
  finished: { unit: 'true/false', kind: 'level', meaning: 'The broadcast ended before the run did', files: 'broadcasts.csv' },
  household: { unit: 'text', kind: 'key', meaning: 'The simulated household', files: 'households.csv' },
  group: { unit: 'text', kind: 'key', meaning: 'households.csv: the household’s farmer group; design.csv: the Morris trajectory (or one-at-a-time parameter) of the point', files: 'households.csv, design.csv' },
  represents: { unit: 'count', kind: 'level', meaning: 'Real households this simulated one stands for', files: 'households.csv' },
  joined: { unit: 'true/false', kind: 'level', meaning: 'The household is in the selling network (supplies a seller or works for a shop)', files: 'households.csv' },
  persons: { unit: 'persons', kind: 'level', meaning: 'People in the household', files: 'households.csv' },
  baselineIncomePerPerson: { unit: 'yuan per person per year', kind: 'level', meaning: 'Income per person without live commerce (including the modelled harvest sold offline)', files: 'households.csv' },
  unitsSold: { unit: 'count', kind: 'flow', meaning: 'Units the household sold online', files: 'households.csv' },
  revenue: { unit: 'yuan', kind: 'flow', meaning: 'What the household was paid for what it sold online', files: 'households.csv' },
  netIncome: { unit: 'yuan', kind: 'flow', meaning: 'Its online sales beyond their farm-gate value, plus wages (the measure before the counterfactual)', files: 'households.csv' },
  incomePerPerson: { unit: 'yuan per person per year', kind: 'level', meaning: 'Income per person with live commerce: the baseline plus the gain over the trailing year', files: 'households.csv' },
  aboveLineWithoutEcommerce: { unit: 'true/false', kind: 'level', meaning: 'At or above the poverty line without live commerce (baseline income)', files: 'households.csv' },
  aboveLine: { unit: 'true/false', kind: 'level', meaning: 'At or above the poverty line with live commerce', files: 'households.csv' },
  point: { unit: 'number', kind: 'key', meaning: 'The design point’s number', files: 'design.csv' },
  step: { unit: 'number', kind: 'key', meaning: 'The point’s step along its trajectory (0: its start)', files: 'design.csv' },
  sample: { unit: 'text', kind: 'key', meaning: 'The parameter set’s number (base: the scenario as written)', files: 'samples.csv' },
  metric: { unit: 'text', kind: 'key', meaning: 'The metric the row is about (see above)', files: 'effects.csv, comparison.csv' },
  param: { unit: 'text', kind: 'key', meaning: 'The scenario parameter varied (a dotted path)', files: 'effects.csv' },
  low: { unit: 'number', kind: 'level', meaning: 'The low end of the parameter’s range', files: 'effects.csv' },
  high: { unit: 'number', kind: 'level', meaning: 'The high end of the parameter’s range', files: 'effects.csv' },
  muStar: { unit: 'number', kind: 'rate', meaning: 'μ*: the mean absolute change in the metric as the parameter crosses its range (Morris)', files: 'effects.csv' },
  mu: { unit: 'number', kind: 'rate', meaning: 'μ: the mean signed change (its sign says which way the parameter pushes)', files: 'effects.csv' },
  sigma: { unit: 'number', kind: 'rate', meaning: 'σ: how much the change varies across the design (interactions, non-linearity)', files: 'effects.csv' },
  significant: { unit: 'true/false', kind: 'level', meaning: 'The 95% interval of B − A excludes 0', files: 'comparison.csv' },
};

/** Columns named by pattern: one per platform or tag, product, ledger part, parameter, or compared quantity. */
export const PATTERN_COLUMNS: readonly { readonly pattern: string; readonly test: RegExp; readonly entry: MetricEntry }[] = [
  { pattern: 'gmv:<platform or tag>', test: /^gmv:/, entry: { unit: 'yuan', kind: 'flow', meaning: 'GMV of the sales counting toward a platform or a tag' } },
  {
    pattern: '<metric>:<farmer group>',
    test: new RegExp(`^(${GROUP_METRICS.join('|')}):`),
    entry: { unit: 'number', kind: 'level', meaning: 'replicates.csv, sweep.csv: a farmer group’s value of the metric (gain and its parts, income with and without, households above the line)' },
  },
  { pattern: 'units:<product>', test: /^units:/, entry: { unit: 'count', kind: 'flow', meaning: 'Units of a product sold' } },
  { pattern: 'ledger.<part>', test: /^ledger\./, entry: { unit: 'yuan', kind: 'flow', meaning: 'A ledger part in replicates.csv and sweep.csv (farmerRevenue keeps its own name)' } },
  {
    pattern: '{a,b,delta,relative}{Mean,Low,High}',
    test: /^(a|b|delta|relative)(Mean|Low|High)$|^relative$/,
    entry: { unit: 'number', kind: 'level', meaning: 'comparison.csv: A’s and B’s means, B − A and (B − A) / A, each with its paired 95% interval (Low, High), in the metric’s unit' },
  },
  { pattern: '<parameter.path>', test: /^[a-z][\w-]*(\.[\w-]+)+$/i, entry: { unit: 'number', kind: 'key', meaning: 'sweep.csv, design.csv, samples.csv: the value a scenario parameter took in this row' } },
];

/** What a column of any CSV (or a metric) is, or undefined when the dictionary does not know it. */
export function describeColumn(name: string): MetricEntry | undefined {
  const ledgerPart = name.startsWith('ledger.') ? METRICS[name.slice('ledger.'.length)] : undefined;
  // A farmer group's column has its metric's unit.
  const groupMetric = GROUP_METRICS.find((metric) => name.startsWith(`${metric}:`));
  const ofGroup = groupMetric && { ...METRICS[groupMetric]!, meaning: `${METRICS[groupMetric]!.meaning} (one farmer group)` };
  return METRICS[name] ?? COLUMNS[name] ?? ledgerPart ?? ofGroup ?? PATTERN_COLUMNS.find((column) => column.test.test(name))?.entry;
}

/** An identifier in words: `baselineIncomePerPerson` → "baseline income per person". */
const words = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/**
 * A metric's or column's name in words, for chart labels and titles: the catalogue's label
 * ("GMV", "households above the poverty line"), a pattern's parts in words ("GMV: alibaba",
 * "logistics"), a parameter path after its list ("li-orchard commission welfare rate"), or the name split into words.
 */
export function labelOf(name: string): string {
  const own = METRICS[name]?.label;
  if (own !== undefined) return own;
  if (name.startsWith('ledger.')) return labelOf(name.slice('ledger.'.length));
  const colon = name.indexOf(':');
  if (colon > 0 && METRICS[name.slice(0, colon)]) return `${labelOf(name.slice(0, colon))}: ${name.slice(colon + 1)}`;
  // A parameter path without its top-level list, so two anchors' same field stay apart.
  if (name.includes('.')) return name.split('.').slice(1).map(words).join(' ');
  return words(name);
}

/** A label as a title: its first letter up ("GMV" stays as it is). */
export const titleOf = (name: string) => {
  const label = labelOf(name);
  return label.charAt(0).toUpperCase() + label.slice(1);
};

/** A metric's axis title: its label and unit ("GMV (yuan)", "conversion (%)"); counts and plain numbers go without one. */
export function axisTitle(name: string): string {
  const unit = describeColumn(name)?.unit;
  const label = labelOf(name);
  if (unit === 'share' || unit === 'orders per view') return `${label} (%)`;
  return unit === undefined || unit === 'number' || unit === 'text' || unit === 'count' ? label : `${label} (${unit})`;
}
