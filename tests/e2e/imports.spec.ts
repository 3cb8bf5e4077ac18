/**
 * Importing plans from files on the plans list: an exchange file, last year's Word file and a workbook,
 * each becoming a new plan in the store; a broken file gets one clear message and changes nothing.
 */
import { expect, test, type APIRequestContext } from '@playwright/test';
import type { ExportResult, OpenedPlan, PlanSummary } from '../../electron/core/api/contract';
import { callApi, SAMPLE_TITLE, sessionToken } from './helpers';

async function exported(request: APIRequestContext, token: string, planId: number, format: 'json' | 'docx' | 'xlsx'): Promise<Buffer> {
  const result = await callApi<ExportResult>(request, token, 'exportPlan', planId, format);
  if (result.kind !== 'download') throw new Error('expected a download from the browser host');
  return Buffer.from(result.base64, 'base64');
}

test('JSON, DOCX and XLSX files import as new plans; a broken one changes nothing', async ({ page, request }) => {
  await page.goto('/');
  const token = await sessionToken(page);
  const plans = () => callApi<PlanSummary[]>(request, token, 'listPlans');
  const sample = (await plans()).find((p) => p.title === SAMPLE_TITLE)!;
  const files = {
    json: await exported(request, token, sample.id, 'json'),
    docx: await exported(request, token, sample.id, 'docx'),
    xlsx: await exported(request, token, sample.id, 'xlsx'),
  };
  const created: number[] = [];
  for (const kind of ['json', 'docx', 'xlsx'] as const) {
    const before = (await plans()).map((p) => p.id);
    await page.getByTestId(`import-${kind}-input`).setInputFiles({ name: `ke-hoach-2024.${kind}`, mimeType: 'application/octet-stream', buffer: files[kind] });
    await expect(page.getByTestId('import-panel').getByTestId('status-info')).toContainText('48');
    const added = (await plans()).filter((p) => !before.includes(p.id));
    expect(added, kind).toHaveLength(1);
    expect(added[0].rowCount).toBe(48);
    expect(added[0].year).toBe(2024);
    const opened = await callApi<OpenedPlan>(request, token, 'openPlan', added[0].id);
    expect(opened.pkg.appendix.groups).toHaveLength(7);
    if (kind !== 'xlsx') {
      // The exchange file and the Word file carry the Decision too.
      expect(opened.pkg.decision?.number).toBe('2142');
      expect(opened.pkg.decision?.signer.name).toBe('Trần Tuệ Hiền');
    }
    created.push(added[0].id);
  }

  const count = (await plans()).length;
  await page.getByTestId('import-docx-input').setInputFiles({ name: 'hong.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a word file') });
  await expect(page.getByTestId('import-panel').getByTestId('status-error')).toContainText('hong.docx');
  expect((await plans()).length).toBe(count);

  for (const id of created) {
    await callApi(request, token, 'trashPlan', id);
    await callApi(request, token, 'purgePlan', id);
  }
});
