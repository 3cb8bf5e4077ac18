/**
 * The plans list: new from sample, new blank (asks the year), duplicate, rename, delete to the trash, restore,
 * erase for good, sorting, empty states, and the list at 125 % and 150 % scaling. Every action is checked in
 * the store through the API, not only on screen.
 */
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { PlanSummary } from '../../electron/core/api/contract';
import { expectNoHorizontalScroll } from './decision-helpers';
import { callApi, planRows, SAMPLE_TITLE, sessionToken } from './helpers';

const shots = join(process.cwd(), 'test-results', 'shots');

function row(page: Page, id: number) {
  return page.locator(`[data-testid="plan-row"][data-plan-id="${id}"]`);
}

test('the trash starts empty and says so', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  for (const p of await callApi<PlanSummary[]>(request, token, 'listTrash')) await callApi(request, token, 'purgePlan', p.id);
  await page.reload();
  await page.getByTestId('view-trash').click();
  await expect(page.getByRole('heading', { name: 'Thùng rác' })).toBeVisible();
  await expect(page.getByTestId('trash-empty')).toContainText('Thùng rác trống.');
  expect(await callApi<PlanSummary[]>(request, token, 'listTrash')).toEqual([]);
});

test('new from sample adds the sample to the store', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const before = await callApi<PlanSummary[]>(request, token, 'listPlans');
  await page.getByRole('button', { name: 'Tạo mới từ mẫu' }).click();
  await expect(planRows(page)).toHaveCount(before.length + 1);
  const after = await callApi<PlanSummary[]>(request, token, 'listPlans');
  const added = after.filter((p) => !before.some((b) => b.id === p.id));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ title: SAMPLE_TITLE, year: 2024, rowCount: 48, hasDecision: true });
});

test('new blank asks the year, next year by default, and creates that plan', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const before = await callApi<PlanSummary[]>(request, token, 'listPlans');
  await page.getByRole('button', { name: 'Tạo kế hoạch trống' }).click();
  const dialog = page.getByTestId('new-blank-dialog');
  const year = dialog.getByLabel('Kế hoạch cho năm');
  await expect(year).toBeFocused();
  await expect(year).toHaveValue(String(new Date().getFullYear() + 1));

  // A wrong year is refused with a clear message and nothing is created.
  await year.fill('20');
  await dialog.getByRole('button', { name: 'Tạo kế hoạch' }).click();
  await expect(dialog.getByRole('alert')).toContainText('1945');
  expect(await callApi<PlanSummary[]>(request, token, 'listPlans')).toHaveLength(before.length);

  await year.fill('2031');
  // The province and place: the new plan opens with its issuer written.
  await dialog.getByTestId('new-plan-province').fill('Thành phố Hồ Chí Minh');
  await year.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('plan-title')).toBeVisible();
  const after = await callApi<PlanSummary[]>(request, token, 'listPlans');
  const added = after.filter((p) => !before.some((b) => b.id === p.id));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ year: 2031, rowCount: 0 });
  const opened = await callApi<{ pkg: { issuer: { name: string; place: string } } }>(request, token, 'openPlan', added[0].id);
  expect(opened.pkg.issuer).toMatchObject({ name: 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH', place: 'Thành phố Hồ Chí Minh' });
  await page.getByRole('button', { name: /Danh sách kế hoạch/ }).click();
  await expect(row(page, added[0].id)).toBeVisible();
});

test('duplicate copies the whole plan under a new name', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const source = await callApi<PlanSummary>(request, token, 'createPlan', 'sample');
  await callApi(request, token, 'renamePlan', source.id, 'Bản gốc để nhân bản');
  await page.reload();
  const before = await callApi<PlanSummary[]>(request, token, 'listPlans');
  await row(page, source.id).getByRole('button', { name: /^Nhân bản/ }).click();
  await expect(page.getByTestId('status-info')).toContainText('Bản gốc để nhân bản (bản sao)');
  const after = await callApi<PlanSummary[]>(request, token, 'listPlans');
  const copy = after.filter((p) => !before.some((b) => b.id === p.id));
  expect(copy).toHaveLength(1);
  expect(copy[0]).toMatchObject({ title: 'Bản gốc để nhân bản (bản sao)', year: 2024, rowCount: 48, hasDecision: true });
  // The original is untouched.
  expect(after.find((p) => p.id === source.id)?.title).toBe('Bản gốc để nhân bản');
});

test('rename through the dialog stores the new name in NFC', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const plan = await callApi<PlanSummary>(request, token, 'createPlan', 'blank', 2027);
  await page.reload();
  await row(page, plan.id).getByRole('button', { name: /^Đổi tên/ }).click();
  const dialog = page.getByTestId('rename-dialog');
  const name = dialog.getByLabel('Tên mới');
  await expect(name).toBeFocused();
  // An empty name is refused, in words.
  await name.fill('   ');
  await dialog.getByRole('button', { name: 'Lưu tên' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Tên kế hoạch không được để trống.');
  // Typed as NFD (combining marks), stored as NFC.
  await name.fill('');
  await name.pressSequentially('Kế hoạch tuyên truyền năm 2027'.normalize('NFD'));
  await name.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(row(page, plan.id)).toContainText('Kế hoạch tuyên truyền năm 2027');
  const stored = (await callApi<PlanSummary[]>(request, token, 'listPlans')).find((p) => p.id === plan.id);
  expect(stored?.title).toBe('Kế hoạch tuyên truyền năm 2027'.normalize('NFC'));
});

test('delete moves to the trash; restore brings it back; erase asks, then removes it for good', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const plan = await callApi<PlanSummary>(request, token, 'createPlan', 'blank', 2029);
  await callApi(request, token, 'renamePlan', plan.id, 'Kế hoạch thử xóa');
  await page.reload();

  await row(page, plan.id).getByRole('button', { name: /^Xóa “Kế hoạch thử xóa”/ }).click();
  await expect(row(page, plan.id)).toHaveCount(0);
  await expect(page.getByTestId('status-info')).toContainText('Kế hoạch thử xóa');
  expect((await callApi<PlanSummary[]>(request, token, 'listPlans')).some((p) => p.id === plan.id)).toBe(false);
  const trashed = (await callApi<PlanSummary[]>(request, token, 'listTrash')).find((p) => p.id === plan.id);
  expect(trashed?.deletedAt).toBeTruthy();

  await page.getByTestId('view-trash').click();
  const trashRow = page.locator(`[data-testid="trash-row"][data-plan-id="${plan.id}"]`);
  await expect(trashRow).toContainText('Kế hoạch thử xóa');
  await trashRow.getByRole('button', { name: /^Khôi phục/ }).click();
  await expect(trashRow).toHaveCount(0);
  expect((await callApi<PlanSummary[]>(request, token, 'listPlans')).find((p) => p.id === plan.id)?.deletedAt).toBeNull();
  expect((await callApi<PlanSummary[]>(request, token, 'listTrash')).some((p) => p.id === plan.id)).toBe(false);

  // Into the trash again, then erase: Cancel keeps it, confirming erases it.
  await page.getByTestId('view-active').click();
  await row(page, plan.id).getByRole('button', { name: /^Xóa “Kế hoạch thử xóa”/ }).click();
  await page.getByTestId('view-trash').click();
  await trashRow.getByRole('button', { name: /^Xóa vĩnh viễn/ }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('không thể khôi phục');
  await expect(confirm.getByRole('button', { name: 'Hủy' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Hủy' }).click();
  await expect(confirm).toHaveCount(0);
  expect((await callApi<PlanSummary[]>(request, token, 'listTrash')).some((p) => p.id === plan.id)).toBe(true);

  await trashRow.getByRole('button', { name: /^Xóa vĩnh viễn/ }).click();
  await confirm.getByRole('button', { name: 'Xóa vĩnh viễn' }).click();
  await expect(trashRow).toHaveCount(0);
  expect((await callApi<PlanSummary[]>(request, token, 'listTrash')).some((p) => p.id === plan.id)).toBe(false);
  expect((await callApi<PlanSummary[]>(request, token, 'listPlans')).some((p) => p.id === plan.id)).toBe(false);
  const gone = await request.post('/api/openPlan', { headers: { 'x-soan-token': token }, data: [plan.id] });
  expect(gone.ok()).toBe(false);
});

test('column headers sort by year and by last change, by mouse and keyboard', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  for (const year of [2019, 2035]) await callApi(request, token, 'createPlan', 'blank', year);
  await page.reload();
  const yearHeader = page.getByRole('columnheader', { name: 'Năm' });
  const updatedHeader = page.getByRole('columnheader', { name: 'Sửa lần cuối' });
  await expect(updatedHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(yearHeader).not.toHaveAttribute('aria-sort', /.+/);

  const years = async () => (await planRows(page).locator('td:nth-of-type(1)').allTextContents()).map(Number);
  const store = await callApi<PlanSummary[]>(request, token, 'listPlans');
  // By default: the store's order, the plan changed last first.
  expect((await planRows(page).evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-plan-id')))))).toEqual(store.map((p) => p.id));

  await yearHeader.getByRole('button').click();
  await expect(yearHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(updatedHeader).not.toHaveAttribute('aria-sort', /.+/);
  const desc = await years();
  expect(desc).toEqual([...desc].sort((a, b) => b - a));
  expect(desc[0]).toBe(Math.max(...store.map((p) => p.year)));

  // Keyboard: the header is a button; Enter turns the order.
  await yearHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(yearHeader).toHaveAttribute('aria-sort', 'ascending');
  const asc = await years();
  expect(asc).toEqual([...asc].sort((a, b) => a - b));

  await updatedHeader.getByRole('button').click();
  await expect(updatedHeader).toHaveAttribute('aria-sort', 'descending');
  await updatedHeader.getByRole('button').click();
  await expect(updatedHeader).toHaveAttribute('aria-sort', 'ascending');
  const ids = await planRows(page).evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-plan-id'))));
  expect(ids).toEqual([...store].reverse().map((p) => p.id));
});

test('the list and the trash fit at 1366×768 and at 125 % and 150 % scaling', async ({ browser, request }) => {
  for (const scale of [1, 1.25, 1.5]) {
    const context = await browser.newContext({
      viewport: { width: Math.floor(1366 / scale), height: Math.floor(768 / scale) },
      deviceScaleFactor: scale,
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    await page.goto('/');
    const token = await sessionToken(page);
    if ((await callApi<PlanSummary[]>(request, token, 'listTrash')).length === 0) {
      const p = await callApi<PlanSummary>(request, token, 'createPlan', 'blank', 2030);
      await callApi(request, token, 'trashPlan', p.id);
      await page.reload();
    }
    await expect(planRows(page).first()).toBeVisible();
    await expectNoHorizontalScroll(page);
    // Every row's actions are on screen, not cut off at the right edge.
    const width = page.viewportSize()!.width;
    for (const button of await planRows(page).first().getByRole('button').all()) {
      const box = (await button.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    await page.screenshot({ path: join(shots, `plans-${scale * 100}.png`) });
    await page.getByTestId('view-trash').click();
    await expect(page.getByTestId('trash-table')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await page.screenshot({ path: join(shots, `trash-${scale * 100}.png`) });
    await page.getByTestId('view-active').click();
    await page.getByRole('button', { name: 'Tạo kế hoạch trống' }).click();
    await expect(page.getByTestId('new-blank-dialog')).toBeVisible();
    await page.screenshot({ path: join(shots, `new-blank-${scale * 100}.png`) });
    await context.close();
  }
});
