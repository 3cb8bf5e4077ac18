/**
 * The import report in the import panel: a Word file typed in TCVN3/VNI fonts with agencies separated by
 * commas imports as a new plan whose store holds the converted text and the split agencies, and the panel
 * lists what was guessed (the encodings, each split cell with its row); one click joins a guessed split back
 * into one agency, another splits it again.
 */
import { expect, test } from '@playwright/test';
import type { OpenedPlan, PlanSummary } from '../../electron/core/api/contract';
import type { Mention } from '../../electron/core/model/types';
import { DOCX_CASES, XLSX_CASES, docxOf, group, headRow, table, tc, xlsxOf } from '../core/fixtures/real-world-cases';
import { callApi, sessionToken } from './helpers';

test('a Word file in old encodings with comma-separated agencies: the store holds Unicode and split agencies, the panel reports the guesses', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const plans = () => callApi<PlanSummary[]>(request, token, 'listPlans');
  const body =
    DOCX_CASES.d7() +
    table([headRow(), group('II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH'), `<w:tr>${['3', 'Rà soát thủ tục', 'Sở Nội vụ, Sở Tư pháp', '', 'Quý IV/2025', ''].map((t) => tc(t)).join('')}</w:tr>`]);
  const before = (await plans()).map((p) => p.id);
  await page.getByTestId('import-docx-input').setInputFiles({ name: 'cu-tcvn3.docx', mimeType: 'application/octet-stream', buffer: await docxOf(body) });
  const report = page.getByTestId('import-report');
  await expect(report).toBeVisible();
  const guessed = page.getByTestId('import-report-guessed');
  await expect(guessed).toContainText('TCVN3');
  await expect(guessed).toContainText('VNI');
  // Row 3 of the second table, counted on from the 4 rows of the first.
  await expect(guessed).toContainText('dòng 7: Cột “Cơ quan chủ trì”: “Sở Nội vụ, Sở Tư pháp”');
  await page.getByTestId('import-panel').screenshot({ path: 'test-results/import-report-panel.png' });

  const added = (await plans()).filter((p) => !before.includes(p.id));
  expect(added).toHaveLength(1);
  const opened = await callApi<OpenedPlan>(request, token, 'openPlan', added[0].id);
  const names = new Map(opened.pkg.agencies.map((a) => [a.key, a.name]));
  const rows = opened.pkg.appendix.groups.flatMap((g) => g.rows);
  expect(rows.map((r) => r.cells.task)).toEqual(['Rà soát văn bản quy phạm pháp luật', 'Kiểm tra văn bản', 'Rà soát thủ tục']);
  expect((rows[2].cells.lead as Mention[]).map((m) => names.get(m.agency))).toEqual(['Sở Nội vụ', 'Sở Tư pháp']);
  // One "Sở Nội vụ" in the directory, whether it came in VNI or typed in Unicode.
  expect([...names.values()].filter((n) => n === 'Sở Nội vụ')).toHaveLength(1);

  // One click joins the guessed split back into one agency (as printed); the store holds it; a second click splits again.
  const regroup = guessed.getByTestId('import-regroup');
  await regroup.click();
  await expect(regroup).toHaveText('Tách lại');
  const joined = await callApi<OpenedPlan>(request, token, 'openPlan', added[0].id);
  const joinedNames = new Map(joined.pkg.agencies.map((a) => [a.key, a.name]));
  const joinedRow = joined.pkg.appendix.groups.flatMap((g) => g.rows)[2];
  expect((joinedRow.cells.lead as Mention[]).map((m) => joinedNames.get(m.agency))).toEqual(['Sở Nội vụ, Sở Tư pháp']);
  await page.getByTestId('import-panel').screenshot({ path: 'test-results/import-report-joined.png' });
  await regroup.click();
  await expect(regroup).toHaveText('Gộp lại thành một cơ quan');
  const again = await callApi<OpenedPlan>(request, token, 'openPlan', added[0].id);
  const againNames = new Map(again.pkg.agencies.map((a) => [a.key, a.name]));
  expect((again.pkg.appendix.groups.flatMap((g) => g.rows)[2].cells.lead as Mention[]).map((m) => againNames.get(m.agency))).toEqual(['Sở Nội vụ', 'Sở Tư pháp']);

  await callApi(request, token, 'trashPlan', added[0].id);
  await callApi(request, token, 'purgePlan', added[0].id);
});

test('a workbook with a hidden row: its warning is worded in the UI language, Vietnamese then English', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const plans = () => callApi<PlanSummary[]>(request, token, 'listPlans');
  const before = (await plans()).map((p) => p.id);
  const workbook = { name: 'an-dong.xlsx', mimeType: 'application/octet-stream', buffer: await xlsxOf(XLSX_CASES.x7()) };
  await page.getByTestId('import-xlsx-input').setInputFiles(workbook);
  const warnings = page.getByTestId('import-warnings');
  await expect(warnings).toContainText('Tệp “an-dong.xlsx”, trang “Phụ lục”: dòng 7 đang bị ẩn: vẫn được đọc.');
  await expect(warnings).not.toContainText(/rows|hidden|File/);
  await page.getByTestId('import-panel').screenshot({ path: 'test-results/import-warnings-vi.png' });
  // The hidden row was read all the same: the store holds it.
  const [first] = (await plans()).filter((p) => !before.includes(p.id));
  const opened = await callApi<OpenedPlan>(request, token, 'openPlan', first.id);
  const texts = opened.pkg.appendix.groups.flatMap((g) => g.rows).map((r) => String(r.cells.task));
  expect(texts).toEqual(['Rà soát văn bản quy phạm pháp luật', 'Nhiệm vụ đã xong, ẩn đi', 'Theo dõi thi hành pháp luật']);

  await page.getByRole('group', { name: 'Ngôn ngữ giao diện' }).getByRole('button', { name: 'EN' }).click();
  await page.getByTestId('import-xlsx-input').setInputFiles(workbook);
  await expect(warnings).toContainText('File “an-dong.xlsx”, sheet “Phụ lục”: hidden row(s) 7 were read all the same.');
  await page.getByTestId('import-panel').screenshot({ path: 'test-results/import-warnings-en.png' });
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'VI' }).click();

  for (const p of (await plans()).filter((p) => !before.includes(p.id))) {
    await callApi(request, token, 'trashPlan', p.id);
    await callApi(request, token, 'purgePlan', p.id);
  }
});
