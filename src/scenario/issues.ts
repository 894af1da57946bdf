/**
 * Turns zod's validation issues into problems a person can act on: the dotted path, what was
 * expected, what was found, and a hint (a likely typo, the allowed values, the field's meaning).
 */
import type { z } from 'zod';
import type { ScenarioProblem } from '../errors.js';
import { isPlainObject } from './plain-object.js';
import { fieldsAt, schemaAt } from './json-schema.js';
import type { ScenarioLocator } from './locator.js';
import type { PathKey } from './source-file.js';
import { closestMatch, hintFor } from './suggest.js';

type Issue = z.core.$ZodIssue;

interface Unlocated {
  readonly path: readonly PathKey[];
  /** Point at the key itself rather than its value (unknown fields). */
  readonly atKey?: boolean;
  readonly message: string;
  readonly expected?: string;
  readonly found?: string;
  readonly hint?: string;
}

/** Problems reported at most: past a few dozen, more of them help nobody, and locating each costs time. */
const MAX_PROBLEMS = 30;

export function problemsFromIssues(issues: readonly Issue[], data: unknown, locator: ScenarioLocator): ScenarioProblem[] {
  const problems = dropExplainedMissing(issues.flatMap((issue) => describeIssue(issue, [], data)));
  const shown = problems.slice(0, MAX_PROBLEMS).map((problem) => locate(problem, locator));
  if (problems.length > MAX_PROBLEMS) {
    const last = shown[shown.length - 1]!;
    shown.push({ file: last.file, path: '', message: `and ${(problems.length - MAX_PROBLEMS).toLocaleString('en-US')} more problems like these`, hint: 'fix the ones above first' });
  }
  return shown;
}

/**
 * A misspelt key also leaves the real field missing. When an unknown field's suggestion is the
 * missing field, the "missing" problem adds nothing: keep only the unknown field and its hint.
 */
function dropExplainedMissing(problems: Unlocated[]): Unlocated[] {
  const suggested = new Set(
    problems.flatMap((problem) => {
      const match = problem.atKey ? /^did you mean `(.+)`\?$/.exec(problem.hint ?? '') : null;
      return match ? [[...problem.path.slice(0, -1), match[1]!].join('.')] : [];
    }),
  );
  return problems.filter((problem) => !(problem.message.startsWith('missing required field') && suggested.has(problem.path.join('.'))));
}

function locate(problem: Unlocated, locator: ScenarioLocator): ScenarioProblem {
  const location = locator.locate(problem.path, problem.atKey);
  return {
    file: location.label,
    line: location.position?.line,
    column: location.position?.column,
    path: problem.path.join('.'),
    message: problem.message,
    expected: problem.expected,
    found: problem.found,
    hint: problem.hint,
  };
}

function describeIssue(issue: Issue, prefix: readonly PathKey[], data: unknown): Unlocated[] {
  const path = [...prefix, ...(issue.path as PathKey[])];
  const input = issue.input;
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = fieldsAt(path, data);
      // Suggestions for the first few only: the rest are summed up by problemsFromIssues.
      return issue.keys.map((key, index) => ({
        path: [...path, key],
        atKey: true,
        message: `unknown field \`${key}\``,
        hint: index < MAX_PROBLEMS ? hintFor(key, allowed, 'field') : undefined,
      }));
    }
    case 'invalid_type': {
      if (input === undefined) {
        return [
          {
            path,
            message: `missing required field \`${String(path[path.length - 1] ?? '')}\``,
            expected: article(issue.expected),
            hint: describeField(path, data),
          },
        ];
      }
      return [{ path, message: `wrong type`, expected: article(issue.expected), found: describeValue(input) }];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const closest = typeof input === 'string' ? closestMatch(input, options) : undefined;
      return [
        {
          path,
          message: 'not one of the allowed values',
          expected: `one of ${options.map((option) => `\`${option}\``).join(', ')}`,
          found: describeValue(input),
          hint: closest === undefined ? undefined : `did you mean \`${closest}\`?`,
        },
      ];
    }
    case 'invalid_union':
      return describeUnion(issue, path, data);
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const inclusive = issue.inclusive !== false;
      const word = issue.code === 'too_small' ? (inclusive ? 'at least' : 'more than') : inclusive ? 'at most' : 'less than';
      const unit = issue.origin === 'array' ? ' items' : issue.origin === 'string' ? ' characters' : '';
      return [
        {
          path,
          message: issue.code === 'too_small' ? 'too small' : 'too large',
          expected: `${word} ${String(bound)}${unit}`,
          found: describeValue(input),
          // A bound the schema explains in words (its own message) says more than the field's description.
          hint: /^Too (big|small)/.test(issue.message) ? describeField(path, data) : issue.message,
        },
      ];
    }
    case 'invalid_format':
      return [{ path, message: issue.message, found: describeValue(input) }];
    case 'custom': {
      const hint = (issue.params as { hint?: string } | undefined)?.hint;
      return [{ path, message: issue.message, ...(hint === undefined ? {} : { hint }) }];
    }
    default:
      return [{ path, message: issue.message, found: input === undefined ? undefined : describeValue(input) }];
  }
}

function describeUnion(issue: Extract<Issue, { code: 'invalid_union' }>, path: PathKey[], data: unknown): Unlocated[] {
  const discriminated = issue as typeof issue & { discriminator?: string; options?: unknown[] };
  if (discriminated.discriminator !== undefined) {
    const options = (discriminated.options ?? []).map(String);
    const value = isPlainObject(issue.input) ? issue.input[discriminated.discriminator] : undefined;
    const closest = typeof value === 'string' ? closestMatch(value, options) : undefined;
    const list = options.map((option) => `\`${option}\``).join(', ');
    return [
      {
        path,
        message: value === undefined ? `missing \`${discriminated.discriminator}\`` : `unknown ${discriminated.discriminator}`,
        expected: `one of ${list}`,
        found: value === undefined ? undefined : describeValue(value),
        hint: closest === undefined ? `say which kind with \`${discriminated.discriminator}: ...\`` : `did you mean \`${closest}\`?`,
      },
    ];
  }
  // A plain union (a number, or { median, sigma }): report the branch the value got furthest in.
  const branches = issue.errors;
  const deeper = branches.find((branchIssues) => !branchIssues.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  if (deeper) return deeper.flatMap((inner) => describeIssue(inner, path, data));
  const expected = branches
    .flatMap((branchIssues) => branchIssues.map((inner) => (inner.code === 'invalid_type' ? article(inner.expected) : undefined)))
    .filter((text): text is string => text !== undefined);
  return [
    {
      path,
      message: 'wrong type',
      expected: [...new Set(expected)].join(' or '),
      found: describeValue(issue.input),
      hint: describeField(path, data),
    },
  ];
}

/** "price: Retail price per unit (yuan)", from the schema. */
function describeField(path: readonly PathKey[], data: unknown): string | undefined {
  const description = schemaAt(path, data)?.description;
  return description === undefined ? undefined : `${String(path[path.length - 1] ?? '')}: ${description}`;
}

function article(expected: string): string {
  if (expected === 'object') return 'a map of fields';
  if (expected === 'array') return 'a list';
  if (/^[aeiou]/.test(expected)) return `an ${expected}`;
  return `a ${expected}`;
}

/** Words for a value as the user wrote it. */
function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return value.length > 40 ? JSON.stringify(`${value.slice(0, 37)}...`) : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty map' : `a map with ${keys.slice(0, 4).join(', ')}${keys.length > 4 ? ', ...' : ''}`;
  }
  return String(value);
}
