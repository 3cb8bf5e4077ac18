/**
 * The packaged app's `--smoke-test` logic (electron/core/smoke.ts), run here under Node without a window: a
 * temporary store gets the sample, the DOCX and XLSX exports land in the temporary folder and open (jszip,
 * exceljs, and the app's own readers), and the folder and the store's lock are gone afterwards, pass or fail.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSamplePackage } from '../../electron/core/sample';
import { runSmokeTest } from '../../electron/core/smoke';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

const sampleRows = () => loadSamplePackage().appendix.groups.reduce((n, g) => n + g.rows.length, 0);

describe('runSmokeTest', () => {
  it('exports the sample as DOCX and XLSX into a temporary folder, and both open', async () => {
    const root = tempDir();
    const lines: string[] = [];
    let windowApi = false;
    const report = await runSmokeTest({
      version: '0.0.0-test',
      shell: 'browser',
      tempRoot: root,
      keep: true,
      log: (l) => lines.push(l),
      loadWindow: async (api) => {
        windowApi = (await api.listPlans()).length === 1;
      },
    });
    expect(windowApi).toBe(true);
    expect(report.windowLoaded).toBe(true);
    expect(report.rows).toBe(sampleRows());
    expect(report.docxRowsRead).toBe(sampleRows());
    expect(report.folder.startsWith(root)).toBe(true);
    expect(report.files.map((f) => f.format).sort()).toEqual(['docx', 'xlsx']);
    const docx = report.files.find((f) => f.format === 'docx')!;
    const xlsx = report.files.find((f) => f.format === 'xlsx')!;
    // Opened independently of the app's own readers.
    const zip = await JSZip.loadAsync(readFileSync(docx.path));
    const documentXml = await zip.file('word/document.xml')!.async('string');
    expect(documentXml).toContain('2142');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx.path) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThanOrEqual(1);
    expect(report.xlsxSheets).toEqual(wb.worksheets.map((w) => w.name));
    expect(lines).toContain('smoke: the XLSX opens: ok');
    // The temporary store was closed: its lock file is gone.
    expect(readdirSync(report.folder).filter((f) => f.endsWith('.lock'))).toEqual([]);
  }, 120_000);

  it('removes its folder afterwards, and a window that fails to load fails the run, naming the step', async () => {
    const root = tempDir();
    const ok = await runSmokeTest({ version: 't', shell: 'browser', tempRoot: root });
    expect(existsSync(ok.folder)).toBe(false);
    await expect(
      runSmokeTest({ version: 't', shell: 'electron', tempRoot: root, loadWindow: async () => Promise.reject(new Error('page did not render')) }),
    ).rejects.toThrow(/smoke test failed at "load the window": page did not render/);
    expect(readdirSync(root)).toEqual([]);
  }, 120_000);
});
