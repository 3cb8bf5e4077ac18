/**
 * DOCX import, round trip of OUR export: exportDocx(sample) → importDocx gives the sample package back.
 *
 * What it proves: every field of the package comes back identical — title (from the file's properties,
 * which the exporter fills), year, issuer, the Decision (number, symbol, date, summary with its line
 * break, authority, legal bases, proposal, articles as runs, recipients, signer), the Plan (summary and
 * the whole body tree: kinds, headings, runs with their bold/italic flags relative to the node), the
 * appendix (label, title, columns with keys, kinds, roles and widths, 7 groups, 48 rows, every text cell).
 *
 * What differs, and why: agency cells. A printed cell `Sở Tư pháp và các sở, ban, ngành tỉnh; UBND cấp
 * huyện` does not say where one agency ends (the sample stores three mentions joined by " và " and "; ");
 * the importer splits only at "; " (the workbook reader's rule), so it finds two. The cells are therefore
 * compared by their printed text (cellText), and the agency directory by the names the cells print.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export/docx';
import { importDocx, type DocxImport } from '../../electron/core/import/docx';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { cellText, type PlanPackage } from '../../electron/core/model';
import { loadSamplePackage } from '../../electron/core/sample';

let sample: PlanPackage;
let result: DocxImport;

/** The package with every agency cell replaced by the text it prints, and no directory. */
function printed(pkg: PlanPackage): unknown {
  const copy = JSON.parse(serializeExchange(pkg));
  const agencyKeys = new Set(pkg.appendix.columns.filter((c) => c.kind === 'agencies').map((c) => c.key));
  pkg.appendix.groups.forEach((g, gi) =>
    g.rows.forEach((r, ri) => {
      for (const key of agencyKeys) copy.appendix.groups[gi].rows[ri][key] = cellText(r.cells[key], pkg.agencies);
    }),
  );
  delete copy.agencies;
  return copy;
}

beforeAll(async () => {
  sample = loadSamplePackage();
  const { buffer, fixes } = await exportDocx(sample);
  // The sample needs no punctuation fixes: what is exported is exactly the data.
  expect(fixes).toEqual([]);
  result = await importDocx(buffer, 'ke-hoach-2024.docx');
});

describe('DOCX import: our own export read back', () => {
  it('finds the Decision, the Plan body and the appendix, with nothing to warn about', () => {
    expect(result.found).toEqual({ decision: true, body: true, appendix: true });
    expect(result.warnings).toEqual([]);
  });

  it('gives the same package, agency cells compared by their printed text', () => {
    expect(printed(result.pkg)).toEqual(printed(sample));
  });

  it('reads the Decision field by field', () => {
    const d = result.pkg.decision!;
    const s = sample.decision!;
    expect(d.number).toBe('2142');
    expect(d.symbol).toBe('QĐ-UBND');
    expect(d.date).toBe('2023-12-09');
    expect(d.summary).toBe(s.summary);
    expect(d.summary).toContain('\n');
    expect(d.legalBases).toEqual(s.legalBases);
    expect(d.proposal).toBe(s.proposal);
    expect(d.articles).toEqual(s.articles);
    expect(d.recipients).toEqual(s.recipients);
    expect(d.signer).toEqual(s.signer);
    expect(result.pkg.issuer).toEqual(sample.issuer);
    expect(result.pkg.year).toBe(2024);
    expect(result.pkg.title).toBe(sample.title);
  });

  it('reads the body tree with its runs exactly', () => {
    expect(result.pkg.plan.summary).toBe(sample.plan.summary);
    expect(result.pkg.plan.body).toEqual(JSON.parse(serializeExchange(sample)).plan.body);
    // A part with a lower-case note keeps it as a `bold: false` run; italic runs inside items stay italic.
    const part = result.pkg.plan.body.find((n) => n.text.some((r) => r.bold === false));
    expect(part?.text).toEqual([{ text: 'KẾ HOẠCH CỤ THỂ TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH' }, { text: ' (có phụ lục kèm theo)', bold: false }]);
  });

  it('reads 7 groups and 48 rows, columns and widths as the sample has them', () => {
    const a = result.pkg.appendix;
    expect(a.groups.map((g) => g.title)).toEqual(sample.appendix.groups.map((g) => g.title));
    expect(a.groups.reduce((n, g) => n + g.rows.length, 0)).toBe(48);
    expect(a.columns).toEqual(sample.appendix.columns);
    expect(a.label).toBe(sample.appendix.label);
    expect(a.title).toBe(sample.appendix.title);
  });

  it('splits agency cells at "; " and before another agency\'s name, keeping the printed text', () => {
    const row = result.pkg.appendix.groups[0].rows[0];
    const names = new Map(result.pkg.agencies.map((a) => [a.key, a.name]));
    const cooperate = row.cells.cooperate as Array<{ agency: string; after: string }>;
    expect(cooperate.map((m) => [names.get(m.agency), m.after])).toEqual([
      ['Các sở, ban, ngành tỉnh', '; '],
      ['UBND cấp huyện', ''],
    ]);
    // "Sở Tư pháp và các sở, ban, ngành tỉnh": cut at " và " (the sample's one entry), never inside "các sở, ban, ngành tỉnh".
    const joined = result.pkg.appendix.groups[0].rows[2].cells.cooperate as Array<{ agency: string; after: string }>;
    expect(joined.map((m) => [names.get(m.agency), m.after])).toEqual([
      ['Sở Tư pháp', ' và '],
      ['Các sở, ban, ngành tỉnh', '; '],
      ['UBND cấp huyện', ''],
    ]);
    // Every key a cell uses is in the directory (the package is valid, as importDocx checked).
    for (const g of result.pkg.appendix.groups)
      for (const r of g.rows) for (const v of Object.values(r.cells)) if (Array.isArray(v)) for (const m of v) expect(names.has(m.agency)).toBe(true);
  });

  it('reads its own output again to the identical package (export → import is a fixed point)', async () => {
    const again = await importDocx((await exportDocx(result.pkg)).buffer, 'again.docx');
    expect(serializeExchange(again.pkg)).toBe(serializeExchange(result.pkg));
  });
});
