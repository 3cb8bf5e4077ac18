/**
 * The first screen against a fresh store (the host seeds the bundled sample): plans list, the opened
 * plan's three parts, search, language switch, creating a plan (checked in the store) and a DOCX export.
 * Tests run in file order on one host, and this file's name sorts first, so its first test sees the store
 * exactly as a first start leaves it.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { PlanSummary } from '../../electron/core/api/contract';
import { callApi, openPlan, planRows, SAMPLE_TITLE, sessionToken } from './helpers';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

test('first start lists the bundled sample', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Soạn Kế hoạch');
  await expect(page.getByTestId('data-file')).toContainText('store.sqlite');
  await expect(planRows(page)).toHaveCount(1);
  const row = planRows(page).first();
  await expect(row.getByRole('button', { name: SAMPLE_TITLE, exact: true })).toBeVisible();
  await expect(row.getByRole('cell').nth(0)).toHaveText('2024');
  await expect(row.getByRole('cell').nth(1)).toHaveText('48');
  // Last changed, formatted vi-VN: dd/mm/yyyy hh:mm.
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await expect(page.getByRole('button', { name: 'Tạo mới từ mẫu' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tạo kế hoạch trống' })).toBeVisible();
});

test('the opened sample shows the Decision fields', async ({ page }) => {
  await page.goto('/');
  await openPlan(page);
  await expect(page.getByRole('tab', { name: 'Quyết định' })).toHaveAttribute('aria-selected', 'true');
  // The Decision is a form now: fields hold the values; the "printed as" lines show the ND30 wording.
  const decision = page.getByTestId('decision-view');
  const path = (p: string) => decision.locator(`[data-path="${p}"]`);
  await expect(path('issuer.name')).toHaveValue('ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC');
  await expect(decision.getByTestId('doc-number')).toHaveText('Số: 2142/QĐ-UBND');
  await expect(decision.getByTestId('doc-date')).toHaveText('Bình Phước, ngày 09 tháng 12 năm 2023');
  await expect(path('decision.summary')).toHaveValue(/^Ban hành Kế hoạch cải cách hành chính Nhà nước năm 2024/);
  await expect(path('decision.authority')).toHaveValue('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH');
  await expect(decision.getByTestId('legal-bases').getByRole('listitem')).toHaveCount(7);
  await expect(path('decision.proposal')).toHaveValue(/^Theo đề nghị của Giám đốc Sở Nội vụ/);
  const articles = decision.getByTestId('articles').getByRole('listitem');
  await expect(articles).toHaveCount(2);
  await expect(articles.nth(0)).toContainText('Điều 1.');
  await expect(path('decision.articles[0]')).toHaveValue(/^Ban hành kèm theo Quyết định này/);
  await expect(articles.nth(1)).toContainText('Điều 2.');
  await expect(decision.getByTestId('recipients').getByRole('listitem')).toHaveCount(11);
  await expect(decision.getByTestId('recipients').getByRole('listitem').nth(10)).toContainText('-');
  await expect(path('decision.recipients[10]')).toHaveValue('Lưu: VT, (T337QĐ).');
  await expect(decision.getByTestId('signer')).toContainText('CHỦ TỊCH');
  await expect(decision.getByTestId('signer-name')).toHaveText('Trần Tuệ Hiền');
});

test('the opened sample shows the body outline with parts I to VII', async ({ page }) => {
  await page.goto('/');
  await openPlan(page);
  await page.getByRole('tab', { name: 'Nội dung Kế hoạch' }).click();
  // The body is edited in place (tests/e2e/body.spec.ts); here only what the first screen shows.
  const outline = page.getByTestId('body-editor');
  const parts = outline.locator(':scope > ol > li.kind-part');
  await expect(parts).toHaveCount(7);
  const labels = await parts.evaluateAll((els) => els.map((el) => el.querySelector(':scope > .body-row > .body-label')?.textContent));
  expect(labels).toEqual(ROMAN.map((r) => `${r}.`));
  await expect(parts.nth(0).locator(':scope > .body-row .body-field')).toHaveValue('MỤC ĐÍCH, YÊU CẦU');
  await expect(parts.nth(6).locator(':scope > .body-row .body-field')).toHaveValue('TỔ CHỨC THỰC HIỆN');
  // Part headings are bold; a run marked `bold: false` inside one is not.
  await expect(parts.nth(0).locator(':scope > .body-row .body-field')).toHaveCSS('font-weight', '700');
  const unbold = parts.nth(4).locator(':scope > .body-row .body-field').nth(1);
  await expect(unbold).toHaveValue(' (có phụ lục kèm theo)');
  await expect(unbold).toHaveCSS('font-weight', '400');
  // Items inside a part are numbered 1., 2., …
  await expect(parts.nth(0).locator(':scope > ol > li > .body-row > .body-label').first()).toHaveText('1.');
});

test('the opened sample shows the appendix: 7 groups, 48 tasks numbered 1..48', async ({ page }) => {
  await page.goto('/');
  await openPlan(page);
  await page.getByRole('tab', { name: /^Phụ lục/ }).click();
  const grid = page.getByTestId('appendix-table');
  await expect(grid).toBeVisible();
  const captions = await grid.locator('[role="columnheader"][data-column]').evaluateAll((hs) => hs.map((h) => h.getAttribute('data-column')));
  expect(captions).toEqual(['stt', 'task', 'lead', 'cooperate', 'deadline', 'note']);
  // Group I with its first task, led by Sở Tư pháp (printed from the directory).
  const firstGroup = grid.getByTestId('appendix-group').first();
  await expect(firstGroup.getByRole('rowheader')).toHaveText('I');
  await expect(firstGroup).toContainText('Cải cách thể chế');
  const first = grid.getByTestId('appendix-row').first();
  await expect(first.getByTestId('row-number')).toHaveText('1');
  await expect(first.locator('[data-column="lead"]')).toHaveText('Sở Tư pháp');
  await expect(first.locator('[data-column="deadline"]')).toHaveText('Trong năm 2024');

  // The grid is virtualised: scroll through it and collect every group numeral and row number it shows.
  const seen = await grid.evaluate(async (el) => {
    const numerals = new Set<string>();
    const numbers = new Set<string>();
    const collect = () => {
      el.querySelectorAll('[data-testid="appendix-group"] [role="rowheader"]').forEach((h) => numerals.add(h.textContent ?? ''));
      el.querySelectorAll('[data-testid="row-number"]').forEach((n) => numbers.add(n.textContent ?? ''));
    };
    for (let top = 0; top <= el.scrollHeight; top += el.clientHeight / 2) {
      el.scrollTop = top;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      collect();
    }
    return { numerals: [...numerals], numbers: [...numbers].map(Number).sort((a, b) => a - b) };
  });
  expect(seen.numerals).toEqual(ROMAN);
  expect(seen.numbers).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
});

test('search is Vietnamese-aware', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const blank = await callApi<PlanSummary>(request, token, 'createPlan', 'blank', 2025);
  await callApi(request, token, 'renamePlan', blank.id, 'Kế hoạch cải cách hành chính năm 2025');
  await page.reload();
  const search = page.getByLabel('Tìm kế hoạch');
  // Wait for the list to draw (the blank plan is in it) before counting.
  await expect(planRows(page).filter({ hasText: 'Kế hoạch cải cách hành chính năm 2025' })).toHaveCount(1);
  const before = await planRows(page).count();
  expect(before).toBeGreaterThanOrEqual(2);

  await search.fill('cai cach');
  await expect(planRows(page)).toHaveCount(1);
  await expect(planRows(page).first()).toContainText('Kế hoạch cải cách hành chính năm 2025');

  await search.fill('BINH PHUOC');
  await expect(planRows(page).first()).toContainText(SAMPLE_TITLE);
  for (const text of await planRows(page).allTextContents()) expect(text).toContain('Bình Phước');

  await search.fill('cải cách');
  await expect(planRows(page)).toHaveCount(1);

  await search.fill('không có kế hoạch này');
  await expect(planRows(page)).toHaveCount(0);
  await expect(page.getByTestId('plans-no-match')).toBeVisible();

  await search.press('Escape');
  await expect(planRows(page)).toHaveCount(before);
});

test('switching to English changes the UI without a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Các kế hoạch' })).toBeVisible();
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 42));
  await page.getByRole('group', { name: 'Ngôn ngữ giao diện' }).getByRole('button', { name: 'EN' }).click();
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'New from sample' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Last changed' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Same page: no reload happened.
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(42);
  // Inside a plan too, while the documents stay Vietnamese.
  await openPlan(page);
  await expect(page.getByRole('tab', { name: 'Decision' })).toBeVisible();
  await expect(page.getByText('Legal bases')).toBeVisible();
  await expect(page.getByTestId('doc-number')).toHaveText('Số: 2142/QĐ-UBND');
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'VI' }).click();
  await expect(page.getByRole('tab', { name: 'Quyết định' })).toBeVisible();
});

test('creating a plan from the sample adds it to the list and to the store', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const storeBefore = await callApi<PlanSummary[]>(request, token, 'listPlans');
  await expect(planRows(page)).toHaveCount(storeBefore.length);

  await page.getByRole('button', { name: 'Tạo mới từ mẫu' }).click();
  await expect(planRows(page)).toHaveCount(storeBefore.length + 1);
  await expect(page.getByTestId('status-info')).toContainText(SAMPLE_TITLE);

  const storeAfter = await callApi<PlanSummary[]>(request, token, 'listPlans');
  expect(storeAfter).toHaveLength(storeBefore.length + 1);
  const added = storeAfter.filter((p) => !storeBefore.some((b) => b.id === p.id));
  expect(added).toHaveLength(1);
  expect(added[0]).toMatchObject({ title: SAMPLE_TITLE, year: 2024, rowCount: 48, hasDecision: true });
  await expect(page.locator(`[data-testid="plan-row"][data-plan-id="${added[0].id}"]`)).toBeVisible();
});

test('exporting DOCX downloads a Word file', async ({ page }) => {
  await page.goto('/');
  await openPlan(page);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'DOCX', exact: true }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.docx$/);
  const path = await download.path();
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.length).toBeGreaterThan(5_000);
  await expect(page.getByTestId('status-info')).toContainText(download.suggestedFilename());
  await expect(page.getByTestId('status-error')).toHaveCount(0);
});
