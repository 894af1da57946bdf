/**
 * Rows of a batch (replicates.csv, sweep.csv): one per replicate, in long format with the
 * replicate's identity (index, seed, scenario hash) and every summary metric. Rows are appended
 * to a safety copy as replicates finish, so a batch whose process dies keeps what it did; the
 * file the batch writes at its end has them in replicate order, so it is the same for the same
 * root seed however the work was scheduled.
 */
import { groupMetrics } from '../../model/money/farmer-outcomes.js';
import { LEDGER_PARTS } from '../../model/money/flows.js';
import { parseCsvRows, toCsv, type Cell } from './csv.js';
import type { RunSummary } from '../run/single-run.js';

/** Where rows go as they finish (a file appended to), if anywhere. */
export interface RowSink {
  append(text: string): void;
}

/**
 * Every summary metric as a flat name -> number map: ledger parts as `ledger.<part>` (but for
 * farmerRevenue, already a metric), and each farmer group's outcome as `<metric>:<group>`.
 */
export function metricValues(summary: RunSummary): Record<string, number> {
  const values: Record<string, number> = { ...summary.metrics };
  for (const part of LEDGER_PARTS) if (part !== 'farmerRevenue') values[`ledger.${part}`] = summary.ledger.parts[part];
  for (const outcome of summary.farmers.groups) {
    for (const [metric, value] of groupMetrics(outcome)) values[`${metric}:${outcome.group}`] = value;
  }
  return values;
}

/** A finished replicate's row: its identity (index, seed, scenario hash, then `extra` keys) and metrics. */
export function replicateRow(summary: RunSummary, replicate: number, order: number, extra: Readonly<Record<string, Cell>> = {}): BatchRow {
  return { keys: { replicate, seed: summary.seed, scenarioHash: summary.scenarioHash, ...extra }, order, metrics: metricValues(summary) };
}

export interface BatchRow {
  /** Leading identity columns (case, replicate, seed, scenarioHash, parameter values...). */
  readonly keys: Readonly<Record<string, Cell>>;
  /** Sort key: rows are written in this order at the end. */
  readonly order: number;
  readonly metrics: Readonly<Record<string, number>>;
}

export class BatchRows {
  private readonly rows: BatchRow[] = [];
  private header: string[] | undefined;

  /** `sink` undefined: rows are kept in memory only (compare). */
  constructor(private readonly sink: RowSink | undefined) {}

  get all(): readonly BatchRow[] {
    return this.rows;
  }

  /** Adds a finished replicate's row, appending it to the sink at once (the header before the first). */
  add(row: BatchRow): void {
    this.rows.push(row);
    const first = this.header === undefined;
    this.header ??= [...Object.keys(row.keys), ...Object.keys(row.metrics)];
    if (this.sink === undefined) return;
    const csv = toCsv(this.header, [this.cells(row)]);
    this.sink.append(first ? csv : csv.slice(csv.indexOf('\n') + 1));
  }

  /** The rows in order, as the batch's CSV (empty when none finished). */
  csv(): string {
    if (this.header === undefined) return '';
    const sorted = [...this.rows].sort((a, b) => a.order - b.order);
    return toCsv(this.header, sorted.map((row) => this.cells(row)));
  }

  private cells(row: BatchRow): Cell[] {
    return this.header!.map((column) => row.keys[column] ?? numberCell(row.metrics[column]));
  }
}

/** Numbers as they are, except floating noise: 10 significant digits. */
function numberCell(value: number | undefined): Cell {
  if (value === undefined) return '';
  return Number.isInteger(value) ? value : Number(value.toPrecision(10));
}

/** Reads a batch's CSV back: identity columns as text, the rest as numbers. */
export function parseBatchCsv(text: string, identityColumns: readonly string[]): BatchRow[] {
  const [columns, ...lines] = parseCsvRows(text);
  if (!columns) return [];
  return lines.map((cells, index) => {
    // A damaged file is refused, not half-read.
    if (cells.length !== columns.length) throw new Error(`line ${index + 2} has ${cells.length} cells, the header ${columns.length}`);
    const keys: Record<string, Cell> = {};
    const metrics: Record<string, number> = {};
    columns.forEach((column, position) => {
      const cell = cells[position] ?? '';
      if (identityColumns.includes(column)) keys[column] = /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
      else {
        const value = Number(cell);
        // The cell itself is not quoted: the file may not be what it claims to be.
        if (cell.trim() === '' || !Number.isFinite(value)) throw new Error(`line ${index + 2}, column ${column} is not a number`);
        metrics[column] = value;
      }
    });
    return { keys, order: typeof keys.replicate === 'number' ? keys.replicate : index, metrics };
  });
}
