/**
 * Formatting of the selection (issue #11): Ctrl+B on selected words bolds those words only, in the store
 * and in the exported DOCX; a heading's bold stays the kind's.
 */
import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import type { ExportResult } from '../../electron/core/api/contract';
import { callApi } from './helpers';
import { field, freshPlan, row, stored, storedBody } from './plan-helpers';

/** The runs of the exported document.xml as [text, bold] pairs, for the paragraph that contains `probe`. */
async function exportedRuns(request: Parameters<typeof callApi>[0], token: string, planId: number, probe: string): Promise<Array<[string, boolean]>> {
  const res = await callApi<ExportResult>(request, token, 'exportPlan', planId, 'docx');
  expect(res.kind).toBe('download');
  const zip = await JSZip.loadAsync(Buffer.from((res as { base64: string }).base64, 'base64'));
  const xml = await zip.file('word/document.xml')!.async('string');
  const para = xml.split('</w:p>').find((p) => p.replace(/<[^>]+>/g, '').includes(probe));
  expect(para, `a paragraph with “${probe}”`).toBeTruthy();
  return [...para!.matchAll(/<w:r>([\s\S]*?)<\/w:r>|<w:r [^>]*>([\s\S]*?)<\/w:r>/g)].map((m) => {
    const body = m[1] ?? m[2];
    const text = [...body.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('');
    const bold = /<w:b\/>|<w:b w:val="(true|1|on)"\/>/.test(body);
    return [text, bold] as [string, boolean];
  }).filter(([t]) => t !== '');
}

test('Ctrl+B on one selected word bolds that word only, in the store and in the exported DOCX', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const text = (await storedBody(request, fresh))[1].text[0].text;
  const word = 'hành chính';
  const at = text.indexOf(word);
  expect(at).toBeGreaterThan(0);
  const f = field(page, 'plan.body[1]');
  await f.click();
  await f.evaluate((el, [a, b]) => (el as HTMLTextAreaElement).setSelectionRange(a, b), [at, at + word.length]);
  await page.keyboard.press('ControlOrMeta+B');
  await expect.poll(async () => (await storedBody(request, fresh))[1].text).toEqual([
    { text: text.slice(0, at) },
    { text: word, bold: true },
    { text: text.slice(at + word.length) },
  ]);
  const runs = await exportedRuns(request, fresh.token, fresh.id, text.slice(0, 20));
  expect(runs.filter(([, b]) => b).map(([t]) => t).join('')).toBe(word);
  expect(runs.map(([t]) => t).join('')).toBe(text);

  // The B button shows the state of the run the caret is in.
  await expect(field(page, 'plan.body[1]', 1)).toBeFocused();
  await expect(row(page, 'plan.body[1]').getByRole('button', { name: /chữ đậm/ }).first()).toHaveAttribute('aria-pressed', 'true');
});

test('Ctrl+B on a word of a part title un-bolds that word only; the rest stays bold by its kind', async ({ page, request }) => {
  const fresh = await freshPlan(page, request);
  const title = (await storedBody(request, fresh))[2].text[0].text; // "MỤC ĐÍCH, YÊU CẦU"
  const f = field(page, 'plan.body[2]');
  await f.click();
  await f.evaluate((el) => (el as HTMLTextAreaElement).setSelectionRange(0, 3));
  await page.keyboard.press('ControlOrMeta+B');
  await expect.poll(async () => (await storedBody(request, fresh))[2].text).toEqual([
    { text: title.slice(0, 3), bold: false },
    { text: title.slice(3) },
  ]);
  const runs = await exportedRuns(request, fresh.token, fresh.id, title.slice(3));
  // Only the un-bolded word is plain; the numbering "I." and the rest of the title are bold.
  expect(runs.filter(([, b]) => !b).map(([t]) => t).join('').trim()).toBe(title.slice(0, 3));
  expect(runs.filter(([, b]) => b).map(([t]) => t).join('')).toContain(title.slice(3));
});

test('Ctrl+B on selected words of a Decision article bolds only them, and typing in the other runs keeps the bold', async ({ page, request }) => {
  const fresh = await freshPlan(page, request, 'decision');
  const text = (await stored(request, fresh)).pkg.decision!.articles[0][0].text;
  const word = 'kèm theo';
  const at = text.indexOf(word);
  expect(at).toBeGreaterThan(0);
  const f = page.locator('[data-path="decision.articles[0]"]');
  await f.click();
  await f.evaluate((el, [a, b]) => (el as HTMLTextAreaElement).setSelectionRange(a, b), [at, at + word.length]);
  await page.keyboard.press('ControlOrMeta+B');
  await expect.poll(async () => (await stored(request, fresh)).pkg.decision!.articles[0]).toEqual([
    { text: text.slice(0, at) },
    { text: word, bold: true },
    { text: text.slice(at + word.length) },
  ]);
  // The last run is edited on its own; the bold word stays bold.
  const last = page.getByRole('textbox', { name: /Điều 1.* — phần 3\/3$/ });
  await last.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' (sửa)');
  await last.blur();
  await expect.poll(async () => (await stored(request, fresh)).pkg.decision!.articles[0].map((r) => r.text).join('')).toBe(`${text} (sửa)`);
  expect((await stored(request, fresh)).pkg.decision!.articles[0][1]).toEqual({ text: word, bold: true });
  const runs = await exportedRuns(request, fresh.token, fresh.id, text.slice(0, 15));
  expect(runs.filter(([, b]) => b).map(([t]) => t).join('')).toContain(word);
  expect(runs.filter(([, b]) => b).map(([t]) => t).join('')).not.toContain(text.slice(0, 10));
});
