/**
 * Nothing typed is lost (issue #11): text typed a moment before a reload, a section switch or leaving
 * the plan is in the store afterwards, letter for letter.
 */
import { expect, test } from '@playwright/test';
import { expectStored, field, newSamplePlan, openDecision } from './decision-helpers';
import { cellEditor, freshPlan, gridCell } from './editor-helpers';

const NOTE = 'Ghi chú';

test('typed in a grid cell and reloaded at once: every letter is in the store', async ({ page, request }) => {
  const fx = await freshPlan(page, request);
  const id = (await fx.store()).appendix.groups[0].rows[1].id;
  await gridCell(page, 2, NOTE).click();
  await page.keyboard.type('Cần rà soát lại trước quý II');
  await expect(cellEditor(page, 2, NOTE)).toHaveValue('Cần rà soát lại trước quý II');
  await page.reload();
  await expect(page.getByTestId('plan-title')).toBeVisible();
  await expect.poll(async () => (await fx.store()).appendix.groups[0].rows.find((r) => r.id === id)?.cells.note).toBe('Cần rà soát lại trước quý II');
});

test('typed in a Decision field and reloaded at once: every letter is in the store', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const place = field(page, 'issuer.place');
  await place.click();
  await place.press('Control+a');
  await page.keyboard.type('Đồng Xoài');
  await page.reload();
  await expectStored(request, token, id, (pkg) => pkg.issuer.place, 'Đồng Xoài');
});

test('typed then switched to another section at once: the text is saved', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const place = field(page, 'issuer.place');
  await place.click();
  await place.press('Control+a');
  await page.keyboard.type('Chơn Thành');
  await page.goto(`/#/plans/${id}/appendix`);
  await expect(page.getByTestId('appendix-editor')).toBeVisible();
  await expectStored(request, token, id, (pkg) => pkg.issuer.place, 'Chơn Thành');
});
