/**
 * Desktop habits (issue #11): F1 lists every shortcut (vi/en), Ctrl+S says everything is saved and offers
 * a named version, Ctrl+P opens the preview, Ctrl+F finds in the open part, and the desktop menu's
 * command event runs the same commands. What the store holds is checked where a command changes it.
 */
import { expect, test } from '@playwright/test';
import { SHORTCUTS } from '../../renderer/src/commands';
import { freshPlan, gridCell } from './editor-helpers';

test('F1 opens the list of every shortcut, in Vietnamese and in English', async ({ page, request }) => {
  await freshPlan(page, request);
  await page.keyboard.press('F1');
  const help = page.getByTestId('help-dialog');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Ctrl+Z');
  await expect(help).toContainText('Gõ chữ trên ô đang chọn');
  // One row per shortcut of the editor's list (commands.ts), whatever their number.
  await expect(help.locator('tr')).toHaveCount(SHORTCUTS.length);
  // The row tree's keys (#13).
  await expect(help).toContainText('Alt+Shift+→');
  await expect(help).toContainText('Thêm dòng con dưới dòng đang chọn');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.getByRole('button', { name: 'EN' }).click();
  await page.keyboard.press('F1');
  await expect(help).toContainText('Type on a selected cell');
});

test('Ctrl+S says everything is saved and offers a named version; Ctrl+P opens the preview', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  await gridCell(page, 2, 'Ghi chú').click();
  await page.keyboard.type('Kiểm tra đã lưu');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('undo-note')).toHaveText('Mọi thay đổi đã được lưu — không cần bấm Lưu.');
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows[1].cells.note).toBe('Kiểm tra đã lưu');
  await page.getByRole('button', { name: 'Lưu phiên bản…' }).click();
  await expect(page.getByRole('tab', { name: 'Phiên bản' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Control+p');
  await expect(page.getByTestId('preview-toggle')).toHaveAttribute('aria-pressed', 'true');
});

test('Ctrl+F in the appendix opens its find dialog; elsewhere the search part; the menu event runs undo', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = (await fx.store()).appendix.groups[0].rows[1].cells.note;
  await gridCell(page, 2, 'Ghi chú').click();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await gridCell(page, 2, 'Ghi chú').click();
  await page.keyboard.type('sẽ bị hoàn tác');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows[1].cells.note).toBe('sẽ bị hoàn tác');
  await page.evaluate(() => window.dispatchEvent(new CustomEvent('soan-command', { detail: 'undo' })));
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows[1].cells.note).toBe(before);
  await page.getByRole('tab', { name: 'Quyết định' }).click();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('tab', { name: 'Tìm và thay thế' })).toHaveAttribute('aria-selected', 'true');
});
