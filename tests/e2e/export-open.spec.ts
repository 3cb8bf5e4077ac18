/**
 * After an export: on the desktop the notice offers "Mở tệp" and "Mở thư mục", which ask main to open the file by
 * the id the export returned (never by a path); in the browser the file is a download, named, with no such buttons.
 * The desktop is played by a stand-in `window.soan` (the preload's shape) over the real host: every call goes to
 * the store, except that exportPlan answers as main's save dialog does and the two open calls are recorded.
 */
import { expect, test } from '@playwright/test';
import { newSamplePlan, openDecision } from './decision-helpers';

const FILE_ID = '6f1c2a9e-0b7d-4c1e-9a3f-2d5e8b7c4a10';

test('desktop: the two buttons ask main to open or show the saved file by its id; a refusal is shown translated', async ({ page, request }) => {
  // Before the first load: the app picks its API (window.soan or the host) once, when it starts.
  await page.addInitScript((fileId) => {
    const token = () => document.querySelector<HTMLMetaElement>('meta[name="soan-token"]')?.content ?? '';
    const host = async (method: string, all: unknown[]) => {
      // IPC keeps a trailing `undefined` (left out); JSON would send null.
      const args = all.slice(0, all.findLastIndex((a) => a !== undefined) + 1);
      const res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-soan-token': token() }, body: JSON.stringify(args) });
      const body = (await res.json()) as { result?: unknown; error?: string; code?: string; params?: object };
      // As the preload does: a coded error's code and params ride in front of the message.
      if (body.error !== undefined) throw new Error(body.code ? `\u0000soan:${JSON.stringify({ code: body.code, params: body.params ?? {} })}\u0000${body.error}` : body.error);
      return body.result;
    };
    const calls: unknown[][] = [];
    (window as unknown as { __openCalls: unknown[][] }).__openCalls = calls;
    (window as unknown as { soan: unknown }).soan = new Proxy({}, {
      get: (_t, method: string) => async (...args: unknown[]) => {
        if (method === 'exportPlan') {
          const r = (await host(method, args)) as { fileName: string; notes: string[] };
          return { kind: 'saved', path: `C:\\Users\\cb\\Documents\\${r.fileName}`, fileId, notes: r.notes };
        }
        if (method === 'openExportedFile') {
          calls.push([method, ...args]);
          return null;
        }
        if (method === 'showExportedFile') {
          calls.push([method, ...args]);
          const params = { path: 'C:\\Users\\cb\\Documents\\x.xlsx', file: 'x.xlsx' };
          throw new Error(`\u0000soan:${JSON.stringify({ code: 'export.fileGone', params })}\u0000gone`);
        }
        return host(method, args);
      },
    });
  }, FILE_ID);
  const { id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  await page.getByRole('button', { name: 'XLSX', exact: true }).click();
  await expect(page.getByTestId('export-path')).toHaveText(/^C:\\Users\\cb\\Documents\\.+\.xlsx$/);
  await page.getByTestId('export-open-file').click();
  await expect(page.getByTestId('export-open-file')).toHaveText('Mở tệp');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __openCalls: unknown[][] }).__openCalls)).toEqual([['openExportedFile', FILE_ID]]);
  await expect(page.getByTestId('export-open-problem')).toHaveCount(0);
  await page.getByTestId('export-open-folder').click();
  await expect(page.getByTestId('export-open-folder')).toHaveText('Mở thư mục');
  await expect(page.getByTestId('export-open-problem')).toHaveText('Không mở được. C:\\Users\\cb\\Documents\\x.xlsx: tệp không còn ở đó (đã bị chuyển hoặc xoá?).');
  expect(await page.evaluate(() => (window as unknown as { __openCalls: unknown[][] }).__openCalls)).toEqual([
    ['openExportedFile', FILE_ID],
    ['showExportedFile', FILE_ID],
  ]);
  await page.screenshot({ path: test.info().outputPath('desktop-export-open.png') });
});

test('browser: the export is a download, named, with no open buttons', async ({ page, request }) => {
  const { id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'XLSX', exact: true }).click();
  const file = await download;
  await expect(page.getByText(`Đã tải xuống ${file.suggestedFilename()}.`)).toBeVisible();
  await expect(page.getByTestId('export-open-file')).toHaveCount(0);
  await expect(page.getByTestId('export-open-folder')).toHaveCount(0);
});
