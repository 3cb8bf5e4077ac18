/**
 * When the store refuses a write (a full or read-only disk), the edit is kept in memory and the drafter
 * can send it again once the disk is back; nothing typed is lost. The refusal is simulated at the
 * transport: the first setField (sent through editPlan) answers with the store's disk-full message.
 */
import { expect, test } from '@playwright/test';
import { expectStored, field, newSamplePlan, openDecision, storedPkg } from './decision-helpers';

test('an edit the store refuses is kept and written on retry', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  let refuse = true;
  await page.route('**/api/editPlan', async (route) => {
    if (!refuse || (JSON.parse(route.request().postData() ?? '[]') as unknown[])[1] !== 'setField') return route.continue();
    await route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: 'store.sqlite: the disk is full; the change was not saved.', userError: true }) });
  });
  const place = field(page, 'issuer.place');
  await place.fill('Đồng Xoài');
  await place.press('Enter');
  await expect(page.getByTestId('unsaved')).toContainText('1');
  await expect(page.getByRole('alert').filter({ hasText: 'disk is full' })).toBeVisible();
  // Not in the store, but still on screen.
  expect((await storedPkg(request, token, id)).issuer.place).toBe('Bình Phước');
  await expect(place).toHaveValue('Đồng Xoài');

  refuse = false;
  await page.getByTestId('retry-unsaved').click();
  await expectStored(request, token, id, (pkg) => pkg.issuer.place, 'Đồng Xoài');
  await expect(page.getByTestId('unsaved')).toHaveCount(0);
});
