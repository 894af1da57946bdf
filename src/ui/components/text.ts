/** Fixed-width text for the dashboard's columns. */

/** Exactly `width` characters: padded, or cut with an ellipsis. */
export function fit(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}
