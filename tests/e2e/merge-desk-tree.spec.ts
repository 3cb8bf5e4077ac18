/**
 * The merge desk shows a department's sub-rows as the grid does, at 1280×720 in Vietnamese: the plan's row 2 is
 * indented under row 1 (task 1.1); the department's copy adds an activity under it (1.1.1) and sends its XLSX.
 * The desk lists that activity with its STT "1.1.1", indented two levels; the unchanged rows 1 and 1.1 are listed
 * indented by their level too. Taken, the store holds it under the plan's row 1.1.
 * (Only type imports from the core: the spec loads without the core's JSON catalogue.)
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { ExportResult, PlanSummary } from '../../electron/core/api/contract';
import { Scratch } from './scratch-plans';

let scratch: Scratch;
let before: number[] = [];

test.use({ viewport: { width: 1280, height: 720 }, locale: 'vi-VN' });

test.beforeEach(async ({ page, request }) => {
  scratch = new Scratch(request);
  await scratch.start(page);
  before = (await scratch.call<PlanSummary[]>('listPlans')).map((p) => p.id);
});

test.afterEach(async () => {
  await scratch.cleanUp(before);
});

const ACTIVITY = 'Rà soát văn bản QPPL do HĐND, UBND cấp huyện ban hành';

test("a department's sub-row is shown indented under its parent with its STT, and taken under that parent", async ({ page }) => {
  const original = await scratch.sample();
  const rows = (await scratch.open(original.id)).pkg.appendix.groups[0].rows;
  await scratch.call('indentRow', original.id, rows[1].id, 1);
  const copy = scratch.keep(await scratch.call<PlanSummary>('duplicatePlan', original.id));
  const task11 = (await scratch.open(copy.id)).pkg.appendix.groups[0].rows[0].children![0];
  await scratch.call('insertSubRows', copy.id, task11.id, 0, [{ task: ACTIVITY, lead: 'Sở Tư pháp', deadline: 'Quý II/2024' }]);
  const exported = await scratch.call<ExportResult>('exportPlan', copy.id, 'xlsx');
  if (exported.kind !== 'download') throw new Error('the host returns the bytes');

  await page.goto(`/#/plans/${original.id}/merge`);
  const panel = page.getByTestId('merge-panel');
  await panel.getByTestId('merge-input').setInputFiles({
    name: 'so-tu-phap.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(exported.base64, 'base64'),
  });
  const file = panel.getByTestId('merge-file');
  const proposal = file.getByTestId('merge-proposal');
  await expect(proposal).toHaveCount(1);
  await expect(proposal).toHaveAttribute('data-status', 'new');
  await expect(proposal).toContainText(ACTIVITY);
  // Its STT as the grid prints it, two levels deep, indented under its parent.
  await expect(proposal.getByTestId('merge-stt')).toHaveText('1.1.1');
  await expect(proposal).toHaveAttribute('data-depth', '2');
  await expect(proposal.getByTestId('merge-under')).toHaveText('Đưa vào dưới dòng cha 1.1');
  const [card, list] = await Promise.all([proposal.boundingBox(), file.locator('.proposal-list').boundingBox()]);
  expect(card!.x - list!.x).toBeGreaterThan(30);
  // The rows already in the plan: row 1 at the top level, its task 1.1 one level in.
  await file.locator('.merge-same summary').click();
  const same = file.locator('.merge-same li');
  await expect(same.nth(0)).toHaveAttribute('data-depth', '0');
  await expect(same.nth(0)).toContainText('STT 1');
  await expect(same.nth(1)).toHaveAttribute('data-depth', '1');
  await expect(same.nth(1)).toContainText('STT 1.1');
  await expect(same.nth(2)).toHaveAttribute('data-depth', '0');
  const [top, sub] = await Promise.all([same.nth(0).boundingBox(), same.nth(1).boundingBox()]);
  expect(sub!.x - top!.x).toBeGreaterThan(15);
  await proposal.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(process.cwd(), 'test-results', 'shots', 'merge-desk-tree-1280.png') });

  await proposal.getByTestId('merge-take').click();
  await expect(proposal).toHaveCount(0);
  const after = (await scratch.open(original.id)).pkg.appendix.groups[0].rows;
  expect(after[0].children![0].children!.map((r) => r.cells.task)).toEqual([ACTIVITY]);
});
