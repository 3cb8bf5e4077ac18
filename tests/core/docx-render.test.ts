/**
 * LibreOffice opens the export: the sample converts to a PDF whose pages are A4, the Decision and
 * Plan portrait and the appendix landscape. Skipped (with a message) where LibreOffice is absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { render, which } from '../../electron/cli/render';
import { exportDocx } from '../../electron/core/export/docx';
import { samplePackage } from './fixtures/packages';

const soffice = which('soffice') ?? which('libreoffice');
if (!soffice) console.warn('docx-render.test: LibreOffice (soffice) is not installed; skipping the render check.');
const dir = mkdtempSync(join(tmpdir(), 'skh-docx-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!soffice)('LibreOffice renders the sample', () => {
  it('converts to A4 pages: portrait documents, landscape appendix', async () => {
    const file = join(dir, 'sample.docx');
    writeFileSync(file, (await exportDocx(samplePackage())).buffer);
    const { pdf, pngs } = render(file, dir, 30);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sizes.length).toBeGreaterThan(5);
    const portrait = sizes.filter(([w, h]) => Math.abs(w - 595.3) < 1 && Math.abs(h - 841.9) < 1).length;
    const landscape = sizes.filter(([w, h]) => Math.abs(w - 841.9) < 1 && Math.abs(h - 595.3) < 1).length;
    expect(portrait + landscape).toBe(sizes.length);
    expect(portrait).toBeGreaterThanOrEqual(3);
    expect(landscape).toBeGreaterThanOrEqual(2);
    // The landscape pages come last: the appendix is the final section.
    expect(sizes.findIndex(([w]) => w > 800)).toBe(portrait);
    if (which('pdftoppm')) expect(pngs).toHaveLength(sizes.length);
  }, 180_000);
});
