/**
 * Undo you can see (issue #11): Ctrl+Z from another section goes to the place it changed, says what it
 * undid, and the store is back as it was; the buttons' tooltips name the next step.
 */
import { expect, test } from '@playwright/test';
import { cellEditor, freshPlan, gridCell } from './editor-helpers';

test('Ctrl+Z from the Decision undoes row 6 note, goes to it and says so', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = (await fx.store()).appendix.groups.flatMap((g) => g.rows)[5];
  await gridCell(page, 6, 'Ghi chú').click();
  await page.keyboard.type('Ghi chú sẽ hoàn tác');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await fx.store()).appendix.groups.flatMap((g) => g.rows)[5].cells.note).toBe('Ghi chú sẽ hoàn tác');
  await expect(page.getByTestId('undo')).toHaveAttribute('title', 'Hoàn tác: sửa Ghi chú dòng 6 (Ctrl+Z)');

  await page.getByRole('tab', { name: 'Quyết định' }).click();
  await expect(page.getByTestId('decision-view')).toBeVisible();
  await page.getByRole('tab', { name: 'Quyết định' }).press('Control+z');
  await expect(page.getByTestId('undo-note')).toHaveText('Đã hoàn tác: sửa Ghi chú dòng 6');
  await expect(page.getByRole('tab', { name: /Phụ lục/ })).toHaveAttribute('aria-selected', 'true');
  await expect(gridCell(page, 6, 'Ghi chú')).toBeVisible();
  await expect(gridCell(page, 6, 'Ghi chú')).toBeFocused();
  await expect.poll(async () => (await fx.store()).appendix.groups.flatMap((g) => g.rows)[5].cells.note).toBe(before.cells.note);
  await expect(page.getByTestId('redo')).toHaveAttribute('title', 'Làm lại: sửa Ghi chú dòng 6 (Ctrl+Y)');
  await expect(cellEditor(page, 6, 'Ghi chú')).toHaveCount(0);
});
