/**
 * Read-back tests of the DOCX export on the bundled sample: the file is unzipped, word/document.xml
 * parsed, and the Nghị định 30 rules asserted one by one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export/docx';
import { textWidth } from '../../electron/core/export/docx/metrics';
import { cellText, siblingLabels, type BodyNode, type PlanPackage } from '../../electron/core/model';
import { samplePackage } from './fixtures/packages';
import { all, child, children, isOn, jc, path, readDocx, rPr, runSize, textOf, textRuns, type Docx, type XmlNode } from './fixtures/ooxml';
import type { CodedMessage } from '../../electron/core/model/messages';

const mmTwips = (mm: number) => (mm * 1440) / 25.4;
const TNR = 'Times New Roman';
const PORTRAIT_TEXT = 11906 - Math.round(mmTwips(30)) - Math.round(mmTwips(15));

let pkg: PlanPackage;
let doc: Docx;
let fixes: CodedMessage[];
let decision: XmlNode[];
let plan: XmlNode[];
let appendix: XmlNode[];

beforeAll(async () => {
  pkg = samplePackage();
  const out = await exportDocx(pkg);
  fixes = out.fixes;
  doc = await readDocx(out.buffer);
  [decision, plan, appendix] = doc.sections.map((s) => s.elements);
});

const paragraphs = (els: XmlNode[]) => els.filter((e) => e.name === 'w:p');
const tables = (els: XmlNode[]) => els.filter((e) => e.name === 'w:tbl');
const findP = (els: XmlNode[], text: string) => paragraphs(els).find((p) => textOf(p) === text);
/** Length in twips between a rule paragraph's indents, inside a column/page of `available` twips. */
const ruleLength = (p: XmlNode, available: number) => {
  const ind = path(p, 'w:pPr', 'w:ind');
  return available - Number(ind?.attrs['w:left'] ?? 0) - Number(ind?.attrs['w:right'] ?? 0);
};
const isRule = (p: XmlNode) => !!path(p, 'w:pPr', 'w:pBdr', 'w:bottom') && textOf(p) === '';
const cellsOf = (row: XmlNode) => children(row, 'w:tc');
const rowsOf = (tbl: XmlNode) => children(tbl, 'w:tr');
const runsAll = (p: XmlNode, pred: (r: XmlNode) => boolean) => textRuns(p).length > 0 && textRuns(p).every(pred);
const bold = (r: XmlNode) => isOn(rPr(r), 'w:b');
const italic = (r: XmlNode) => isOn(rPr(r), 'w:i');
const size = (n: number) => (r: XmlNode) => runSize(r) === n * 2;

describe('pages and sections', () => {
  it('has three sections in order: Decision, Plan, appendix', () => {
    expect(doc.sections).toHaveLength(3);
    expect(textOf(decision.find((e) => textOf(e) === 'QUYẾT ĐỊNH')!)).toBe('QUYẾT ĐỊNH');
    expect(findP(plan, 'KẾ HOẠCH')).toBeDefined();
    expect(findP(appendix, pkg.appendix.label)).toBeDefined();
  });

  it('uses A4 and the decree margins in every section, the appendix landscape', () => {
    doc.sections.forEach((s, i) => {
      const sz = child(s.sectPr, 'w:pgSz')!;
      const mar = child(s.sectPr, 'w:pgMar')!;
      const [w, h] = [Number(sz.attrs['w:w']), Number(sz.attrs['w:h'])];
      if (i < 2) {
        expect([w, h]).toEqual([11906, 16838]);
        expect(sz.attrs['w:orient'] ?? 'portrait').toBe('portrait');
      } else {
        expect([w, h]).toEqual([16838, 11906]);
        expect(sz.attrs['w:orient']).toBe('landscape');
      }
      const m = (k: string) => Number(mar.attrs[k]);
      expect(m('w:top')).toBeGreaterThanOrEqual(Math.floor(mmTwips(20)));
      expect(m('w:top')).toBeLessThanOrEqual(Math.ceil(mmTwips(25)));
      expect(m('w:bottom')).toBeGreaterThanOrEqual(Math.floor(mmTwips(20)));
      expect(m('w:bottom')).toBeLessThanOrEqual(Math.ceil(mmTwips(25)));
      expect(m('w:left')).toBeGreaterThanOrEqual(Math.floor(mmTwips(30)));
      expect(m('w:left')).toBeLessThanOrEqual(Math.ceil(mmTwips(35)));
      expect(m('w:right')).toBeGreaterThanOrEqual(Math.floor(mmTwips(15)));
      expect(m('w:right')).toBeLessThanOrEqual(Math.ceil(mmTwips(20)));
    });
  });

  it('numbers pages centred at the top from page 2, each document from 1', () => {
    for (const s of doc.sections) {
      expect(child(s.sectPr, 'w:titlePg')).toBeDefined();
      expect(child(s.sectPr, 'w:pgNumType')?.attrs['w:start']).toBe('1');
      const refs = children(s.sectPr, 'w:headerReference');
      const byType = Object.fromEntries(refs.map((r) => [r.attrs['w:type'], doc.headers.get(r.attrs['r:id'])!]));
      const field = (h: XmlNode) => all(h, 'w:instrText').map((t) => t.text).join('') + all(h, 'w:fldSimple').map((f) => f.attrs['w:instr']).join('');
      expect(field(byType.default)).toMatch(/PAGE/);
      expect(jc(all(byType.default, 'w:p')[0])).toBe('center');
      expect(field(byType.first)).not.toMatch(/PAGE/);
    }
  });
});

describe('fonts', () => {
  it('sets Times New Roman for every script slot in the defaults and every style', () => {
    const defaults = path(doc.styles, 'w:styles', 'w:docDefaults', 'w:rPrDefault', 'w:rPr', 'w:rFonts')!;
    for (const slot of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) expect(defaults.attrs[slot]).toBe(TNR);
    for (const f of all(doc.styles, 'w:rFonts')) {
      for (const slot of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) expect(f.attrs[slot]).toBe(TNR);
    }
    expect(doc.stylesXml).not.toMatch(/Theme="/);
  });

  it('gives every run Times New Roman in all four slots, itself or through its paragraph style', () => {
    const styleFonts = new Set(
      all(doc.styles, 'w:style')
        .filter((s) => child(child(s, 'w:rPr'), 'w:rFonts'))
        .map((s) => s.attrs['w:styleId']),
    );
    const check = (root: XmlNode) => {
      let runs = 0;
      for (const p of all(root, 'w:p')) {
        const style = path(p, 'w:pPr', 'w:pStyle')?.attrs['w:val'];
        for (const r of all(p, 'w:r')) {
          runs++;
          const f = child(rPr(r), 'w:rFonts');
          if (f) for (const slot of ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia']) expect(f.attrs[slot]).toBe(TNR);
          else expect(style && styleFonts.has(style), `run "${textOf(r)}" has no font of its own nor a styled paragraph`).toBe(true);
        }
      }
      return runs;
    };
    expect(check(doc.document)).toBeGreaterThan(500);
    for (const h of doc.headers.values()) check(h);
    expect(doc.documentXml).not.toMatch(/Theme="/);
  });
});

describe('the Decision', () => {
  const header = () => tables(decision)[0];

  it('opens with a borderless two-column header table', () => {
    const tbl = header();
    const borders = path(tbl, 'w:tblPr', 'w:tblBorders')!;
    for (const b of borders.children) expect(b.attrs['w:val']).toBe('none');
    expect(children(path(tbl, 'w:tblGrid'), 'w:gridCol')).toHaveLength(2);
    expect(path(tbl, 'w:tblPr', 'w:tblLayout')?.attrs['w:type']).toBe('fixed');
  });

  it('sets the issuing body bold 13 pt capitals, centred, with a 1/3–1/2 line under it', () => {
    const [left] = cellsOf(rowsOf(header())[0]);
    const ps = all(left, 'w:p');
    const names = pkg.issuer.name.split('\n');
    names.forEach((name, i) => {
      expect(textOf(ps[i])).toBe(name);
      expect(name).toBe(name.toUpperCase());
      expect(jc(ps[i])).toBe('center');
      expect(runsAll(ps[i], (r) => bold(r) && size(13)(r))).toBe(true);
    });
    const rule = ps[names.length];
    expect(isRule(rule)).toBe(true);
    const colWidth = Number(child(path(left, 'w:tcPr'), 'w:tcW')!.attrs['w:w']);
    const textLen = Math.max(...names.map((n) => textWidth(n, 13, 'bold')));
    const len = ruleLength(rule, colWidth);
    expect(len).toBeGreaterThanOrEqual(textLen / 3);
    expect(len).toBeLessThanOrEqual(textLen / 2);
  });

  it('sets the national title bold on one line and the motto bold with a line exactly its length', () => {
    const [, right] = cellsOf(rowsOf(header())[0]);
    const ps = all(right, 'w:p');
    expect(textOf(ps[0]).replace(/\u00a0/g, ' ')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(runsAll(ps[0], (r) => bold(r) && (size(12)(r) || size(13)(r)))).toBe(true);
    const colWidth = Number(child(path(right, 'w:tcPr'), 'w:tcW')!.attrs['w:w']);
    expect(textWidth(textOf(ps[0]), 13, 'bold')).toBeLessThan(colWidth);
    expect(textOf(ps[1])).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(runsAll(ps[1], (r) => bold(r) && (size(13)(r) || size(14)(r)))).toBe(true);
    expect(isRule(ps[2])).toBe(true);
    const motto = textWidth('Độc lập - Tự do - Hạnh phúc', 14, 'bold');
    expect(Math.abs(ruleLength(ps[2], colWidth) - motto)).toBeLessThanOrEqual(2);
  });

  it('puts `Số:` and the italic place-date on the same row', () => {
    const [num, date] = cellsOf(rowsOf(header())[1]).map((c) => all(c, 'w:p')[0]);
    expect(textOf(num)).toBe('Số: 2142/QĐ-UBND');
    expect(runsAll(num, (r) => !bold(r) && !italic(r) && size(13)(r))).toBe(true);
    expect(textOf(date)).toBe('Bình Phước, ngày 09 tháng 12 năm 2023');
    expect(runsAll(date, (r) => italic(r) && !bold(r) && size(14)(r))).toBe(true);
  });

  it('centres the type name and summary, bold 14 pt, with a line under the summary', () => {
    const ps = paragraphs(decision);
    const i = ps.findIndex((p) => textOf(p) === 'QUYẾT ĐỊNH');
    const summary = ps[i + 1];
    expect(textOf(summary)).toBe(pkg.decision!.summary);
    for (const p of [ps[i], summary]) {
      expect(jc(p)).toBe('center');
      expect(runsAll(p, (r) => bold(r) && size(14)(r))).toBe(true);
    }
    const rule = ps[i + 2];
    expect(isRule(rule)).toBe(true);
    const widest = Math.max(...pkg.decision!.summary.split('\n').map((l) => textWidth(l, 14, 'bold')));
    const len = ruleLength(rule, PORTRAIT_TEXT);
    expect(len).toBeGreaterThanOrEqual(widest / 3);
    expect(len).toBeLessThanOrEqual(widest / 2);
    const authority = findP(decision, pkg.decision!.authority)!;
    expect(runsAll(authority, (r) => bold(r))).toBe(true);
  });

  it('writes the legal bases in italics, one per line, `;` at each end and `.` at the last', () => {
    const ps = paragraphs(decision).filter((p) => /^(Căn cứ|Theo đề nghị)/.test(textOf(p)));
    expect(ps).toHaveLength(pkg.decision!.legalBases.length + 1);
    ps.forEach((p, i) => {
      expect(runsAll(p, italic)).toBe(true);
      expect(textOf(p).endsWith(i === ps.length - 1 ? '.' : ';')).toBe(true);
      expect(jc(p)).toBe('both');
    });
    expect(fixes).toEqual([]);
  });

  it('has `QUYẾT ĐỊNH:` bold centred, then articles with a bold `Điều N.` label', () => {
    const q = findP(decision, 'QUYẾT ĐỊNH:')!;
    expect(jc(q)).toBe('center');
    expect(runsAll(q, bold)).toBe(true);
    const articles = paragraphs(decision).filter((p) => /^Điều \d+\./.test(textOf(p)));
    expect(articles).toHaveLength(pkg.decision!.articles.length);
    articles.forEach((p, i) => {
      const [label, ...rest] = textRuns(p);
      expect(textOf(label).trim()).toBe(`Điều ${i + 1}.`);
      expect(bold(label)).toBe(true);
      expect(rest.some((r) => !bold(r))).toBe(true);
    });
  });

  it('sets body paragraphs justified, first-line indent, 6 pt after, spacing single–1.5', () => {
    const body = paragraphs(decision).filter((p) => /^(Căn cứ|Theo đề nghị|Điều \d)/.test(textOf(p)));
    for (const p of body) {
      expect(jc(p)).toBe('both');
      const ind = Number(path(p, 'w:pPr', 'w:ind')!.attrs['w:firstLine']);
      expect(ind).toBeGreaterThanOrEqual(567);
      expect(ind).toBeLessThanOrEqual(720);
      const sp = path(p, 'w:pPr', 'w:spacing')!;
      expect(Number(sp.attrs['w:after'])).toBeGreaterThanOrEqual(120);
      expect(sp.attrs['w:lineRule']).toBe('auto');
      expect(Number(sp.attrs['w:line'])).toBeGreaterThanOrEqual(240);
      expect(Number(sp.attrs['w:line'])).toBeLessThanOrEqual(360);
      expect(textRuns(p).every(size(14))).toBe(true);
    }
  });

  it('closes with recipients beside the signature block', () => {
    const closing = tables(decision)[1];
    for (const b of path(closing, 'w:tblPr', 'w:tblBorders')!.children) expect(b.attrs['w:val']).toBe('none');
    const [left, right] = cellsOf(rowsOf(closing)[0]);
    const lp = all(left, 'w:p');
    expect(textOf(lp[0])).toBe('Nơi nhận:');
    expect(runsAll(lp[0], (r) => bold(r) && italic(r) && size(12)(r))).toBe(true);
    const items = lp.slice(1);
    expect(items).toHaveLength(pkg.decision!.recipients.length);
    items.forEach((p, i) => {
      const t = textOf(p);
      expect(t.startsWith('- ')).toBe(true);
      expect(t.endsWith(i === items.length - 1 ? '.' : ';')).toBe(true);
      expect(runsAll(p, (r) => size(11)(r) && !bold(r))).toBe(true);
    });
    expect(textOf(items[items.length - 1])).toMatch(/^- Lưu: VT/);

    const rp = all(right, 'w:p');
    const signer = pkg.decision!.signer;
    const head = [signer.prefix, signer.title].filter(Boolean).join(' ');
    expect(textOf(rp[0])).toBe(head);
    expect(runsAll(rp[0], (r) => bold(r) && size(14)(r))).toBe(true);
    const blanks = rp.filter((p) => textOf(p) === '').length;
    expect(blanks).toBeGreaterThanOrEqual(3);
    const name = rp[rp.length - 1];
    expect(textOf(name)).toBe(signer.name);
    expect(runsAll(name, bold)).toBe(true);
    expect(jc(name)).toBe('center');
  });
});

describe('the Plan', () => {
  it('starts with its own header, without number and date', () => {
    const tbl = tables(plan)[0];
    expect(rowsOf(tbl)).toHaveLength(1);
    expect(textOf(tbl)).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA');
    expect(textOf(tbl)).not.toContain('Số:');
    expect(plan[0]).toBe(tbl);
  });

  it('has `KẾ HOẠCH`, its summary and the italic citation of the Decision', () => {
    const ps = paragraphs(plan);
    const i = ps.findIndex((p) => textOf(p) === 'KẾ HOẠCH');
    expect(runsAll(ps[i], bold)).toBe(true);
    expect(textOf(ps[i + 1])).toBe(pkg.plan.summary);
    expect(runsAll(ps[i + 1], bold)).toBe(true);
    const cite = ps[i + 2];
    expect(textOf(cite).replace('\n', ' ')).toBe('(Ban hành kèm theo Quyết định số 2142/QĐ-UBND ngày 09/12/2023 của Ủy ban nhân dân tỉnh)');
    expect(runsAll(cite, (r) => italic(r) && !bold(r))).toBe(true);
    expect(jc(cite)).toBe('center');
  });

  it('prints the body tree with its numbering and emphasis', () => {
    const expected: Array<{ text: string; bold: boolean; node: BodyNode }> = [];
    const walk = (nodes: BodyNode[]) => {
      const labels = siblingLabels(nodes);
      nodes.forEach((n, i) => {
        const t = n.text.map((r) => r.text).join('');
        expected.push({ text: (labels[i] ? `${labels[i]} ` : '') + t, bold: n.kind === 'part' || n.heading, node: n });
        walk(n.children);
      });
    };
    walk(pkg.plan.body);
    const ps = paragraphs(plan).map((p) => ({ p, t: textOf(p) }));
    let from = 0;
    for (const e of expected) {
      const at = ps.findIndex((x, k) => k >= from && x.t === e.text);
      expect(at, `paragraph "${e.text.slice(0, 60)}"`).toBeGreaterThanOrEqual(0);
      from = at + 1;
      const runs = textRuns(ps[at].p);
      // Label run takes the node style; each text run its own emphasis or the node's.
      expect(bold(runs[0])).toBe(e.bold || e.node.text[0]?.bold === true);
      const textRunsOnly = e.node.kind === 'paragraph' ? runs : runs.slice(1);
      const wanted = e.node.text.filter((r) => r.text.trim() !== '');
      if (textRunsOnly.length === wanted.length) {
        wanted.forEach((r, k) => {
          expect(bold(textRunsOnly[k])).toBe(r.bold ?? e.bold);
          expect(italic(textRunsOnly[k])).toBe(r.italic ?? false);
        });
      }
    }
    const parts = paragraphs(plan).filter((p) => /^[IVX]+\. /.test(textOf(p)));
    expect(parts.map((p) => textOf(p).split('.')[0])).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'].slice(0, pkg.plan.body.filter((n) => n.kind === 'part').length));
    // Run-level emphasis: the sample's italic asides and the un-bolded note of part V.
    expect(all(doc.document, 'w:r').some((r) => italic(r) && textOf(r).includes('cả Ban Quản lý Khu kinh tế'))).toBe(true);
    const partV = parts[4];
    expect(textRuns(partV).some((r) => !bold(r))).toBe(true);
  });
});

describe('the appendix', () => {
  const table = () => tables(appendix)[0];

  it('has `PHỤ LỤC`, its title and the citation line', () => {
    const ps = paragraphs(appendix);
    expect(textOf(ps[0])).toBe(pkg.appendix.label);
    expect(runsAll(ps[0], (r) => bold(r) && size(14)(r))).toBe(true);
    expect(textOf(ps[1])).toBe(pkg.appendix.title);
    expect(runsAll(ps[1], bold)).toBe(true);
    expect(textOf(ps[2])).toBe('(Ban hành kèm theo Quyết định số 2142/QĐ-UBND ngày 09/12/2023 của Ủy ban nhân dân tỉnh)');
    expect(runsAll(ps[2], italic)).toBe(true);
  });

  it('lays the plan\'s columns out in fixed widths that fill the landscape text width', () => {
    const cols = pkg.appendix.columns.filter((c) => !c.hidden);
    const grid = children(path(table(), 'w:tblGrid'), 'w:gridCol').map((g) => Number(g.attrs['w:w']));
    expect(grid).toHaveLength(cols.length);
    const textWidth = 16838 - Math.round(mmTwips(30)) - Math.round(mmTwips(15));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(textWidth);
    const sumMm = cols.reduce((a, c) => a + c.width, 0);
    cols.forEach((c, i) => expect(Math.abs(grid[i] - (c.width / sumMm) * textWidth)).toBeLessThanOrEqual(cols.length));
    expect(path(table(), 'w:tblPr', 'w:tblLayout')?.attrs['w:type']).toBe('fixed');
  });

  it('repeats a bold header row with the captions', () => {
    const [head, second] = rowsOf(table());
    expect(child(path(head, 'w:trPr'), 'w:tblHeader')).toBeDefined();
    expect(child(path(second, 'w:trPr'), 'w:tblHeader')).toBeUndefined();
    expect(cellsOf(head).map(textOf)).toEqual(pkg.appendix.columns.filter((c) => !c.hidden).map((c) => c.caption));
    for (const r of textRuns(head)) expect(bold(r)).toBe(true);
  });

  it('has 7 bold group rows spanning the table and 48 rows numbered 1.–48.', () => {
    const rows = rowsOf(table()).slice(1);
    const ncol = pkg.appendix.columns.filter((c) => !c.hidden).length;
    const groups = rows.filter((r) => cellsOf(r).length < ncol);
    const tasks = rows.filter((r) => cellsOf(r).length === ncol);
    expect(groups).toHaveLength(7);
    expect(tasks).toHaveLength(48);
    groups.forEach((g, i) => {
      const cells = cellsOf(g);
      expect(textOf(cells[0])).toBe(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'][i]);
      expect(Number(path(cells[1], 'w:tcPr', 'w:gridSpan')?.attrs['w:val'])).toBe(ncol - 1);
      expect(textOf(cells[1])).toBe(pkg.appendix.groups[i].title);
      for (const r of textRuns(g)) expect(bold(r)).toBe(true);
    });
    expect(tasks.map((r) => textOf(cellsOf(r)[0]))).toEqual(Array.from({ length: 48 }, (_, i) => `${i + 1}.`));
  });

  it('keeps rows whole, top-aligned, in 12–13 pt', () => {
    const rows = rowsOf(table());
    for (const r of rows) expect(child(path(r, 'w:trPr'), 'w:cantSplit')).toBeDefined();
    for (const r of rows.slice(1)) {
      for (const c of cellsOf(r)) expect(path(c, 'w:tcPr', 'w:vAlign')?.attrs['w:val'] ?? 'top').toBe('top');
    }
    const styles = new Map(all(doc.styles, 'w:style').map((s) => [s.attrs['w:styleId'], s]));
    for (const p of all(table(), 'w:p')) {
      const styleId = path(p, 'w:pPr', 'w:pStyle')?.attrs['w:val'];
      const styleSize = Number(path(styles.get(styleId ?? ''), 'w:rPr', 'w:sz')?.attrs['w:val']);
      for (const r of textRuns(p)) {
        const sz = runSize(r) ?? styleSize;
        expect(sz).toBeGreaterThanOrEqual(24);
        expect(sz).toBeLessThanOrEqual(26);
      }
    }
  });

  it('prints every row\'s text exactly once', () => {
    const agencies = pkg.agencies;
    const cells = all(table(), 'w:tc').map(textOf);
    const count = new Map<string, number>();
    for (const c of cells) count.set(c, (count.get(c) ?? 0) + 1);
    const tasks = pkg.appendix.groups.flatMap((g) => g.rows).map((r) => cellText(r.cells.task, agencies));
    for (const t of tasks) expect(count.get(t), t.slice(0, 60)).toBe(tasks.filter((x) => x === t).length);
    const rows = rowsOf(table()).slice(1).filter((r) => cellsOf(r).length === 6);
    pkg.appendix.groups.flatMap((g) => g.rows).forEach((row, i) => {
      const got = cellsOf(rows[i]).map(textOf);
      pkg.appendix.columns.forEach((c, k) => {
        if (c.kind !== 'number') expect(got[k]).toBe(cellText(row.cells[c.key], agencies));
      });
    });
  });
});

describe('text', () => {
  it('is precomposed Unicode (NFC) throughout', () => {
    expect(doc.documentXml).toBe(doc.documentXml.normalize('NFC'));
    expect(doc.documentXml).toContain('ỦY BAN NHÂN DÂN');
  });
});
