/** The drafter can export the whole package or each of its three documents alone, as Word files. */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { expect, test } from '@playwright/test';
import { newSamplePlan, openDecision } from './decision-helpers';

async function documentText(path: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(path));
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

test('the DOCX holds the documents chosen', async ({ page, request }) => {
  // A copy of its own: other tests change the sample's copies (one becomes a standalone Plan).
  const { id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const exportAs = async (choice: string) => {
    await page.getByTestId('docx-parts').selectOption(choice);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'DOCX', exact: true }).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: await documentText(await file.path()) };
  };
  const all = await exportAs('all');
  expect(all.text).toContain('QUYẾT ĐỊNH:');
  expect(all.text).toContain('KẾ HOẠCH');
  expect(all.text).toContain('PHỤ LỤC');

  const decision = await exportAs('decision');
  expect(decision.name).toMatch(/-decision\.docx$/);
  expect(decision.text).toContain('QUYẾT ĐỊNH:');
  expect(decision.text).not.toContain('PHỤ LỤC');

  const appendix = await exportAs('appendix');
  expect(appendix.name).toMatch(/-appendix\.docx$/);
  expect(appendix.text).toContain('PHỤ LỤC');
  expect(appendix.text).not.toContain('QUYẾT ĐỊNH:');
  expect(appendix.text).toContain('Tiếp tục triển khai có hiệu quả Luật Ban hành văn bản QPPL');
});
