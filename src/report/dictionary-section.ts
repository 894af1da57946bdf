/** The closing section of every report: what each figure it shows means, from the data dictionary. */
import { describeColumn } from '../experiment/data-dictionary.js';
import { escapeHtml, type Section } from './html-page.js';

export function dictionarySection(names: readonly string[]): Section {
  const rows = [...new Set(names)].flatMap((name) => {
    const entry = describeColumn(name);
    return entry ? [[name, entry.unit, entry.kind, entry.meaning]] : [];
  });
  return {
    title: 'What the figures mean',
    reading: 'From livesim’s data dictionary: `livesim metrics` prints every metric and column, and docs/guide.md explains it.',
    body: `<details><summary>${rows.length} figures on this page</summary><table class="dictionary"><tr><th>name</th><th>unit</th><th>kind</th><th>meaning</th></tr>${rows
      .map((cells) => `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
      .join('')}</table></details>`,
  };
}
