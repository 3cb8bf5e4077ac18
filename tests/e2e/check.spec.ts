/**
 * The format checker panel on a copy of the sample: its two errors, a click that jumps to the place (and
 * selects the words a finding is about), and a
 * fix that changes the store (one agency fewer) and is undone by Ctrl+Z.
 */
import { expect, test } from '@playwright/test';
import type { Finding, PlanSummary } from '../../electron/core/api/contract';
import { Scratch } from './scratch-plans';

let scratch: Scratch;
let before: number[] = [];
let plan: PlanSummary;

test.beforeEach(async ({ page, request }) => {
  scratch = new Scratch(request);
  await scratch.start(page);
  before = (await scratch.call<PlanSummary[]>('listPlans')).map((p) => p.id);
  plan = await scratch.sample();
  await page.goto(`/#/plans/${plan.id}/check`);
  await expect(page.getByTestId('check-panel')).toBeVisible();
});

test.afterEach(async () => {
  await scratch.cleanUp(before);
});

test('lists the sample\'s two errors, with counts by severity', async ({ page }) => {
  const stored = await scratch.call<Finding[]>('checkPlan', plan.id, 'vi');
  expect(stored.filter((f) => f.severity === 'error').map((f) => f.rule)).toEqual(['decision.before-proposal', 'citations.number-year']);

  const errors = page.getByTestId('check-group-error').getByTestId('finding');
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toContainText('sớm hơn văn bản đề nghị');
  await expect(errors.nth(0)).toContainText('Quyết định, ngày ký');
  await expect(errors.nth(1)).toContainText('67/2021/NĐ-CP');
  await expect(errors.nth(1)).toContainText('31/12/2017');
  await expect(page.getByTestId('check-counts')).toContainText('Lỗi: 2');
  // Severity is said in words, not only by colour.
  await expect(page.getByTestId('check-group-error').getByRole('heading')).toHaveText(/Lỗi \(2\)/);
});

test('clicking a finding jumps to its place in the Decision', async ({ page }) => {
  await page.getByTestId('check-group-error').getByTestId('finding').first().getByRole('button').first().click();
  await expect(page).toHaveURL(new RegExp(`#/plans/${plan.id}/decision$`));
  await page.waitForFunction(() => {
    const target = document.querySelector('[data-path="decision.date"]');
    return !!target && (target.contains(document.activeElement) || target.classList.contains('flash'));
  });
});

/** The plain text of the place at an exchange path of the stored package (a string or cell, or a node's joined runs). */
function placeText(pkg: unknown, path: string): string {
  let at: unknown = pkg;
  for (const key of path.split(/[.[\]]+/).filter(Boolean)) {
    const here = at as Record<string, unknown>;
    // An appendix row keeps its columns under `cells` (`rows[0].task` is `rows[0].cells.task`).
    at = /^\d+$/.test(key) ? here[Number(key)] : key in here ? here[key] : (here.cells as Record<string, unknown>)[key];
  }
  if (typeof at === 'string') return at;
  return ((at as { text: Array<{ text: string }> }).text).map((r) => r.text).join('');
}

test('clicking a finding selects its words: in a legal basis field, in the run field of a paragraph of several runs, in an appendix cell', async ({ page }) => {
  const stored = await scratch.call<Finding[]>('checkPlan', plan.id, 'vi');
  const pkg = (await scratch.open(plan.id)).pkg;

  // A citation without `số`, in a legal basis (a text field).
  const citation = stored.find((f) => f.rule === 'citations.so' && f.path.startsWith('decision.legalBases'))!;
  expect(citation.range).toBeDefined();
  const citationWords = placeText(pkg, citation.path).slice(citation.range!.start, citation.range!.end);
  expect(citationWords).toBe('Quyết định 2685/QĐ-UBND');
  await page.locator(`[data-rule="citations.so"][data-finding-path="${citation.path}"]`).getByRole('button').first().click();
  await expect(page).toHaveURL(new RegExp(`#/plans/${plan.id}/decision$`));
  await expect
    .poll(() =>
      page.evaluate((path) => {
        const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[data-path="${path}"]`);
        if (!el || document.activeElement !== el) return null;
        return el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0);
      }, citation.path),
    )
    .toBe(citationWords);

  // The odd year among repeated wording, in the third run of a body paragraph whose runs differ in formatting.
  const outlier = stored.find((f) => f.rule === 'years.outlier')!;
  const outlierWords = placeText(pkg, outlier.path).slice(outlier.range!.start, outlier.range!.end);
  expect(outlierWords).toBe('năm 2023');
  await page.goto(`/#/plans/${plan.id}/check`);
  await page.locator(`[data-rule="years.outlier"][data-finding-path="${outlier.path}"]`).getByRole('button').first().click();
  await expect(page).toHaveURL(new RegExp(`#/plans/${plan.id}/body$`));
  await expect
    .poll(() =>
      page.evaluate((path) => {
        // Each formatting run is its own field: the words are selected in the run field that holds them.
        const row = document.querySelector(`[data-path="${path}"]`);
        const el = document.activeElement;
        if (!row || !(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) || !row.contains(el) || !el.hasAttribute('data-run')) return null;
        return el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0);
      }, outlier.path),
    )
    .toBe(outlierWords);

  // An abbreviation in an appendix cell, shown as text until it is edited: the words are selected in the page.
  const abbr = stored.find((f) => f.rule === 'abbreviations.undefined' && f.path === 'appendix.groups[0].rows[0].task')!;
  const abbrWords = placeText(pkg, abbr.path).slice(abbr.range!.start, abbr.range!.end);
  expect(abbrWords).toBe('QPPL');
  await page.goto(`/#/plans/${plan.id}/check`);
  await page.locator(`[data-rule="abbreviations.undefined"][data-finding-path="${abbr.path}"]`).getByRole('button').first().click();
  await expect(page).toHaveURL(new RegExp(`#/plans/${plan.id}/appendix$`));
  await expect
    .poll(() =>
      page.evaluate((path) => {
        const cell = document.querySelector(`[data-path="${path}"]`);
        const sel = window.getSelection();
        if (!cell || !sel || sel.rangeCount === 0 || !cell.contains(sel.anchorNode)) return null;
        return sel.toString();
      }, abbr.path),
    )
    .toBe(abbrWords);
});

test('the agency-variant fix merges two agencies in the store, and Ctrl+Z restores them', async ({ page }) => {
  const count = async () => (await scratch.open(plan.id)).pkg.agencies.length;
  const start = await count();
  const finding = page.getByTestId('finding').filter({ hasText: 'Sở Thông tin và Truyền Thông' });
  await expect(finding).toHaveCount(1);
  await finding.getByRole('button', { name: /^Sửa: Gộp vào/ }).click();
  await expect.poll(count).toBe(start - 1);
  // The checker re-runs on the new revision: the finding is gone.
  await expect(page.getByTestId('finding').filter({ hasText: 'Sở Thông tin và Truyền Thông' })).toHaveCount(0);

  // Ctrl+Z from outside any text field: the plan's undo, not a field's.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Control+z');
  await expect.poll(count).toBe(start);
  await expect(page.getByTestId('finding').filter({ hasText: 'Sở Thông tin và Truyền Thông' })).toHaveCount(1);
});

test('a fix shows what it will write; an abbreviation can be marked as needing no spelling-out in this plan', async ({ page }) => {
  const rename = page.getByTestId('finding').filter({ hasText: 'Trường chính trị tỉnh' });
  await expect(rename.getByTestId('fix-preview')).toHaveText('Trường chính trị tỉnh → Trường Chính trị tỉnh');

  const cntt = page.getByTestId('finding').filter({ hasText: '«CNTT»' });
  await expect(cntt).toHaveCount(1);
  await cntt.getByRole('button', { name: 'Sửa: Không cần giải thích «CNTT» trong kế hoạch này' }).click();
  // Stored in the plan, the finding gone, the list shown below the findings.
  await expect.poll(() => scratch.call<string[]>('knownAbbreviations', plan.id)).toEqual(['CNTT']);
  await expect(page.getByTestId('finding').filter({ hasText: '«CNTT»' })).toHaveCount(0);
  const list = page.getByTestId('known-abbreviations').getByRole('textbox');
  await expect(list).toHaveValue('CNTT');

  // Edited as a line: UBND and HĐND join it, and their findings go.
  await list.fill('CNTT, UBND, HĐND');
  await page.getByRole('button', { name: 'Lưu danh sách' }).click();
  await expect.poll(() => scratch.call<string[]>('knownAbbreviations', plan.id)).toEqual(['CNTT', 'UBND', 'HĐND']);
  await expect(page.getByTestId('finding').filter({ hasText: '«UBND»' })).toHaveCount(0);
  await expect(page.getByTestId('finding').filter({ hasText: '«QPPL»' })).toHaveCount(1);
});
