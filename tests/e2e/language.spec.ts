/** Switching the UI language changes the plans list and the Decision form at once, with no reload and no lost typing. */
import { expect, test } from '@playwright/test';
import { expectStored, field, newSamplePlan, openDecision } from './decision-helpers';

test('the Decision form switches to English and back without a reload, keeping what is typed', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 7));
  const form = page.getByTestId('decision-view');
  await expect(form.getByLabel('Số', { exact: true })).toBeVisible();
  await expect(form.getByText('Căn cứ ban hành')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Thêm căn cứ' })).toBeVisible();

  // Something typed but not committed yet survives the switch.
  await field(page, 'decision.signer.name').fill('Lê Văn B');

  await page.getByRole('group', { name: 'Ngôn ngữ giao diện' }).getByRole('button', { name: 'EN' }).click();
  await expect(form.getByLabel('Number', { exact: true })).toBeVisible();
  await expect(form.getByLabel('Date of issue', { exact: true })).toBeVisible();
  await expect(form.getByLabel('Signing authority', { exact: true })).toBeVisible();
  await expect(form.getByText('Legal bases')).toBeVisible();
  await expect(form.getByRole('button', { name: 'Add legal basis' })).toBeVisible();
  await expect(form.getByRole('heading', { name: 'Recipients and signer' })).toBeVisible();
  await expect(field(page, 'decision.signer.prefix').locator('option[value="KT."]')).toHaveText('KT. – signs for the head');
  // The documents stay Vietnamese.
  await expect(page.getByTestId('doc-date')).toHaveText('Bình Phước, ngày 09 tháng 12 năm 2023');
  await expect(page.getByTestId('articles').getByRole('listitem').first()).toContainText('Điều 1.');
  await expect(field(page, 'decision.signer.name')).toHaveValue('Lê Văn B');
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(7);

  await field(page, 'decision.signer.name').blur();
  await expectStored(request, token, id, (p) => p.decision!.signer.name, 'Lê Văn B');

  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'VI' }).click();
  await expect(form.getByLabel('Ngày ban hành', { exact: true })).toBeVisible();
  await expect(form.getByRole('button', { name: 'Thêm nơi nhận' })).toBeVisible();
});

test('the plans list and the trash switch language too', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('group', { name: 'Ngôn ngữ giao diện' }).getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('columnheader', { name: 'Year' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Actions' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Duplicate/ }).first()).toBeVisible();
  await page.getByTestId('view-trash').click();
  await expect(page.getByRole('heading', { name: 'Trash' })).toBeVisible();
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'VI' }).click();
  await expect(page.getByRole('heading', { name: 'Thùng rác' })).toBeVisible();
});
