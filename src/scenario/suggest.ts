/** "Did you mean ...?" for a misspelt key or id. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const lower = word.toLowerCase();
  // `dwellTime` for `dwell`, `price` for `priceElasticity`: one name contains the other.
  const containing = list.filter((candidate) => {
    const other = candidate.toLowerCase();
    return other.length >= 3 && lower.length >= 3 && (lower.startsWith(other) || other.startsWith(lower));
  });
  if (containing.length === 1) return containing[0];
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of list) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Close enough to be a typo: at most a third of the word, and never more than 3 edits.
  return best !== undefined && bestDistance <= Math.min(3, Math.max(1, Math.floor(word.length / 3))) ? best : undefined;
}

/** Edits (insert, delete, substitute, swap neighbours) from a to b: optimal string alignment distance. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** "did you mean `x`?" or a list of what is allowed. */
export function hintFor(word: string, candidates: readonly string[], what: string): string {
  const match = closestMatch(word, candidates);
  if (match !== undefined) return `did you mean \`${match}\`?`;
  if (candidates.length === 0) return `there are no ${what}s to refer to`;
  const shown = candidates.slice(0, 12).map((candidate) => `\`${candidate}\``).join(', ');
  return `${what}s here: ${shown}${candidates.length > 12 ? ', ...' : ''}`;
}
