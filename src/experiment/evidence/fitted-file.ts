/**
 * Writes a calibration back into the scenario file: each free parameter's value replaced where
 * the file sets it (comments and layout kept), and a comment block at the top stating the fit.
 * The text depends only on the fit, so it is the same for the same seed; a later fit replaces
 * the block of an earlier one.
 */
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { fitClaims } from './fit-report.js';
import type { CalibrationResult } from './calibrate.js';
import type { TargetVerdict } from './targets.js';

const BEGIN = '# livesim calibrate: the fit that set this file\'s free parameters';
const END = '# end of fit';
/** A block written by an earlier fit, with the blank line after it. */
const EARLIER_FIT = /^# livesim calibrate: the fit that set this file's free parameters\n(?:#.*\n)*?# end of fit\n\n?/m;

export function fittedScenarioText(originalText: string, result: CalibrationResult): string {
  const document = parseDocument(originalText.replace(EARLIER_FIT, ''));
  for (const parameter of result.parameters) setByDottedPath(document, parameter.path, parameter.after);
  return `${fitComment(result).join('\n')}\n\n${document.toString({ lineWidth: 0 })}`;
}

/** Sets a value at a dotted path whose list items may be named by id (appending an item with that id if the file lacks it). */
function setByDottedPath(document: Document, dotted: string, value: number): void {
  const path: (string | number)[] = [];
  for (const segment of dotted.split('.')) {
    const node = document.getIn(path, true);
    if (isSeq(node)) {
      let index = /^\d+$/.test(segment) ? Number(segment) : node.items.findIndex((item) => isMap(item) && item.get('id') === segment);
      if (index < 0) {
        document.addIn(path, document.createNode({ id: segment }));
        index = node.items.length - 1;
      }
      path.push(index);
    } else {
      path.push(segment);
    }
  }
  document.setIn(path, value);
}

function describeVerdict(verdict: TargetVerdict): string {
  const expected = typeof verdict.expected === 'number' ? String(verdict.expected) : `${verdict.expected[0]}-${verdict.expected[1]}`;
  const error = `${verdict.relativeError >= 0 ? '+' : ''}${(verdict.relativeError * 100).toFixed(1)}%`;
  return `${verdict.target}: expected ${expected}, simulated ${Number(verdict.simulated.mean.toPrecision(6))} (${error}) ${verdict.pass ? 'pass' : 'FAIL'}`;
}

function fitComment(result: CalibrationResult): string[] {
  return [
    BEGIN,
    `#   root seed ${result.rootSeed}, ${result.replicates} replicates per candidate (the same seeds for every candidate), ${result.evaluations} evaluations`,
    `#   objective (sum of squared target errors, in tolerances): ${result.before.objective.toPrecision(4)} -> ${result.after.objective.toPrecision(4)}`,
    ...result.parameters.map(
      (parameter) => `#   ${parameter.path}: ${parameter.before} -> ${parameter.after}  (bounds ${parameter.min}-${parameter.max}, prior ${parameter.prior})`,
    ),
    ...result.after.verdicts.map((verdict) => `#   ${describeVerdict(verdict)}`),
    ...fitClaims(result).map((claim) => `#   ${claim.text}`),
    END,
  ];
}
