/**
 * One voice on the screen: in Vietnamese (the default) no English word shows on the main screens (the plans list,
 * every section of a plan, the export notes, the import report, a bad exchange file's message), and the export
 * notes and a bad file's problems switch to English with the UI. The visible text and the names a screen reader
 * says (aria-label, title, placeholder) are scanned; what the documents or the drafter's own data hold is Vietnamese
 * already, and identifiers (field paths such as `decision.date`) are not words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { PlanSummary } from '../../electron/core/api/contract';
import { callApi, sessionToken } from './helpers';

const ROOT = new URL('../../', import.meta.url).pathname;

/** English words that must not show in Vietnamese mode (whole words, any case). */
const STOP_WORDS = [
  'error', 'errors', 'wrote', 'must', 'expected', 'invalid', 'missing', 'no plan', 'rows', 'note', 'notes', 'warning',
  'warnings', 'imported', 'unknown', 'cannot', 'needs', 'file', 'not a', 'guessed', 'recognised', 'added', 'removed',
  'at the end', 'the', 'and', 'of', 'is', 'to', 'with', 'internal',
];
const STOP = new RegExp(`(?<![\\p{L}\\d])(${STOP_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\d])`, 'iu');

/** What a person sees or hears on the page now, one entry per line of text or accessible name. */
async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [...document.body.innerText.split('\n')];
    for (const el of Array.from(document.querySelectorAll('[aria-label], [title], [placeholder]'))) {
      const box = (el as HTMLElement).getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) {
        const v = el.getAttribute(name);
        if (v) out.push(v);
      }
    }
    out.push(document.title);
    return out.map((l) => l.trim()).filter(Boolean);
  });
}

/** Lines with English in them, identifiers and file names taken out first. */
function english(lines: string[]): string[] {
  return lines.filter((line) =>
    STOP.test(
      line
        .replace(/[\w-]+\.(json|docx|xlsx)\b/g, ' ')
        .replace(/[A-Za-z_$][\w$-]*(?:(?:\.[\w$-]+)|(?:\[\d+\]))+/g, ' '),
    ),
  );
}

/** The sample as an exchange file, with three slips the DOCX export fixes and reports. */
function sampleWithSlips(): string {
  const doc = JSON.parse(readFileSync(join(ROOT, 'resources/sample/ke-hoach-cchc-2024-binh-phuoc.json'), 'utf8'));
  doc.title = 'Một giọng — kế hoạch có lỗi dấu câu';
  doc.decision.legalBases[0] = String(doc.decision.legalBases[0]).replace(/;$/, '');
  doc.decision.recipients = doc.decision.recipients.filter((r: string) => !r.startsWith('Lưu'));
  return JSON.stringify(doc);
}

test('Vietnamese mode shows no English on the main screens, the export notes and the import messages', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  const token = await sessionToken(page);
  const plan = await callApi<PlanSummary>(request, token, 'importPlan', 'mot-giong.json', sampleWithSlips());
  const found: Record<string, string[]> = {};
  const scan = async (screen: string) => {
    const hits = english(await visibleText(page));
    if (hits.length) found[screen] = hits;
  };

  await page.goto('/');
  await expect(page.getByTestId('plans-table')).toBeVisible();
  await scan('plans');
  await page.getByTestId('view-trash').click();
  await scan('trash');
  await page.getByTestId('view-backups').click();
  await page.waitForLoadState('networkidle');
  await scan('backups');
  await page.getByTestId('view-active').click();

  for (const section of ['decision', 'body', 'appendix', 'agencies', 'search', 'check', 'versions', 'rollover', 'merge']) {
    await page.goto(`/#/plans/${plan.id}/${section}`);
    await expect(page.getByTestId('plan-title')).toBeVisible();
    // Let the section load its data (the checker's findings, the versions list …).
    await page.waitForLoadState('networkidle');
    await scan(section);
  }

  // The shortcuts list (F1) and the find-and-replace dialog (Ctrl+H).
  await page.goto(`/#/plans/${plan.id}/decision`);
  await expect(page.getByTestId('decision-view')).toBeVisible();
  await page.keyboard.press('F1');
  await expect(page.getByTestId('help-dialog')).toBeVisible();
  await scan('shortcuts');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+h');
  await expect(page.getByTestId('find-text')).toBeVisible();
  await scan('find and replace');
  await page.keyboard.press('Escape');

  // The DOCX export's notes (punctuation it fixed) are worded by the catalogue.
  await page.goto(`/#/plans/${plan.id}/decision`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'DOCX', exact: true }).click();
  await download;
  const notes = page.getByTestId('export-notes');
  await expect(notes).toContainText('Căn cứ 1: đã thêm “;” ở cuối dòng');
  await expect(notes).toContainText('Nơi nhận: đã thêm “- Lưu: VT.” làm nơi nhận cuối cùng');
  await scan('export notes');

  // A hand-edited exchange file with mistakes: one line per problem, each naming its field, as advice.
  await page.goto('/');
  const bad = JSON.parse(sampleWithSlips());
  bad.decision.date = '26/12/2022';
  delete bad.issuer.place;
  await page.getByTestId('import-json-input').setInputFiles({ name: 'sai.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const error = page.getByTestId('import-panel').getByTestId('status-error');
  await expect(error).toContainText('sai.json: không phải tệp kế hoạch hợp lệ');
  await expect(error).toContainText('decision.date: “26/12/2022” không phải ngày; viết ngày theo dạng 2022-12-26');
  // Each problem on a line of its own, not run together.
  const lines = (await error.innerText()).split('\n').map((l) => l.trim());
  expect(lines).toContain('issuer.place: thiếu trường này; hãy thêm nó');
  expect(lines).toContain('decision.date: “26/12/2022” không phải ngày; viết ngày theo dạng 2022-12-26');
  await scan('bad exchange file');

  // Last year's Word file: the import report.
  const docx = await callApi<{ kind: string; base64: string }>(request, token, 'exportPlan', plan.id, 'docx');
  await page.getByTestId('import-docx-input').setInputFiles({ name: 'nam-truoc.docx', mimeType: 'application/octet-stream', buffer: Buffer.from(docx.base64, 'base64') });
  await expect(page.getByTestId('import-panel').getByTestId('status-info')).toBeVisible();
  await scan('import report');

  expect(found).toEqual({});

  // The same messages in English when the UI is switched; the shell is told (the desktop menu follows).
  const told = page.waitForRequest((r) => r.url().endsWith('/api/setUiLanguage'));
  await page.getByRole('group', { name: 'Ngôn ngữ giao diện' }).getByRole('button', { name: 'EN' }).click();
  expect((await told).postDataJSON()).toEqual(['en']);
  await page.getByTestId('import-json-input').setInputFiles({ name: 'sai.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  await expect(page.getByTestId('import-panel').getByTestId('status-error')).toContainText('decision.date: "26/12/2022" is not a date; write the date as 2022-12-26');
  // The scan does see English when there is some: the same screen in English is full of it.
  expect(english(await visibleText(page)).length).toBeGreaterThan(5);
  await page.getByRole('group', { name: 'Interface language' }).getByRole('button', { name: 'VI' }).click();

  for (const p of await callApi<PlanSummary[]>(request, token, 'listPlans')) {
    if (p.title.startsWith('Một giọng')) {
      await callApi(request, token, 'trashPlan', p.id);
      await callApi(request, token, 'purgePlan', p.id);
    }
  }
});
