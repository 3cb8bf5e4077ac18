/**
 * Versions on a copy of the sample: save one, change a cell through the API, see the compare view show
 * that one changed row with its word diff, then restore the version as a new plan holding the old value.
 */
import { expect, test } from '@playwright/test';
import type { Comparison, OpenedPlan, PlanSummary, PlanVersion } from '../../electron/core/api/contract';
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

const firstRow = (o: OpenedPlan) => o.pkg.appendix.groups[0].rows[0];

test('save, compare after an edit, restore as a new plan', async ({ page }) => {
  const plan = await scratch.sample();
  await page.goto(`/#/plans/${plan.id}/versions`);
  const panel = page.getByTestId('versions-panel');
  await expect(panel.getByTestId('versions-empty')).toBeVisible();

  // Save: the suggested name fills the field.
  await panel.getByRole('button', { name: 'Dự thảo xin ý kiến', exact: true }).click();
  await expect(panel.getByLabel('Tên phiên bản')).toHaveValue('Dự thảo xin ý kiến');
  await panel.getByRole('button', { name: 'Lưu phiên bản', exact: true }).click();
  await expect(panel.getByTestId('version-row')).toHaveCount(1);
  await expect(panel.getByTestId('version-row').first()).toContainText('Dự thảo xin ý kiến');
  const versions = await scratch.call<PlanVersion[]>('listVersions', plan.id);
  expect(versions.map((v) => v.name)).toEqual(['Dự thảo xin ý kiến']);

  // Edit one cell behind the UI's back; the session notices the new revision and the compare follows.
  const opened = await scratch.open(plan.id);
  const row = firstRow(opened);
  expect(row.cells.deadline).toBe('Trong năm 2024');
  await scratch.call('setCell', plan.id, row.id, 'deadline', 'Quý II/2024');
  const stored = await scratch.call<Comparison>('compareVersions', plan.id, versions[0].id, null);
  expect(stored.counts).toMatchObject({ changed: 1, added: 0, removed: 0, moved: 0 });

  const compare = page.getByTestId('compare-view');
  await expect(compare.getByTestId('compare-counts')).toContainText('Sửa: 1 dòng');
  await expect(compare.getByTestId('row-change')).toHaveCount(1);
  const change = compare.getByTestId('row-change').first();
  await expect(change).toHaveAttribute('data-status', 'changed');
  const diff = change.getByTestId('cell-diff');
  await expect(diff).toContainText('Thời gian hoàn thành');
  await expect(diff.locator('del')).toContainText('Trong năm');
  await expect(diff.locator('ins')).toContainText('Quý II/');
  // Not by colour alone: the marks are struck through / underlined, and labelled for screen readers.
  expect(await diff.locator('del').first().evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('line-through');
  await expect(diff.locator('ins').first()).toContainText('[thêm:');

  // Restore as a new plan: the store holds a plan whose cell has the old value.
  await panel.getByRole('button', { name: 'Khôi phục phiên bản «Dự thảo xin ý kiến» thành kế hoạch mới' }).click();
  await expect(panel.getByTestId('status-info')).toContainText('Đã khôi phục thành kế hoạch mới');
  const plans = await scratch.call<PlanSummary[]>('listPlans');
  const restored = plans.filter((p) => !before.includes(p.id) && p.id !== plan.id);
  expect(restored).toHaveLength(1);
  scratch.keep(restored[0]);
  expect(firstRow(await scratch.open(restored[0].id)).cells.deadline).toBe('Trong năm 2024');
  expect(firstRow(await scratch.open(plan.id)).cells.deadline).toBe('Quý II/2024');

  await panel.getByTestId('open-restored').click();
  await expect(page).toHaveURL(new RegExp(`#/plans/${restored[0].id}/decision$`));
  await expect(page.getByTestId('plan-title')).toBeVisible();
});

test('a version can be deleted', async ({ page }) => {
  const plan = await scratch.sample();
  await scratch.call('saveVersion', plan.id, 'Bản trình ký');
  await page.goto(`/#/plans/${plan.id}/versions`);
  const panel = page.getByTestId('versions-panel');
  await panel.getByRole('button', { name: 'Xoá phiên bản «Bản trình ký»' }).click();
  await panel.getByRole('button', { name: 'Xoá hẳn' }).click();
  await expect(panel.getByTestId('versions-empty')).toBeVisible();
  expect(await scratch.call<PlanVersion[]>('listVersions', plan.id)).toEqual([]);
});
