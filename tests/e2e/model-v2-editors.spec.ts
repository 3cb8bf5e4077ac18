/**
 * The model v2 editors at 1280×720 in Vietnamese: the plan period (2021–2030), the "unknown" date flag, a
 * sub-recipient made by Tab, and a footnote inserted at the caret by Ctrl+Alt+F. After each gesture the STORE is
 * read back; then the exported DOCX is opened: its footnotes.xml holds the footnote, its document the
 * "- VP UBND tỉnh:" and "+ Cổng TTĐT tỉnh;" lines. Screenshots of the new editors at 1280×720 and 1366×768.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { expect, test, type Page } from '@playwright/test';
import type { PlanSummary } from '../../electron/core/api/contract';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { frameworkPackage } from '../core/fixtures/framework';
import { expectStored, field, newSamplePlan, openDecision, storedPkg } from './decision-helpers';
import { callApi, sessionToken } from './helpers';

const shots = join(process.cwd(), 'test-results', 'shots');

test.use({ viewport: { width: 1280, height: 720 }, locale: 'vi-VN' });

/** The paragraphs of a Word part as plain lines. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0].replace(/<[^>]+>/g, '').trim()).filter(Boolean);
}

async function exportDocx(page: Page): Promise<JSZip> {
  await page.getByTestId('docx-parts').selectOption('all');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'DOCX', exact: true }).click();
  return JSZip.loadAsync(await readFile(await (await download).path()));
}

test('period, unknown date, sub-recipient and footnote: stored after each gesture, printed in the DOCX', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  await expect(page.getByText('Giai đoạn (đến năm)')).toBeVisible();

  // Period 2021–2030: the year first (the period starts in the plan's year), then its last year.
  await field(page, 'year').fill('2021');
  await field(page, 'year').press('Enter');
  await expectStored(request, token, id, (p) => p.year, 2021);
  await field(page, 'period').fill('2030');
  await field(page, 'period').press('Enter');
  await expectStored(request, token, id, (p) => p.period, { from: 2021, to: 2030 });
  await expect(page.getByText('Kế hoạch giai đoạn 2021 - 2030')).toBeVisible();
  // A last year before the first is refused in words and not stored.
  await field(page, 'period').fill('2019');
  await field(page, 'period').blur();
  await expect(page.getByRole('alert').filter({ hasText: 'Năm cuối' })).toBeVisible();
  expect((await storedPkg(request, token, id)).period).toEqual({ from: 2021, to: 2030 });
  await field(page, 'period').fill('2030');
  await field(page, 'period').blur();

  // The date is cleared, then marked "issued but not known": printed "ngày … tháng … năm …".
  await page.getByTestId('clear-date').click();
  await expectStored(request, token, id, (p) => p.decision!.date, null);
  await page.getByTestId('date-unknown').check();
  await expectStored(request, token, id, (p) => p.decision!.dateUnknown, true);
  await expect(page.getByTestId('doc-date')).toContainText('ngày … tháng … năm …');
  // The number is filled: its flag cannot be set.
  await expect(page.getByTestId('number-unknown')).toBeDisabled();
  await page.getByTestId('date-unknown').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'v2-unknown-flags-1280.png') });

  // A recipient with a sub-item: typed as two lines, the second made a "+" item by Tab.
  const before = (await storedPkg(request, token, id)).decision!.recipients;
  const recipients = page.getByTestId('recipients');
  await recipients.getByRole('button', { name: /Thêm nơi nhận/ }).click();
  await expect(field(page, `decision.recipients[${before.length}]`)).toBeFocused();
  await page.keyboard.type('VP UBND tỉnh');
  await recipients.getByRole('button', { name: /Thêm nơi nhận/ }).click();
  await expect(field(page, `decision.recipients[${before.length + 1}]`)).toBeFocused();
  await page.keyboard.type('Cổng TTĐT tỉnh');
  await page.keyboard.press('Tab');
  await expectStored(request, token, id, (p) => p.decision!.recipients.slice(before.length), ['VP UBND tỉnh', '+ Cổng TTĐT tỉnh']);
  // The field keeps the focus (Tab indented, it did not leave) and shows the text without its mark.
  await expect(field(page, `decision.recipients[${before.length + 1}]`)).toBeFocused();
  await expect(field(page, `decision.recipients[${before.length + 1}]`)).toHaveValue('Cổng TTĐT tỉnh');
  await page.screenshot({ path: join(shots, 'v2-recipients-1280.png'), fullPage: false });
  // Shift+Tab makes it a top-level line again; Ctrl+Z puts the sub-item back (one step).
  await page.keyboard.press('Shift+Tab');
  await expectStored(request, token, id, (p) => p.decision!.recipients[before.length + 1], 'Cổng TTĐT tỉnh');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ControlOrMeta+Z');
  await expectStored(request, token, id, (p) => p.decision!.recipients[before.length + 1], '+ Cổng TTĐT tỉnh');

  // Screenshots of the Decision's new rows (period, unknown flags) at both sizes.
  await field(page, 'period').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'v2-period-flags-1280.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: join(shots, 'v2-period-flags-1366.png') });
  await field(page, `decision.recipients[${before.length + 1}]`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'v2-recipients-1366.png') });
  await page.setViewportSize({ width: 1280, height: 720 });

  // A footnote at the end of the body's first paragraph.
  await page.goto(`/#/plans/${id}/body`);
  const first = page.getByTestId('body-editor').locator('[data-path="plan.body[0]"]').locator('.body-field').first();
  await first.click();
  await page.keyboard.press('ControlOrMeta+End');
  const words = (await first.inputValue()).length;
  await page.keyboard.press('Control+Alt+KeyF');
  const note = page.getByTestId('footnote-new');
  await expect(note).toBeFocused();
  await page.keyboard.type('Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.');
  await page.screenshot({ path: join(shots, 'v2-footnote-new-1280.png') });
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await storedPkg(request, token, id)).plan.body[0].text.filter((r) => r.footnote).map((r) => [r.text.length, r.footnote])).toEqual([
    [words, 'Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.'],
  ]);
  await expect(page.getByTestId('footnote-mark').first()).toHaveText('1');
  await expect(page.getByTestId('footnote-text').first()).toHaveValue('Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.');
  await page.screenshot({ path: join(shots, 'v2-footnote-1280.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: join(shots, 'v2-footnote-1366.png') });
  await page.setViewportSize({ width: 1280, height: 720 });

  // The exported DOCX: the footnote is a Word footnote, the recipients print with their levels.
  await openDecision(page, id);
  const zip = await exportDocx(page);
  const footnotes = await zip.file('word/footnotes.xml')?.async('string');
  expect(footnotes, 'word/footnotes.xml').toBeTruthy();
  expect(paragraphs(footnotes!).join('\n')).toContain('Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.');
  const document = await zip.file('word/document.xml')!.async('string');
  expect(document).toContain('<w:footnoteReference');
  const lines = paragraphs(document);
  expect(lines).toContain('- VP UBND tỉnh:');
  expect(lines.some((l) => /^\+ Cổng TTĐT tỉnh[;.]$/.test(l))).toBe(true);
  expect(lines.join('\n')).toContain('ngày … tháng … năm …');
});

test('a 9-column framework: the preview’s column shares are the exported DOCX’s grid', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const made = await callApi<PlanSummary>(request, token, 'importPlan', 'khung.json', serializeExchange(frameworkPackage(3, 3)));
  await page.goto(`/#/plans/${made.id}/appendix`);
  await expect(page.getByTestId('plan-title')).toBeVisible();
  const toggle = page.getByTestId('preview-toggle');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const table = page.getByTestId('preview').locator('[data-preview-page="appendix"] table.pv-table');
  await expect(table).toHaveAttribute('data-wide', 'true');
  const shares = await table.locator('col').evaluateAll((cols) => cols.map((c) => parseFloat((c as HTMLElement).style.width)));

  const download = page.waitForEvent('download');
  await page.getByTestId('docx-parts').selectOption('appendix');
  await page.getByRole('button', { name: 'DOCX', exact: true }).click();
  const zip = await JSZip.loadAsync(await readFile(await (await download).path()));
  const xml = await zip.file('word/document.xml')!.async('string');
  const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
  expect(grid).toHaveLength(9);
  const total = grid.reduce((a, b) => a + b, 0);
  expect(shares).toHaveLength(9);
  shares.forEach((share, i) => expect(share).toBeCloseTo((grid[i] / total) * 100, 1));
  await page.screenshot({ path: join(shots, 'v2-preview-wide-1280.png') });
});

test('numbering per level: points as 1.1. — stored as the plan’s style, shown in the editor as printed', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await page.goto(`/#/plans/${id}/body`);
  const panel = page.getByTestId('body-numbering');
  await panel.locator('summary').click();
  await panel.getByTestId('numbering-point').selectOption('decimal');
  await expectStored(request, token, id, (p) => p.plan.numbering?.point, { format: 'decimal', suffix: '.' });
  await panel.getByTestId('numbering-point-path').check();
  await expectStored(request, token, id, (p) => p.plan.numbering?.point, { format: 'decimal', suffix: '.', path: true });
  // The sample's first points sit under "2. Yêu cầu" of part I: they read 2.1., 2.2. in the editor.
  const pkg = await storedPkg(request, token, id);
  const partI = pkg.plan.body.findIndex((n) => n.kind === 'part');
  const item = pkg.plan.body[partI].children.findIndex((n) => n.children.some((c) => c.kind === 'point'));
  const itemNumber = pkg.plan.body[partI].children.slice(0, item + 1).filter((n) => n.kind === 'item').length;
  const row = page.getByTestId('body-editor').locator(`[data-path="plan.body[${partI}].children[${item}].children[0]"] > .body-label`);
  await expect(row).toHaveText(`${itemNumber}.1.`);
  await page.screenshot({ path: join(shots, 'v2-numbering-levels-1280.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: join(shots, 'v2-numbering-levels-1366.png') });
  // Back to Nghị định 30's style: no style stored, the label is a) again.
  await panel.getByTestId('numbering-reset').click();
  await expectStored(request, token, id, (p) => p.plan.numbering ?? null, null);
  await expect(row).toHaveText('a)');
});

test('a 2021–2030 plan’s rollover proposes 2031 and says why a year inside the period does not apply', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await callApi(request, token, 'setPlanYear', id, 2021);
  await callApi(request, token, 'setField', id, 'period', JSON.stringify({ from: 2021, to: 2030 }));
  await page.goto(`/#/plans/${id}/rollover`);
  const panel = page.getByTestId('rollover-panel');
  await expect(panel.getByTestId('rollover-year')).toHaveValue('2031');
  await expect(panel.getByTestId('rollover-proposal').first()).toBeVisible();
  await panel.getByTestId('rollover-year').fill('2022');
  await expect(panel.getByTestId('status-error')).toContainText('giai đoạn 2031 - 2040');
  await expect(panel.getByTestId('rollover-create')).toBeDisabled();
});

test('a footnote by mouse in the middle of a paragraph: edited, then deleted, each one edit in the store', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await page.goto(`/#/plans/${id}/body`);
  const node = page.getByTestId('body-editor').locator('[data-path="plan.body[1]"]');
  const text = (await storedPkg(request, token, id)).plan.body[1].text.map((r) => r.text).join('');
  const at = text.indexOf(' ') > 0 ? text.indexOf(' ') : 3;
  const f = node.locator('.body-field').first();
  await f.click();
  await f.evaluate((el, pos) => (el as HTMLTextAreaElement).setSelectionRange(pos, pos), at);
  await node.getByTestId('footnote-insert').click();
  await page.getByTestId('footnote-new').fill('Chú thích thử');
  await page.getByTestId('footnote-add').click();
  await expect.poll(async () => (await storedPkg(request, token, id)).plan.body[1].text.map((r) => [r.text, r.footnote ?? null])).toEqual([
    [text.slice(0, at), 'Chú thích thử'],
    [text.slice(at), null],
  ]);
  // Its text edited in the list under the paragraph.
  const note = node.getByTestId('footnote-text');
  await note.fill('Chú thích đã sửa');
  await note.press('Enter');
  await expect.poll(async () => (await storedPkg(request, token, id)).plan.body[1].text[0].footnote).toBe('Chú thích đã sửa');
  // Deleted: the words stay as they were, no footnote left.
  await node.getByRole('button', { name: /Xóa chú thích 1/ }).click();
  await expect.poll(async () => (await storedPkg(request, token, id)).plan.body[1].text.some((r) => r.footnote)).toBe(false);
  expect((await storedPkg(request, token, id)).plan.body[1].text.map((r) => r.text).join('')).toBe(text);
  await expect(node.getByTestId('footnote-mark')).toHaveCount(0);
});
