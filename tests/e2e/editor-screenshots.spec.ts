/**
 * Not a check: 1366×768 screenshots of the appendix grid, the agency directory and find-and-replace, for
 * people to look at. Runs only with SOAN_SCREENSHOTS=DIR.
 */
import { join } from 'node:path';
import { test } from '@playwright/test';
import { freshPlan, gridCell, setClipboard } from './editor-helpers';

const dir = process.env.SOAN_SCREENSHOTS;
test.skip(!dir, 'set SOAN_SCREENSHOTS=DIR to take screenshots');

test('screenshots of the editor', async ({ page, request }) => {
  const shot = (name: string) => page.screenshot({ path: join(dir as string, `${name}.png`) });
  await freshPlan(page, request);
  await gridCell(page, 2, 'Nội dung nhiệm vụ').click();
  await shot('20-grid');
  await page.getByTestId('filter-toggle').click();
  await page.getByTestId('filter-agency').selectOption({ label: 'Sở Tài chính' });
  await page.getByTestId('filter-count').waitFor();
  await shot('21-grid-filtered');
  await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  await gridCell(page, 3, 'Cơ quan chủ trì').dblclick();
  await page.getByTestId('agency-input').pressSequentially('so t');
  await page.getByTestId('agency-suggestions').waitFor();
  await shot('22-grid-autocomplete');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await setClipboard(page, 'Nhiệm vụ dán A\tSở Nội vụ\tSở Tài chính\tQuý I/2024\t\nNhiệm vụ dán B\tSở Tư pháp\t\tQuý II/2024\t\n');
  await gridCell(page, 5, 'Nội dung nhiệm vụ').click();
  await page.keyboard.press('Control+v');
  await page.getByTestId('status-info').waitFor();
  await shot('23-grid-pasted');
  await page.getByRole('button', { name: 'Các cột…' }).click();
  await shot('24-grid-columns');
  await page.getByRole('tab', { name: 'Danh mục cơ quan' }).click();
  await page.getByTestId('agencies-table').waitFor();
  await shot('25-agencies');
  await page.getByTestId('agency-duplicates').getByRole('button').first().click();
  await shot('26-agencies-merge');
  await page.getByRole('button', { name: 'Huỷ' }).click();
  await page.getByRole('tab', { name: /^Phụ lục/ }).click();
  await page.keyboard.press('Control+h');
  await page.getByTestId('find-text').fill('Trong năm 2024');
  await page.getByTestId('find-text').press('Enter');
  await page.getByTestId('find-hit').first().waitFor();
  await shot('27-find-replace');
});
