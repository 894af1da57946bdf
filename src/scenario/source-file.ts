/**
 * A scenario file parsed with positions, so that any dotted path can be traced back to the
 * line and column a person has to edit.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { ScenarioProblem } from '../errors.js';

export type PathKey = string | number;

export interface Position {
  readonly line: number;
  readonly column: number;
}

export class SourceFile {
  readonly value: unknown;
  readonly problems: ScenarioProblem[];
  private readonly document: Document.Parsed;
  private readonly lines = new LineCounter();

  constructor(
    readonly label: string,
    text: string,
  ) {
    this.document = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, merge: false });
    this.problems = this.document.errors.map((error) => {
      const position = this.lines.linePos(error.pos[0]);
      return {
        file: label,
        line: position.line,
        column: position.col,
        path: '',
        message: error.message.split('\n')[0] ?? error.message,
        hint: 'this is not valid YAML or JSON: check indentation, colons and quotes around this place',
      };
    });
    this.value = this.problems.length === 0 ? this.document.toJS() : undefined;
  }

  /**
   * How many segments of `path` exist in this file, and the position of the deepest one (the
   * key itself when `preferKey` and the whole path exists, e.g. for an unknown field).
   */
  locate(path: readonly PathKey[], preferKey = false): { matched: number; position: Position | undefined } {
    let node: unknown = this.document.contents;
    let found: unknown = node;
    let matched = 0;
    for (const key of path) {
      const isLast = matched === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
        if (!pair) break;
        found = isLast && preferKey ? pair.key : (pair.value ?? pair.key);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number' && node.items[key] !== undefined) {
        node = node.items[key];
        found = node;
      } else {
        break;
      }
      matched++;
    }
    const range = (found as Node | null | undefined)?.range;
    if (!range) return { matched, position: undefined };
    const position = this.lines.linePos(range[0]);
    return { matched, position: { line: position.line, column: position.col } };
  }
}
