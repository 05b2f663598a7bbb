/**
 * How the playground's grid shows a stored cell value, the way Airtable's grid would: a select by
 * its name, links by the linked records' names, money with its symbol and precision. Pure, so the
 * grid stays a thin loop and the e2e test can read numbers back out of the text.
 */

export interface FieldLike {
  type: string;
  options: null | {[key: string]: unknown};
}

function named(value: unknown): string | null {
  if (value && typeof value === 'object' && 'name' in value) {
    const name = (value as {name?: unknown}).name;
    return typeof name === 'string' ? name : null;
  }
  return null;
}

/**
 * @example formatCell({type: 'currency', options: {precision: 2, symbol: '¥'}}, 1234.5) // '¥1,234.50'
 * @example formatCell({type: 'singleSelect', options: null}, {id: 'sel1', name: 'A'}) // 'A'
 */
export function formatCell(field: FieldLike, value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? '✓' : '';
  if (typeof value === 'number') {
    const precision = typeof field.options?.precision === 'number' ? field.options.precision : undefined;
    const shown = value.toLocaleString('en-US', {
      minimumFractionDigits: precision,
      maximumFractionDigits: precision ?? 20,
      useGrouping: field.type === 'currency',
    });
    if (field.type === 'currency') {
      const symbol = typeof field.options?.symbol === 'string' ? field.options.symbol : '';
      return value < 0 ? `-${symbol}${shown.slice(1)}` : `${symbol}${shown}`;
    }
    if (field.type === 'percent') return `${(value * 100).toLocaleString('en-US', {maximumFractionDigits: 2})}%`;
    if (field.type === 'rating') return '★'.repeat(Math.max(0, Math.min(10, Math.round(value))));
    return shown;
  }
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => named(item) ?? String(item)).join(', ');
  return named(value) ?? JSON.stringify(value);
}

/** The number behind a grid text such as '¥1,234.50' or '86.40', or null when there is none. */
export function numberInCell(text: string): number | null {
  const cleaned = text.replace(/[^0-9.-]/g, '');
  if (!/\d/.test(cleaned)) return null;
  const parsed = Number(cleaned);
  return Number.isFinite(parsed) ? parsed : null;
}
