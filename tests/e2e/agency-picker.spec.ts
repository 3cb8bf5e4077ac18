/**
 * The agency picker in a cell that already names Sở Tư pháp: typing "tư pháp", "Sở Tư Pháp" or "STP" lists it
 * as "đã có" first, and Enter (or leaving the field) adds nothing — not the group entry "Các Sở: Tài chính, Tư
 * pháp, …" that merely contains the words. The store's cell is asserted after each gesture.
 */
import { expect, test } from '@playwright/test';
import { freshPlan, gridCell } from './editor-helpers';

const LEAD = 'Cơ quan chủ trì';

test('an agency already in the cell is "đã có": typing its name, another spelling or its abbreviation adds nothing', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const before = await fx.store();
  const lead = before.appendix.groups[0].rows[0].cells.lead;
  expect(lead).toEqual([{ agency: 'so-tu-phap', after: '' }]);
  expect(before.agencies.some((a) => a.name.startsWith('Các Sở: Tài chính, Tư pháp'))).toBe(true);

  await gridCell(page, 1, LEAD).click();
  await page.keyboard.press('F2');
  const input = page.getByRole('combobox', { name: `Thêm cơ quan — Dòng 1 — ${LEAD}` });
  await expect(input).toBeFocused();
  const list = page.getByTestId('agency-suggestions');

  for (const typed of ['tư pháp', 'Sở Tư Pháp', 'STP']) {
    await input.pressSequentially(typed);
    const first = list.getByRole('option').first();
    await expect(first).toHaveText('Sở Tư pháp — đã có trong ô');
    await expect(first).toHaveAttribute('aria-disabled', 'true');
    await expect(first).toHaveAttribute('aria-selected', 'true');
    if (typed === 'tư pháp') {
      // The group entry is still offered below, for whoever means it (arrow down), never taken by Enter.
      await expect(list.getByRole('option', { name: /^Các Sở: Tài chính, Tư pháp/ })).toBeVisible();
      await page.screenshot({ path: 'test-results/agency-picker-have-1366.png' });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: 'test-results/agency-picker-have-1280.png' });
    }
    await page.keyboard.press('Enter');
    await expect(input).toHaveValue('');
    await expect(page.getByTestId('agency-have')).toHaveText('Đã có trong ô: Sở Tư pháp. Không thêm lại.');
    await expect(page.getByRole('button', { name: /^Bỏ / })).toHaveCount(1);
  }
  // Typed and left by a click elsewhere: still nothing added.
  await input.pressSequentially('tư pháp');
  await page.getByTestId('plan-title').click();
  await expect(input).toHaveCount(0);
  await expect(gridCell(page, 1, LEAD)).toHaveText('Sở Tư pháp');
  const after = await fx.store();
  expect(after.appendix.groups[0].rows[0].cells.lead).toEqual(lead);
  expect(after.agencies).toEqual(before.agencies);
});
