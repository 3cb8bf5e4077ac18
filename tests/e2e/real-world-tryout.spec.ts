/**
 * A drafter's tryout of the real-world input cases (Word d1–d9, Excel x1–x8, built in code by the project's
 * fixtures) through the app's import buttons at the two common laptop sizes: each file becomes one new plan and
 * the store holds the result a department expects (merged lead on every row, the start/deadline columns of a
 * two-row header, sub-numbered tasks as children, one agency for every spelling of "Sở Nội vụ", TCVN3/VNI
 * converted, Excel serials as dd/mm/yyyy, months as "Tháng 6/2025", the 1.10 that Excel stores as 1.1 kept).
 * The import panel is photographed per case (test-results/tryout-*.png) for a person to look at.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import type { OpenedPlan, PlanSummary } from '../../electron/core/api/contract';
import type { Finding } from '../../electron/core/model/findings';
import type { AppendixRow, Mention, PlanPackage } from '../../electron/core/model/types';
import { DOCX_CASES, XLSX_CASES, docxOf, xlsxOf } from '../core/fixtures/real-world-cases';
import { callApi, sessionToken } from './helpers';

interface Flat { depth: number; cells: Record<string, string | string[]> }

/** Every row of the plan, depth-first, with agency mentions turned into names. */
function flatRows(pkg: PlanPackage): Flat[] {
  const names = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  const out: Flat[] = [];
  const walk = (r: AppendixRow, depth: number): void => {
    const cells: Flat['cells'] = {};
    for (const [k, v] of Object.entries(r.cells)) cells[k] = Array.isArray(v) ? (v as Mention[]).map((m) => names.get(m.agency) ?? m.agency) : String(v);
    out.push({ depth, cells });
    r.children?.forEach((c) => walk(c, depth + 1));
  };
  pkg.appendix.groups.forEach((g) => g.rows.forEach((r) => walk(r, 0)));
  return out;
}

async function importCase(page: Page, request: APIRequestContext, token: string, kind: 'docx' | 'xlsx', name: string, buffer: Buffer, shot: string): Promise<PlanPackage> {
  const before = (await callApi<PlanSummary[]>(request, token, 'listPlans')).map((p) => p.id);
  await page.getByTestId(`import-${kind}-input`).setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  await expect(page.getByTestId('import-panel').getByTestId('status-info')).toContainText(name.replace(/\.\w+$/, ''));
  const added = (await callApi<PlanSummary[]>(request, token, 'listPlans')).filter((p) => !before.includes(p.id));
  expect(added, name).toHaveLength(1);
  // The list shows the new plan (then the photograph shows the panel and the list as the drafter sees them).
  await expect(page.getByTestId('plans-table').getByRole('button', { name: added[0].title, exact: true })).toBeVisible();
  await page.screenshot({ path: `test-results/tryout-${shot}.png` });
  const opened = await callApi<OpenedPlan>(request, token, 'openPlan', added[0].id);
  await callApi(request, token, 'trashPlan', added[0].id);
  await callApi(request, token, 'purgePlan', added[0].id);
  return opened.pkg;
}

for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the Word cases d1–d9 imported through the app give what the department wrote', async ({ page, request }) => {
      await page.goto('/');
      const token = await sessionToken(page);
      const pkgs: Record<string, PlanPackage> = {};
      for (const key of Object.keys(DOCX_CASES)) {
        pkgs[key] = await importCase(page, request, token, 'docx', `${key}.docx`, await docxOf(DOCX_CASES[key]()), `${size.width}-${key}`);
      }
      const rows = (k: string) => flatRows(pkgs[k]);
      // d1: the merged lead on all three rows.
      expect(rows('d1').map((r) => r.cells.lead)).toEqual([['Sở Tư pháp'], ['Sở Tư pháp'], ['Sở Tư pháp']]);
      // d2: "Hoàn thành" is the deadline, "Bắt đầu" its own column, the parent caption kept.
      const d2cols = pkgs.d2.appendix.columns;
      const deadline = d2cols.find((c) => c.role === 'deadline')!;
      expect(deadline.caption).toBe('Thời gian thực hiện: Hoàn thành');
      const start = d2cols.find((c) => c.caption === 'Thời gian thực hiện: Bắt đầu')!;
      expect(rows('d2')[0].cells[start.key]).toBe('Tháng 01/2025');
      expect(rows('d2')[0].cells[deadline.key]).toBe('Tháng 6/2025');
      // d3: the (1)(2)… row skipped.
      expect(rows('d3').map((r) => r.cells.task)).toEqual(['Rà soát văn bản quy phạm pháp luật']);
      // d4: 1 is the parent of 1.1 and 1.2; 2 a sibling of 1.
      expect(rows('d4').map((r) => [r.depth, r.cells.task])).toEqual([
        [0, 'Xây dựng và thực thi văn bản'], [1, 'Rà soát văn bản quy phạm pháp luật'], [1, 'Hệ thống hóa văn bản'], [0, 'Theo dõi thi hành pháp luật'],
      ]);
      // d5: moved-from and hidden text and field codes left out.
      expect(rows('d5').map((r) => [r.cells.task, r.cells.deadline])).toEqual([['Công khai thủ tục hành chính đầy đủ trên Cổng dịch vụ công', 'Quý I/2025']]);
      // d6: one agency, NFC, whatever the spaces.
      expect(pkgs.d6.agencies.map((a) => a.name)).toEqual(['Sở Nội vụ']);
      expect(rows('d6').map((r) => r.cells.task)).toContain('Đánh giá công chức'.normalize('NFC'));
      // d7: TCVN3 and VNI converted.
      expect(rows('d7').map((r) => [r.cells.task, r.cells.lead])).toEqual([
        ['Rà soát văn bản quy phạm pháp luật', ['Sở Tư pháp']], ['Kiểm tra văn bản', ['Sở Nội vụ']],
      ]);
      // d8, d9: content controls read; agencies on lines split.
      expect(rows('d8')).toHaveLength(2);
      expect(rows('d9').map((r) => r.cells.cooperate)).toEqual([['Sở Tư pháp', 'Sở Nội vụ'], ['Sở Tài chính', 'Sở Kế hoạch và Đầu tư']]);
    });

    test('the Excel cases x1–x8 imported through the app give what the department sees', async ({ page, request }) => {
      await page.goto('/');
      const token = await sessionToken(page);
      const pkgs: Record<string, PlanPackage> = {};
      for (const key of Object.keys(XLSX_CASES)) {
        pkgs[key] = await importCase(page, request, token, 'xlsx', `${key}.xlsx`, await xlsxOf(XLSX_CASES[key]()), `${size.width}-${key}`);
      }
      const rows = (k: string) => flatRows(pkgs[k]);
      expect(rows('x1').map((r) => r.cells.deadline)).toEqual(['31/03/2025', '31/12/2025', 'Tháng 6/2025']);
      expect(rows('x2').map((r) => r.cells.cooperate)).toEqual([['Sở Tư pháp', 'Sở Nội vụ'], ['Sở Nội vụ', 'Sở Tư pháp']]);
      expect(rows('x3').map((r) => r.cells.lead)).toEqual([['Sở Nội vụ'], ['Sở Nội vụ'], ['Sở Nội vụ']]);
      expect(rows('x4').map((r) => [r.cells.lead, r.cells.cooperate])).toEqual([[['Sở Tư pháp'], ['Các sở, ngành']]]);
      expect(rows('x5').map((r) => r.cells.task)).toEqual(['Rà soát văn bản quy phạm pháp luật']);
      // x6: ten children under 1, the last one (Excel's 1.1) kept as the tenth.
      const x6 = rows('x6');
      expect(x6).toHaveLength(11);
      expect(x6.slice(1).every((r) => r.depth === 1)).toBe(true);
      expect(x6[10].cells.task).toBe('Dự thảo văn bản số 10');
      expect(rows('x7').map((r) => r.cells.task)).toContain('Nhiệm vụ đã xong, ẩn đi');
      expect(rows('x8').slice(0, 2).map((r) => r.cells.deadline)).toEqual(['Tháng 6/2025', 'Tháng 6/2025']);
    });
  });
}

test('a sub-numbered Word file (d4) rolled over: each sub-row is named by its STT, never by a file path', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const before = (await callApi<PlanSummary[]>(request, token, 'listPlans')).map((p) => p.id);
  await page.getByTestId('import-docx-input').setInputFiles({ name: 'd4.docx', mimeType: 'application/octet-stream', buffer: await docxOf(DOCX_CASES.d4()) });
  await expect(page.getByTestId('import-panel').getByTestId('status-info')).toContainText('d4');
  const added = (await callApi<PlanSummary[]>(request, token, 'listPlans')).filter((p) => !before.includes(p.id));
  expect(added).toHaveLength(1);
  await page.getByTestId('plans-table').getByRole('button', { name: 'd4' }).first().click();
  await page.getByRole('tab', { name: 'Kế hoạch năm sau' }).click();
  const proposals = page.getByTestId('rollover-proposal');
  // The store's sub-rows are the ones the screen names: 1.1 and 1.2 under task 1.
  const opened = await callApi<OpenedPlan>(request, token, 'openPlan', added[0].id);
  expect(opened.pkg.appendix.groups[0].rows[0].children?.map((r) => r.cells.deadline)).toEqual(['Quý II/2025', 'Quý IV/2025']);
  await expect(proposals.and(page.locator('[data-id^="appendix.groups[0].rows[0]._rows[0].deadline@"]'))).toContainText('Phụ lục, nhóm I, dòng 1.1 (Thời gian hoàn thành)');
  await expect(proposals.and(page.locator('[data-id^="appendix.groups[0].rows[0]._rows[1].deadline@"]'))).toContainText('Phụ lục, nhóm I, dòng 1.2 (Thời gian hoàn thành)');
  await expect(page.getByTestId('rollover-panel')).not.toContainText('appendix.');
  // The parent row 1 (its deadlines are its children's) draws no checker error.
  const findings = await callApi<Finding[]>(request, token, 'checkPlan', added[0].id, 'vi');
  expect(findings.filter((f) => f.severity === 'error' && f.path.startsWith('appendix.'))).toEqual([]);
  await page.screenshot({ path: 'test-results/tryout-rollover-d4.png' });
  await callApi(request, token, 'trashPlan', added[0].id);
  await callApi(request, token, 'purgePlan', added[0].id);
});

test('the merge desk: a department workbook with 1 … 1.10 (x6) proposes sub-rows under task 1; taken by keyboard and mouse they land there', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const before = (await callApi<PlanSummary[]>(request, token, 'listPlans')).map((p) => p.id);
  await page.getByTestId('import-docx-input').setInputFiles({ name: 'd4.docx', mimeType: 'application/octet-stream', buffer: await docxOf(DOCX_CASES.d4()) });
  await expect(page.getByTestId('import-panel').getByTestId('status-info')).toContainText('d4');
  const plan = (await callApi<PlanSummary[]>(request, token, 'listPlans')).filter((p) => !before.includes(p.id))[0];
  await page.getByTestId('plans-table').getByRole('button', { name: 'd4' }).first().click();
  await page.getByRole('tab', { name: 'Tổng hợp đề xuất' }).click();
  const panel = page.getByTestId('merge-panel');
  await panel.getByTestId('merge-input').setInputFiles({ name: 'x6.xlsx', mimeType: 'application/octet-stream', buffer: await xlsxOf(XLSX_CASES.x6()) });
  const proposals = panel.getByTestId('merge-proposal');
  await expect(proposals).toHaveCount(11);
  const first = proposals.and(page.locator('[data-status="new"]')).filter({ hasText: 'Dự thảo văn bản số 1' }).first();
  await expect(first).toContainText('dòng 1.1');
  await first.getByTestId('merge-take').focus();
  await page.keyboard.press('Enter');
  await expect(proposals).toHaveCount(10);
  const tenth = proposals.filter({ hasText: 'Dự thảo văn bản số 10' });
  await expect(tenth).toContainText('dòng 1.10');
  await tenth.getByTestId('merge-take').click();
  await expect(proposals).toHaveCount(9);
  // "Nguồn": the two sub-rows taken, named by their new STT under task 1, with the file they came from.
  const sources = panel.getByTestId('merge-source');
  await expect(sources).toHaveCount(2);
  await expect(sources.first()).toContainText('STT 1.3:');
  await expect(sources.first()).toContainText('x6.xlsx');
  await expect(sources.last()).toContainText('STT 1.4:');
  await page.screenshot({ path: 'test-results/tryout-merge-x6.png' });
  const rows = (await callApi<OpenedPlan>(request, token, 'openPlan', plan.id)).pkg.appendix.groups[0].rows;
  expect(rows.map((r) => r.cells.task)).toEqual(['Xây dựng và thực thi văn bản', 'Theo dõi thi hành pháp luật']);
  expect(rows[0].children?.map((r) => r.cells.task)).toEqual(['Rà soát văn bản quy phạm pháp luật', 'Hệ thống hóa văn bản', 'Dự thảo văn bản số 1', 'Dự thảo văn bản số 10']);
  await callApi(request, token, 'trashPlan', plan.id);
  await callApi(request, token, 'purgePlan', plan.id);
});

test('at 1280×720 with the preview open, every part of the plan is named in full (no tab text cut off)', async ({ page, request }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  const token = await sessionToken(page);
  const before = (await callApi<PlanSummary[]>(request, token, 'listPlans')).map((p) => p.id);
  await page.getByTestId('import-xlsx-input').setInputFiles({ name: 'x6.xlsx', mimeType: 'application/octet-stream', buffer: await xlsxOf(XLSX_CASES.x6()) });
  await expect(page.getByTestId('import-panel').getByTestId('status-info')).toContainText('x6');
  const plan = (await callApi<PlanSummary[]>(request, token, 'listPlans')).filter((p) => !before.includes(p.id))[0];
  expect(plan.rowCount).toBe(11);
  await page.getByTestId('plans-table').getByRole('button', { name: plan.title }).first().click();
  await page.getByRole('tab', { name: /Phụ lục/ }).click();
  await page.getByRole('button', { name: 'Xem trước' }).click();
  await expect(page.locator('.preview-pane')).toBeVisible();
  const tabs = page.getByRole('tablist').first().getByRole('tab');
  await expect(tabs.filter({ hasText: 'Phụ lục (11 nhiệm vụ)' })).toHaveCount(1);
  const cut = await tabs.evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent));
  expect(cut).toEqual([]);
  await page.screenshot({ path: 'test-results/tryout-preview-1280.png' });
  await callApi(request, token, 'trashPlan', plan.id);
  await callApi(request, token, 'purgePlan', plan.id);
});
