/**
 * Merging a department's workbook: a copy of the plan gets one deadline changed and one row added, its
 * XLSX export is read back into the original as "so-tu-phap.xlsx"; the desk shows 1 changed and 1 new,
 * both are taken, and the store has the new row, the changed deadline and their source.
 */
import { expect, test } from '@playwright/test';
import type { ExportResult, PlanSummary, RowSource } from '../../electron/core/api/contract';
import { Scratch } from './scratch-plans';
import { XLSX_CASES, xlsxOf } from '../core/fixtures/real-world-cases';

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

const NEW_TASK = 'Rà soát, đơn giản hóa thủ tục hành chính nội bộ theo đề xuất của Sở Tư pháp';
const FILE = 'so-tu-phap.xlsx';

test('a department workbook: 1 changed and 1 new row, both taken, with their source', async ({ page }) => {
  const original = await scratch.sample();
  const copy = scratch.keep(await scratch.call<PlanSummary>('duplicatePlan', original.id));
  const copyPkg = (await scratch.open(copy.id)).pkg;
  const changedRow = copyPkg.appendix.groups[0].rows[0];
  await scratch.call('setCell', copy.id, changedRow.id, 'deadline', 'Quý III/2024');
  const group2 = copyPkg.appendix.groups[1];
  await scratch.call('insertRows', copy.id, group2.id, group2.rows.length, [{ task: NEW_TASK, lead: 'Sở Tư pháp', deadline: 'Quý II/2024' }]);
  const exported = await scratch.call<ExportResult>('exportPlan', copy.id, 'xlsx');
  if (exported.kind !== 'download') throw new Error('the host returns the bytes');

  await page.goto(`/#/plans/${original.id}/merge`);
  const panel = page.getByTestId('merge-panel');
  await panel.getByTestId('merge-input').setInputFiles({
    name: FILE,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(exported.base64, 'base64'),
  });
  const file = panel.getByTestId('merge-file');
  await expect(file).toHaveCount(1);
  await expect(file.getByTestId('merge-department')).toHaveValue('Sở Tư pháp');
  const proposals = file.getByTestId('merge-proposal');
  await expect(proposals).toHaveCount(2);
  const changed = proposals.and(page.locator('[data-status="changed"]'));
  const added = proposals.and(page.locator('[data-status="new"]'));
  await expect(changed).toHaveCount(1);
  await expect(added).toHaveCount(1);
  await expect(changed).toContainText('STT 1');
  await expect(changed.getByTestId('merge-diff').locator('ins')).toContainText('Quý III/');
  await expect(added).toContainText(NEW_TASK);
  // The new row's group defaults to the group of the same title in the plan (II).
  await expect(added.getByLabel('Đưa vào nhóm')).toHaveValue(String((await scratch.open(original.id)).pkg.appendix.groups[1].id));

  await changed.getByTestId('merge-take').click();
  await expect(proposals).toHaveCount(1);
  await added.getByTestId('merge-take').click();
  await expect(proposals).toHaveCount(0);
  await expect(file).toContainText('Không còn đề xuất nào chờ xử lý.');

  const after = (await scratch.open(original.id)).pkg;
  expect(after.appendix.groups[0].rows[0].cells.deadline).toBe('Quý III/2024');
  const g2 = after.appendix.groups[1].rows;
  expect(g2).toHaveLength(group2.rows.length + 1);
  expect(g2[g2.length - 1].cells.task).toBe(NEW_TASK);
  expect(g2[g2.length - 1].cells.deadline).toBe('Quý II/2024');
  const sources = await scratch.call<Record<number, RowSource>>('rowSources', original.id);
  expect(Object.keys(sources).map(Number).sort()).toEqual([after.appendix.groups[0].rows[0].id, g2[g2.length - 1].id].sort());
  for (const s of Object.values(sources)) expect(s).toMatchObject({ file: FILE, department: 'Sở Tư pháp' });
  await expect(panel.getByTestId('merge-source')).toHaveCount(2);
  await expect(panel.getByTestId('merge-source').first()).toContainText(FILE);
});

test('an edited proposal is taken as edited; a left one disappears from the pending list', async ({ page }) => {
  const original = await scratch.sample();
  const copy = scratch.keep(await scratch.call<PlanSummary>('duplicatePlan', original.id));
  const copyPkg = (await scratch.open(copy.id)).pkg;
  const g = copyPkg.appendix.groups[0];
  await scratch.call('insertRows', copy.id, g.id, g.rows.length, [{ task: NEW_TASK, deadline: 'Quý II/2024' }, { task: 'Tổ chức hội nghị tập huấn nghiệp vụ kiểm soát thủ tục hành chính', deadline: 'Quý III/2024' }]);
  const exported = await scratch.call<ExportResult>('exportPlan', copy.id, 'xlsx');
  if (exported.kind !== 'download') throw new Error('the host returns the bytes');

  await page.goto(`/#/plans/${original.id}/merge`);
  const panel = page.getByTestId('merge-panel');
  await panel.getByTestId('merge-input').setInputFiles({ name: 'de-xuat.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from(exported.base64, 'base64') });
  const proposals = panel.getByTestId('merge-proposal');
  await expect(proposals).toHaveCount(2);
  await proposals.nth(1).getByRole('button', { name: 'Bỏ qua' }).click();
  await expect(proposals).toHaveCount(1);

  const first = proposals.first();
  await first.getByRole('button', { name: 'Sửa trước khi lấy' }).click();
  const deadline = first.getByLabel('Thời gian hoàn thành');
  await deadline.fill('Quý IV/2024');
  await deadline.press('Tab');
  await first.getByTestId('merge-take').click();
  await expect(proposals).toHaveCount(0);
  const rows = (await scratch.open(original.id)).pkg.appendix.groups[0].rows;
  expect(rows[rows.length - 1].cells).toMatchObject({ task: NEW_TASK, deadline: 'Quý IV/2024' });
});

test("a department workbook's reading warnings are worded in the UI language, and follow it when it is switched", async ({ page }) => {
  const original = await scratch.sample();
  await page.goto(`/#/plans/${original.id}/merge`);
  const panel = page.getByTestId('merge-panel');
  // A task hidden instead of deleted (row 7): read, and said so.
  await panel.getByTestId('merge-input').setInputFiles({ name: 'an-dong.xlsx', mimeType: 'application/octet-stream', buffer: await xlsxOf(XLSX_CASES.x7()) });
  const warnings = panel.getByTestId('merge-file').getByRole('note');
  await expect(warnings).toContainText('Tệp “an-dong.xlsx”, trang “Phụ lục”: dòng 7 đang bị ẩn: vẫn được đọc.');
  await expect(panel.getByTestId('merge-proposal').filter({ hasText: 'Nhiệm vụ đã xong, ẩn đi' })).toHaveCount(1);
  await page.getByRole('group', { name: 'Ngôn ngữ giao diện' }).getByRole('button', { name: 'EN' }).click();
  await expect(warnings).toContainText('File “an-dong.xlsx”, sheet “Phụ lục”: hidden row(s) 7 were read all the same.');
  await panel.screenshot({ path: 'test-results/merge-warnings-en.png' });
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'VI' }).click();
  await expect(warnings).toContainText('dòng 7 đang bị ẩn');
});
