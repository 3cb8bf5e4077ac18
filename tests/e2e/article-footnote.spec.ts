/**
 * A footnote in a Decision article, added by keyboard at 1280×720 in Vietnamese, as in a body paragraph:
 * Ctrl+Alt+F at the caret inside the article's words, the note typed, Enter. The STORE then holds the article
 * split at the caret with the footnote on the words before it; Ctrl+Z takes it away in one step.
 */
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectStored, field, newSamplePlan, openDecision, storedPkg, waitSaved } from './decision-helpers';

const shots = join(process.cwd(), 'test-results', 'shots');

test.use({ viewport: { width: 1280, height: 720 }, locale: 'vi-VN' });

test('Ctrl+Alt+F in an article inserts a footnote at the caret: stored on the words before it, one undo step', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const before = (await storedPkg(request, token, id)).decision!.articles[0];
  expect(before).toHaveLength(1);
  const words = before[0].text;
  // The caret after the article's first two words, moved there by the keyboard.
  const at = words.indexOf(' ', words.indexOf(' ') + 1);
  const article = field(page, 'decision.articles[0]');
  await article.click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 0; i < at; i += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Alt+KeyF');
  const note = page.getByTestId('articles').getByTestId('footnote-new');
  await expect(note).toBeFocused();
  await page.keyboard.type('Theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.');
  await page.keyboard.press('Enter');

  await expectStored(request, token, id, (p) => p.decision!.articles[0], [
    { ...before[0], text: words.slice(0, at), footnote: 'Theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.' },
    { ...before[0], text: words.slice(at) },
  ]);
  const item = page.getByTestId('articles').getByRole('listitem').first();
  await expect(item.getByTestId('footnote-mark')).toHaveText('1');
  await expect(item.getByTestId('footnote-text')).toHaveValue('Theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.');
  await item.getByTestId('footnote-text').focus();
  await page.screenshot({ path: join(shots, 'article-footnote-1280.png') });
  // The preview prints the mark after the same words, its text on hover, as the DOCX does.
  await page.getByTestId('preview-toggle').click();
  const printed = page.getByTestId('preview').locator('[data-preview-path="decision.articles[0]"]');
  await expect(printed.locator('.pv-footnote')).toHaveText('1');
  await expect(printed.locator('.pv-footnote')).toHaveAttribute('title', 'Theo Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.');
  await page.getByTestId('preview-toggle').click();

  // One undo step takes the footnote (and the split) away.
  await waitSaved(page);
  await page.getByRole('tabpanel').focus();
  await page.keyboard.press('Control+z');
  await expectStored(request, token, id, (p) => p.decision!.articles[0], before);
});
