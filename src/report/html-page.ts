/** One self-contained HTML page: inline styles and SVG only, a strict Content-Security-Policy, printable. */

export interface Section {
  readonly title: string;
  /** One line saying how to read it. */
  readonly reading: string;
  /** Trusted HTML (SVG from the chart renderer, tables built with `escapeHtml`). */
  readonly body: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const STYLE = `
body { font: 14px/1.45 sans-serif; color: #222; max-width: 820px; margin: 24px auto; padding: 0 16px; }
h1 { font-size: 22px; margin-bottom: 4px; } h2 { font-size: 17px; margin: 28px 0 2px; }
.reading { color: #555; margin: 0 0 8px; } .warning { background: #fff4d6; border: 1px solid #e0b84c; padding: 8px 12px; }
table { border-collapse: collapse; } td, th { padding: 2px 10px; text-align: right; } td:first-child, th:first-child { text-align: left; }
table.figures { font-size: 12px; } table.figures td { vertical-align: top; }
td.meaning { color: #666; text-align: left; font-size: 13px; } table.dictionary td { text-align: left; vertical-align: top; }
p.empty { color: #777; font-style: italic; }
details pre { font-size: 12px; background: #f6f6f6; padding: 8px; overflow-x: auto; }
section { break-inside: avoid; } @media print { body { margin: 0; } }
`;

export function htmlPage(title: string, subtitle: string, warning: string | undefined, sections: readonly Section[]): string {
  const parts = sections.map((section) => `<section><h2>${escapeHtml(section.title)}</h2><p class="reading">${escapeHtml(section.reading)}</p>${section.body}</section>`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(title)}</h1><p class="reading">${escapeHtml(subtitle)}</p>
${warning ? `<p class="warning">${escapeHtml(warning)}</p>` : ''}
${parts.join('\n')}
</body></html>
`;
}
