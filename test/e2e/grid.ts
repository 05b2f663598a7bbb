/**
 * Reading the playground's grid (the base as stored, left of the extension) from a test: by table
 * tab, column header and the row's primary-field text, the way a person looks a value up.
 */
import type {Locator, Page} from 'playwright-core';

export function gridTable(page: Page): Locator {
  return page.locator('.pg-grid table');
}

export async function openTab(page: Page, tableName: string): Promise<void> {
  await page.getByRole('tab', {name: tableName, exact: true}).click();
  await page.locator(`.pg-grid table[data-table-name="${tableName}"]`).waitFor();
}

/** Column headers of the table on screen, in order. */
export async function columnNames(page: Page): Promise<string[]> {
  return gridTable(page).locator('thead th[data-field-id]').allInnerTexts();
}

/** Every shown row as {field name: cell text}. */
export async function readRows(page: Page): Promise<Array<Record<string, string>>> {
  return gridTable(page).evaluate((table) =>
    Array.from(table.querySelectorAll('tbody tr')).map((row) => {
      const cells: Record<string, string> = {};
      row.querySelectorAll('td[data-field-name]').forEach((cell) => {
        cells[(cell as HTMLElement).dataset.fieldName ?? ''] = (cell.textContent ?? '').trim();
      });
      return cells;
    }),
  );
}

/** The grid's row count line, e.g. "共 60 行". */
export async function rowCountText(page: Page): Promise<string> {
  return page.locator('.pg-count').innerText();
}
