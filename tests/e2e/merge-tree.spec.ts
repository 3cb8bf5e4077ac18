/**
 * Merging a department's file whose table is a tree: the plan is a framework (objectives → tasks → activities);
 * the department sends it back with one more activity under task 1.1. The desk shows that activity as new row
 * 1.1.3; taken, it is stored as the third activity under the plan's task 1.1, not as a top-level row.
 */
import { expect, test } from '@playwright/test';
import type { PlanSummary } from '../../electron/core/api/contract';
import type { PlanPackage } from '../../electron/core/model/types';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { frameworkPackage } from '../core/fixtures/framework';
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

const NEW_ACTIVITY = 'Số hóa hồ sơ công việc của các phòng chuyên môn';

test("a department's new sub-row is taken under the plan's row its parent matches", async ({ page }) => {
  const plan = scratch.keep(await scratch.call<PlanSummary>('importPlan', 'khung.json', serializeExchange(frameworkPackage(2, 2))));
  const theirs = frameworkPackage(2, 2);
  const task11 = theirs.appendix.groups[0].rows[0].children![0];
  task11.children!.push({ cells: { ...task11.children![0].cells, activity: NEW_ACTIVITY } });

  await page.goto(`/#/plans/${plan.id}/merge`);
  const panel = page.getByTestId('merge-panel');
  await panel.getByTestId('merge-input').setInputFiles({ name: 'so-noi-vu.json', mimeType: 'application/json', buffer: Buffer.from(serializeExchange(theirs)) });
  const file = panel.getByTestId('merge-file');
  const proposals = file.getByTestId('merge-proposal');
  await expect(proposals).toHaveCount(1);
  await expect(proposals).toHaveAttribute('data-status', 'new');
  await expect(proposals).toContainText('dòng 1.1.3 của tệp');
  await expect(proposals).toContainText(NEW_ACTIVITY);
  await expect(proposals.getByTestId('merge-under')).toHaveText('Đưa vào dưới dòng cha 1.1');
  // A plan for 2021–2030 takes rows due in 2023: no "this table is for another year".
  await expect(file).not.toContainText('Kế hoạch năm sau');
  await page.screenshot({ path: 'test-results/merge-tree.png', fullPage: true });
  await proposals.getByTestId('merge-take').click();
  await expect(proposals).toHaveCount(0);

  const after = (await scratch.open(plan.id)).pkg as PlanPackage;
  const rows = after.appendix.groups[0].rows;
  expect(rows).toHaveLength(2);
  expect(rows[0].children![0].children!.map((r) => r.cells.activity)).toEqual(['Hoạt động 1.1.1', 'Hoạt động 1.1.2', NEW_ACTIVITY]);
});
