/**
 * The pages as LibreOffice lays them out (export → PDF → `pdftotext -layout`): the closing block never
 * stands alone on a page, the place-date line of long place names stays on one line level with "Số:",
 * a plan without appendix rows prints no appendix, and a Hà Tĩnh-style framework (9 columns, spanning
 * objectives, decimal numbering) prints every line with no empty cell. Skipped where LibreOffice is absent.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { which } from '../../electron/cli/render';
import { exportDocx, type DocxPart } from '../../electron/core/export/docx';
import type { PlanPackage } from '../../electron/core/model';
import { all, child, readDocx, textOf } from './fixtures/ooxml';
import { frameworkPackage } from './fixtures/framework';
import { samplePackage, standalonePackage } from './fixtures/packages';

const soffice = which('soffice') ?? which('libreoffice');
if (!soffice) console.warn('docx-pages.test: LibreOffice (soffice) is not installed; skipping the page checks.');
const dir = mkdtempSync(join(tmpdir(), 'skh-docx-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LONG_PLACES: Array<[string, string]> = [
  ['Thành phố Hồ Chí Minh', 'ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH'],
  ['Bà Rịa - Vũng Tàu', 'ỦY BAN NHÂN DÂN\nTỈNH BÀ RỊA - VŨNG TÀU'],
  ['Thừa Thiên Huế', 'ỦY BAN NHÂN DÂN\nTỈNH THỪA THIÊN HUẾ'],
];

/** The sample's Decision with `extra` more legal bases, so its last article ends at another place on the page. */
function decisionWithBases(extra: number): PlanPackage {
  const pkg = samplePackage();
  const d = pkg.decision!;
  for (let i = 0; i < extra; i++) d.legalBases.push(`Căn cứ Quyết định số ${100 + i}/QĐ-UBND ngày 15/3/2023 của Ủy ban nhân dân tỉnh về việc ban hành quy chế phối hợp;`);
  return pkg;
}

interface Case {
  name: string;
  pkg: PlanPackage;
  parts?: DocxPart[];
}

const cases: Case[] = [
  { name: 'sample-decision', pkg: samplePackage(), parts: ['decision'] },
  // Extra legal bases move the end of the last article down the page, through the place where the
  // closing block would otherwise be pushed alone onto the next page.
  ...[2, 3, 4, 5, 6, 7, 8].map((n) => ({ name: `bases-${n}`, pkg: decisionWithBases(n), parts: ['decision'] as DocxPart[] })),
  ...LONG_PLACES.map(([place, name], i) => {
    const pkg = samplePackage();
    pkg.issuer = { ...pkg.issuer, place, name };
    pkg.decision!.date = '2024-02-28';
    return { name: `place-${i}`, pkg, parts: ['decision'] as DocxPart[] };
  }),
  {
    name: 'standalone-no-rows',
    pkg: (() => {
      const pkg = standalonePackage();
      pkg.appendix.groups = pkg.appendix.groups.map((g) => ({ ...g, rows: [] }));
      return pkg;
    })(),
  },
  { name: 'framework', pkg: frameworkPackage(3, 3), parts: ['appendix'] },
];

/** pdftotext -layout of each case, one string per page. */
const pages = new Map<string, string[]>();
const buffers = new Map<string, Buffer>();

beforeAll(async () => {
  if (!soffice) return;
  const files: string[] = [];
  for (const c of cases) {
    const buffer = (await exportDocx(c.pkg, c.parts ? { parts: c.parts } : {})).buffer;
    buffers.set(c.name, buffer);
    const file = join(dir, `${c.name}.docx`);
    writeFileSync(file, buffer);
    files.push(file);
  }
  const profile = mkdtempSync(join(tmpdir(), 'skh-lo-'));
  try {
    // One LibreOffice run for every file: starting it is most of the cost.
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      stdio: 'ignore',
      timeout: 300_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  for (const c of cases) {
    const text = execFileSync('pdftotext', ['-layout', join(dir, `${c.name}.pdf`), '-'], { encoding: 'utf8' });
    pages.set(c.name, text.split('\f').filter((p) => p.trim() !== ''));
  }
}, 400_000);

/** The page that holds "Nơi nhận:" and the signer's name. */
function closingPage(name: string, signer: string): string {
  const found = pages.get(name)!.filter((p) => p.includes('Nơi nhận:') && p.includes(signer));
  expect(found, `${name}: one page with the closing block`).toHaveLength(1);
  return found[0];
}

describe.skipIf(!soffice)('pages as LibreOffice lays them out', () => {
  it('the sample Decision has text of its last article on the page with the signature', () => {
    const pkg = samplePackage();
    const page = closingPage('sample-decision', pkg.decision!.signer.name);
    expect(page).toContain(`Điều ${pkg.decision!.articles.length}.`);
    expect(page).toMatch(/kể từ ngày ký\.\/\./);
  });

  it.each([2, 3, 4, 5, 6, 7, 8])('with %i more legal bases the closing block still has the end of the last article with it', (n) => {
    const name = `bases-${n}`;
    const page = closingPage(name, samplePackage().decision!.signer.name);
    // The last article's last words are on the closing page: it is never alone.
    expect(page).toMatch(/kể từ ngày ký\.\/\./);
    // …and the closing block itself is whole on that page.
    expect(page).toContain('Lưu: VT');
  });

  it.each(LONG_PLACES.map(([place], i) => [place, i] as const))('"%s, ngày 28 tháng 02 năm 2024" is one line, level with "Số:"', (place, i) => {
    const first = pages.get(`place-${i}`)![0];
    const line = first.split('\n').find((l) => l.includes('Số:'));
    expect(line).toBeDefined();
    expect(line!.replace(/\s+/g, ' ')).toContain(`${place}, ngày 28 tháng 02 năm 2024`);
    // The national title is whole on its line too.
    expect(first).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  });

  it('a standalone plan without appendix rows prints no appendix page', async () => {
    const printed = pages.get('standalone-no-rows')!;
    expect(printed.join('\n')).not.toContain('PHỤ LỤC');
    expect(printed.join('\n')).not.toContain('Ban hành kèm theo Kế hoạch');
    const doc = await readDocx(buffers.get('standalone-no-rows')!);
    expect(doc.sections).toHaveLength(1);
    expect(all(doc.body, 'w:tbl').some((t) => textOf(t).includes('Nội dung nhiệm vụ'))).toBe(false);
    // Its own closing block has the end of the body with it.
    const pkg = standalonePackage();
    const page = closingPage('standalone-no-rows', pkg.plan.issuance!.signer.name);
    const lastNode = (function last(nodes: typeof pkg.plan.body): (typeof pkg.plan.body)[number] {
      const n = nodes[nodes.length - 1];
      return n.children.length ? last(n.children) : n;
    })(pkg.plan.body);
    const tail = lastNode.text.map((r) => r.text).join('').trim().split(/\s+/).slice(-2).join(' ');
    expect(page.replace(/\s+/g, ' ')).toContain(tail);
  });

  it('a Hà Tĩnh-style framework prints every activity, objectives once (merged), dates whole, no empty cell', async () => {
    const pkg = frameworkPackage(3, 3);
    const text = pages.get('framework')!.join('\n');
    const flat = text.replace(/\s+/g, ' ');
    // Every objective printed once (merged down, not repeated on each line, nor left as empty cells below it).
    for (let o = 1; o <= 3; o++) expect(flat.match(new RegExp(`Mục tiêu ${o}:`, 'g'))).toHaveLength(1);
    // Dates never broken inside ("25/12/20" / "23"): each printed whole, once per activity.
    for (const year of [2023, 2024, 2025]) expect(text.match(new RegExp(`25/12/${year}`, 'g'))).toHaveLength(3 * 2);
    expect(flat).not.toMatch(/25\/12\/20\s*\n/);
    // Hierarchical STT labels.
    expect(flat).toContain('1.1.1.');
    expect(flat).toContain('3.2.3.');
    // The XML: one table line per activity; every cell holds text or continues a merge from above.
    const doc = await readDocx(buffers.get('framework')!);
    const table = all(doc.body, 'w:tbl')[0];
    const rows = all(table, 'w:tr');
    const lines = rows.slice(2); // header, group row
    expect(lines).toHaveLength(3 * 2 * 3);
    let merged = 0;
    const activities = lines.map((row) => textOf(all(row, 'w:tc')[3]).trim());
    expect(activities).toEqual([1, 2, 3].flatMap((o) => [1, 2].flatMap((t) => [1, 2, 3].map((a) => `Hoạt động ${o}.${t}.${a}`))));
    for (const row of lines) {
      const cells = all(row, 'w:tc');
      expect(cells).toHaveLength(9);
      for (const cell of cells) {
        const vMerge = child(child(cell, 'w:tcPr'), 'w:vMerge');
        if (vMerge && vMerge.attrs['w:val'] !== 'restart') merged++;
        else expect(textOf(cell).trim(), 'a cell with text').not.toBe('');
      }
    }
    // Each objective spans its 6 lines (5 continued), each task its 3 (2 continued).
    expect(merged).toBe(3 * 5 + 3 * 2 * 2);
    expect(pkg.appendix.columns).toHaveLength(9);
  });
});
