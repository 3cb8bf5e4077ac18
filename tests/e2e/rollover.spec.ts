/**
 * Rolling a copy of the sample (2024) over to 2025: all accepted gives a 2025 plan whose deadlines say
 * 2025 and whose legal bases are untouched; a rejected proposal leaves its text at 2024 (store checks).
 */
import { expect, test } from '@playwright/test';
import type { OpenedPlan, PlanSummary } from '../../electron/core/api/contract';
import { Scratch } from './scratch-plans';

let scratch: Scratch;
let before: number[] = [];

test.beforeEach(async ({ page, request }) => {
  scratch = new Scratch(request);
  await scratch.start(page);
  before = (await scratch.call<PlanSummary[]>('listPlans')).map((p) => p.id);
});

test.afterEach(async () => {
  await scratch.cleanUp(before);
});

const deadlines = (o: OpenedPlan) => o.pkg.appendix.groups.flatMap((g) => g.rows.map((r) => String(r.cells.deadline ?? '')));

/** Waits for the new plan the review navigates to and returns it from the store. */
async function createdPlan(page: import('@playwright/test').Page, from: number): Promise<OpenedPlan> {
  await expect(page).not.toHaveURL(new RegExp(`#/plans/${from}/`));
  const id = Number(/#\/plans\/(\d+)\//.exec(page.url())?.[1]);
  expect(id).toBeGreaterThan(0);
  await expect(page.getByTestId('plan-title')).toBeVisible();
  return scratch.open(id);
}

test('2024 → 2025 with every proposal accepted', async ({ page }) => {
  const plan = await scratch.sample();
  const original = await scratch.open(plan.id);
  await page.goto(`/#/plans/${plan.id}/rollover`);
  const panel = page.getByTestId('rollover-panel');
  await expect(panel.getByLabel('Năm của kế hoạch mới')).toHaveValue('2025');
  const deadlineRow = panel.locator('[data-testid="rollover-proposal"][data-id^="appendix.groups[3].rows[5].deadline@"]');
  // The place reads as the drafter would say it; the reason is in words; the year is marked.
  await expect(deadlineRow.getByRole('rowheader')).toHaveText('Phụ lục, nhóm IV, dòng 24 (Thời gian hoàn thành)');
  await expect(deadlineRow).toContainText('Thời hạn thực hiện');
  await expect(deadlineRow.locator('ins.year-mark')).toHaveText('2025');
  await expect(deadlineRow.locator('del.year-mark')).toHaveText('2024');
  // Cited documents are shown but not offered as a change.
  await expect(panel.locator('[data-testid="rollover-proposal"][data-mode="info"] input')).toHaveCount(0);

  await panel.getByRole('button', { name: 'Tạo kế hoạch năm 2025' }).click();
  const created = await createdPlan(page, plan.id);
  scratch.keep(created.summary);
  expect(created.pkg.year).toBe(2025);
  const dl = deadlines(created);
  expect(dl.filter((d) => d.includes('2024'))).toEqual([]);
  expect(dl).toContain('Tháng 12/2025');
  expect(dl.filter((d) => d === 'Trong năm 2025').length).toBeGreaterThan(10);
  expect(created.pkg.decision?.legalBases).toEqual(original.pkg.decision?.legalBases);
  // The opened plan was not touched.
  expect((await scratch.open(plan.id)).pkg.year).toBe(2024);
});

test('a rejected proposal leaves its text at 2024', async ({ page }) => {
  const plan = await scratch.sample();
  await page.goto(`/#/plans/${plan.id}/rollover`);
  const panel = page.getByTestId('rollover-panel');
  const row = panel.locator('[data-testid="rollover-proposal"][data-id^="appendix.groups[0].rows[0].deadline@"]');
  const box = row.getByRole('checkbox');
  await expect(box).toBeChecked();
  await box.uncheck();
  await expect(panel.getByTestId('rollover-count')).toHaveText(/^Đã chọn (\d+)\/(\d+) thay đổi$/);
  const [accepted, total] = (await panel.getByTestId('rollover-count').textContent())!.match(/\d+/g)!.map(Number);
  expect(accepted).toBe(total - 1);

  await panel.getByRole('button', { name: 'Tạo kế hoạch năm 2025' }).click();
  const created = await createdPlan(page, plan.id);
  scratch.keep(created.summary);
  expect(created.pkg.appendix.groups[0].rows[0].cells.deadline).toBe('Trong năm 2024');
  expect(created.pkg.appendix.groups[2].rows[0].cells.deadline).toBe('Trong năm 2025');
});

test('accept none, then all, from the buttons', async ({ page }) => {
  const plan = await scratch.sample();
  await page.goto(`/#/plans/${plan.id}/rollover`);
  const panel = page.getByTestId('rollover-panel');
  await panel.getByRole('button', { name: 'Bỏ chọn tất cả' }).click();
  await expect(panel.getByTestId('rollover-count')).toHaveText(/^Đã chọn 0\//);
  await panel.getByRole('button', { name: 'Chọn tất cả', exact: true }).click();
  await expect(panel.getByRole('checkbox').first()).toBeChecked();
});
