/**
 * A scenario file parsed with positions, so that any dotted path can be traced back to the
 * line and column a person has to edit.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { FORBIDDEN_KEY_HINT, isForbiddenKey } from './safe-keys.js';
import type { ScenarioProblem } from '../errors.js';

export type PathKey = string | number;

export interface Position {
  readonly line: number;
  readonly column: number;
}

/** Far beyond any scenario (the presets are under 20,000 characters). */
const MAX_FILE_CHARACTERS = 2_000_000;
const MAX_ALIAS_EXPANSIONS = 100;
const MAX_DEPTH = 32;
const MAX_STRUCTURE_PROBLEMS = 20;

export class SourceFile {
  readonly value: unknown;
  readonly problems: ScenarioProblem[];
  private readonly document: Document.Parsed | Document;
  private readonly lines = new LineCounter();

  constructor(
    readonly label: string,
    text: string,
  ) {
    // A file larger than any scenario is refused before parsing.
    if (text.length > MAX_FILE_CHARACTERS) {
      this.document = parseDocument('{}');
      this.problems = [
        {
          file: label,
          line: 1,
          column: 1,
          path: '',
          message: `the file has ${text.length.toLocaleString('en-US')} characters; a scenario may have at most ${MAX_FILE_CHARACTERS.toLocaleString('en-US')}`,
          hint: 'is this the scenario file you meant? Presets are a few hundred lines',
        },
      ];
      this.value = undefined;
      return;
    }
    // Duplicate keys are found by unsafeStructure in one pass: the yaml library's own check
    // compares every key with every other (minutes for a file of many keys).
    this.document = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, merge: false, uniqueKeys: false });
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
    if (this.problems.length === 0) this.problems.push(...this.unsafeStructure());
    this.value = this.problems.length === 0 ? this.toValue() : undefined;
  }

  /** The document as plain data; aliases that would expand past a limit (a "billion laughs" file) are a problem, not a crash. */
  private toValue(): unknown {
    try {
      return this.document.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
    } catch (error) {
      this.problems.push({
        file: this.label,
        line: 1,
        column: 1,
        path: '',
        message: `the file's aliases (*name) expand too far: ${(error as Error).message}`,
        hint: 'write the values out instead of referring to them many times over',
      });
      return undefined;
    }
  }

  /** Keys that could reach an object's prototype, and nesting deeper than any scenario needs. */
  private unsafeStructure(): ScenarioProblem[] {
    const problems: ScenarioProblem[] = [];
    const stack: { node: unknown; depth: number }[] = [{ node: this.document.contents, depth: 0 }];
    while (stack.length > 0 && problems.length < MAX_STRUCTURE_PROBLEMS) {
      const { node, depth } = stack.pop()!;
      if (!isMap(node) && !isSeq(node)) continue;
      if (depth > MAX_DEPTH) {
        problems.push(this.problemAt(node as Node, `nested more than ${MAX_DEPTH} levels deep`, 'a scenario is a few levels deep: check the indentation'));
        continue;
      }
      const seen = new Set<string>();
      for (const item of node.items as unknown[]) {
        if (isMap(node)) {
          const pair = item as { key: unknown; value: unknown };
          const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
          if (key !== undefined && isForbiddenKey(key)) {
            problems.push(this.problemAt(pair.key as Node, `\`${key}\` is not allowed as a key`, FORBIDDEN_KEY_HINT));
          } else if (key !== undefined && seen.has(key)) {
            problems.push(this.problemAt(pair.key as Node, `\`${key}\` appears twice in the same map`, 'keep one of them'));
          }
          if (key !== undefined) seen.add(key);
          stack.push({ node: pair.value, depth: depth + 1 });
        } else {
          stack.push({ node: item, depth: depth + 1 });
        }
      }
    }
    return problems;
  }

  private problemAt(node: Node, message: string, hint: string): ScenarioProblem {
    const start = node.range?.[0] ?? 0;
    const position = this.lines.linePos(start);
    return { file: this.label, line: position.line, column: position.col, path: '', message, hint };
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
