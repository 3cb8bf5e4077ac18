/** Find and replace across the package, from the appendix (Ctrl+H), checked in the store. */
import { expect, test } from '@playwright/test';
import type { FindHit } from '../../electron/core/api/contract';
import { freshPlan } from './editor-helpers';

test('find "Trong năm 2024", replace the chosen hits, one undo step', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const query = { text: 'Trong năm 2024', loose: true, wholeWord: false };
  const hits = await fx.call<FindHit[]>('findInPlan', fx.planId, query);
  expect(hits.length).toBeGreaterThan(3);
  await page.getByRole('gridcell', { name: 'Dòng 1 — Nội dung nhiệm vụ', exact: true }).click();
  await page.keyboard.press('Control+h');
  const dialog = page.getByRole('dialog', { name: 'Tìm và thay thế trong cả bộ văn bản' });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('find-text').fill('Trong năm 2024');
  await dialog.getByTestId('find-text').press('Enter');
  const shown = dialog.getByTestId('find-hit');
  await expect(shown).toHaveCount(hits.length);
  await expect(shown.first().locator('mark')).toHaveText(hits[0].match);
  await expect(shown.first()).toContainText(hits[0].where);
  await dialog.getByRole('button', { name: 'Bỏ chọn tất cả' }).click();
  await shown.nth(1).getByRole('checkbox').check();
  await shown.nth(2).getByRole('checkbox').check();
  await dialog.getByTestId('replace-text').fill('Trong năm 2025');
  await dialog.getByRole('button', { name: 'Thay 2 chỗ đã chọn' }).click();
  await expect.poll(async () => (await fx.call<FindHit[]>('findInPlan', fx.planId, query)).length).toBe(hits.length - 2);
  const now = await fx.call<FindHit[]>('findInPlan', fx.planId, { text: 'Trong năm 2025' });
  expect(now.map((h) => h.path)).toEqual(expect.arrayContaining([hits[1].path, hits[2].path]));
  // The path of a hit names the store place: read it back.
  const pkg = await fx.store();
  const m = /^appendix\.groups\[(\d+)\]\.rows\[(\d+)\]\.(\w+)$/.exec(hits[1].path);
  if (m) expect(pkg.appendix.groups[+m[1]].rows[+m[2]].cells[m[3]]).toContain('Trong năm 2025');
  await expect(dialog.getByTestId('find-hit')).toHaveCount(hits.length - 2);

  // One undo step brings both back.
  await dialog.getByRole('button', { name: 'Đóng' }).first().click();
  await page.getByTestId('undo').click();
  await expect.poll(async () => (await fx.call<FindHit[]>('findInPlan', fx.planId, query)).length).toBe(hits.length);
});

test('whole word and exact marks narrow the search; clicking a hit goes to its cell', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  await page.getByRole('button', { name: 'Tìm và thay thế…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('find-text').fill('quy');
  await dialog.getByTestId('find-text').press('Enter');
  const loose = await fx.call<FindHit[]>('findInPlan', fx.planId, { text: 'quy', loose: true, wholeWord: false });
  await expect(dialog.getByTestId('find-hit')).toHaveCount(loose.length);
  await dialog.getByRole('checkbox', { name: 'Cả từ' }).check();
  const whole = await fx.call<FindHit[]>('findInPlan', fx.planId, { text: 'quy', loose: true, wholeWord: true });
  expect(whole.length).toBeLessThan(loose.length);
  await expect(dialog.getByTestId('find-hit')).toHaveCount(whole.length);
  await dialog.getByRole('checkbox', { name: 'Không phân biệt dấu và chữ hoa' }).uncheck();
  const strict = await fx.call<FindHit[]>('findInPlan', fx.planId, { text: 'quy', loose: false, wholeWord: true });
  await expect(dialog.getByTestId('find-hit')).toHaveCount(strict.length);

  // A hit deep in the appendix: the windowed grid scrolls to it and focuses the cell.
  await dialog.getByRole('checkbox', { name: 'Không phân biệt dấu và chữ hoa' }).check();
  await dialog.getByRole('checkbox', { name: 'Cả từ' }).uncheck();
  await dialog.getByTestId('find-text').fill('Thường xuyên');
  await dialog.getByTestId('find-text').press('Enter');
  const deep = (await fx.call<FindHit[]>('findInPlan', fx.planId, { text: 'Thường xuyên' })).filter((h) => h.path.startsWith('appendix.groups')).at(-1)!;
  await dialog.locator(`[data-path="search:${deep.path}"] button`).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.locator(`[data-path="${deep.path}"]`)).toBeFocused();
});
