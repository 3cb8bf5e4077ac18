/**
 * #23 The report: a Báo cáo in the ND30 format from a data template, each field's section filled with its figures and
 * its done and overdue tasks, the narrative edited like the plan's body (and its figures refreshed without touching
 * what the drafter wrote), exported as DOCX through the same page checks as the plan's (closing block never alone,
 * header, page numbers, landscape appendix), and the status table as XLSX.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Db } from '../../electron/core/store/open';
import type { SoanApi } from '../../electron/core/api/contract';
import type { ReportNode } from '../../electron/core/model/tracking';
import { reportDocJob } from '../../electron/core/tracking/report-files';
import { renderReportFile } from '../../electron/core/tracking/render';
import type { ReportDocModel } from '../../electron/core/export/docx/report';
import { all, child, readDocx, textOf } from './fixtures/ooxml';
import { fillReturn, issuedSample, leadStts, serviceWithFiles, soffice, type Filled } from './fixtures/returns';
import { removeTempDirs, tempStore } from './helpers';

let db: Db;
let api: SoanApi;
let files: ReturnType<typeof serviceWithFiles>;
beforeEach(() => {
  db = tempStore().db;
  files = serviceWithFiles(db);
  api = files.api;
});
afterEach(() => {
  db.close();
  removeTempDirs();
});

const plain = (n: ReportNode): string => n.text.map((r) => r.text).join('');
const flat = (nodes: readonly ReportNode[]): ReportNode[] => nodes.flatMap((n) => [n, ...flat(n.children)]);

/** The sample, issued, with Sở Nội vụ's return read for Q1: its first tasks done, one not started. */
async function withReturn(): Promise<number> {
  const planId = await issuedSample(api);
  await api.writeReturns(planId, '2024-q1', ['so-noi-vu']);
  const book = files.written[0][0].bytes;
  const stts = await leadStts(book);
  const answers: Record<string, Filled> = Object.fromEntries(stts.map((s, i) => [s, i < 4 ? { status: 'Đã hoàn thành', result: `Đã ban hành kế hoạch ${s}`, evidence: `Kế hoạch số ${i + 10}/KH-SNV` } : { status: 'Đang thực hiện' }]));
  answers[stts[4]] = { status: 'chưa', difficulties: 'Chưa có hướng dẫn của Bộ' };
  await api.readReturns(planId, '2024-q1', [{ name: 'so-noi-vu.xlsx', base64: (await fillReturn(book, answers)).toString('base64') }]);
  return planId;
}

describe('the report draft', () => {
  it('is made from the template: ND30 fields, the usual outline, one section per group in order, each filled with its figures and tasks', async () => {
    const planId = await withReturn();
    const view = await api.trackingView(planId, '2024-q1');
    const report = await api.openReport(planId, '2024-q1');
    expect(report).toMatchObject({
      template: 'cchc-bnv-581', number: '', symbol: 'BC-UBND', date: null, place: 'Bình Phước',
      summary: 'Kết quả thực hiện công tác cải cách hành chính quý I năm 2024', addressees: ['Bộ Nội vụ'],
      signer: { prefix: '', title: 'CHỦ TỊCH', name: 'Trần Tuệ Hiền' },
    });
    expect(report.recipients.at(-1)).toBe('Lưu: VT.');
    const parts = report.body.filter((n) => n.kind === 'part').map(plain);
    expect(parts).toEqual([
      'CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH', 'KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH', 'ĐÁNH GIÁ CHUNG', 'PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM KỲ TỚI', 'KIẾN NGHỊ, ĐỀ XUẤT',
    ]);
    const results = report.body.find((n) => plain(n) === 'KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH')!;
    expect(results.children.map(plain)).toEqual(view.groups.map((g) => g.title));
    // Each group's figures, from a count made here, and its done tasks with their result and evidence.
    for (const [i, g] of view.groups.entries()) {
      const tasks = view.tasks.filter((t) => t.groupId === g.groupId);
      const done = tasks.filter((t) => t.status === 'done' || t.status === 'doneLate');
      const section = results.children[i];
      expect(plain(section.children[0])).toContain(`Lĩnh vực có ${tasks.length} nhiệm vụ: đã hoàn thành ${done.length} nhiệm vụ`);
      expect(section.children[0].auto).toBe(`group:${g.groupId}:figures`);
      expect(section.children[1].children.map(plain)).toEqual(done.map((t) => expect.stringContaining(`Nhiệm vụ ${t.stt}: `)));
    }
    const doneLines = flat(results.children).filter((n) => n.kind === 'dash').map(plain);
    expect(doneLines.some((l) => /Đã ban hành kế hoạch \d+, Kế hoạch số 1\d\/KH-SNV/.test(l))).toBe(true);
    const all = flat(report.body).map(plain).join('\n');
    expect(all).toContain('Ủy ban nhân dân tỉnh đã ban hành Quyết định số 2142/QĐ-UBND ngày 09/12/2023 ban hành Kế hoạch cải cách hành chính Nhà nước năm 2024');
    expect(all).toContain(`trong tổng số 48 nhiệm vụ của Kế hoạch: đã hoàn thành ${view.totals.done + view.totals.doneLate} nhiệm vụ`);
    expect(all).toContain('Chưa có hướng dẫn của Bộ');
    expect(all).toMatch(/của Ủy ban nhân dân tỉnh\.\/\.$/);
    // Stored: the same tree in report_nodes.
    expect(db.prepare('SELECT count(*) AS n FROM report_nodes').get()).toEqual({ n: flat(report.body).length });
  });

  it('is edited like the plan body; refreshing the figures keeps what the drafter wrote; each change is one tracking undo step', async () => {
    const planId = await withReturn();
    let report = await api.openReport(planId, '2024-q1');
    const totals = flat(report.body).find((n) => n.auto === 'totals')!;
    const opening = flat(report.body).find((n) => n.auto === 'opening')!;
    await api.updateReportNode(planId, opening.id, { text: [{ text: 'Thực hiện Công văn số 581/BNV-CCHC, Ủy ban nhân dân tỉnh báo cáo như sau:' }] });
    const partII = report.body.find((n) => n.kind === 'part' && plain(n).startsWith('KẾT QUẢ'))!;
    const added = await api.insertReportNode(planId, '2024-q1', partII.id, 0, { kind: 'paragraph', heading: false, text: [{ text: 'Nhìn chung các nhiệm vụ được triển khai đúng tiến độ.' }] });
    await api.moveReportNode(planId, added, null, 1);
    await api.setReportField(planId, '2024-q1', 'number', '45');
    await api.setReportField(planId, '2024-q1', 'date', '2024-03-18');
    await api.setReportList(planId, '2024-q1', 'addressees', ['Bộ Nội vụ', 'Vụ Cải cách hành chính']);
    // New words from the secretariat, then the figures refreshed.
    const row = (await api.trackingView(planId, '2024-q1')).tasks.find((t) => t.status === null)!;
    await api.setTaskStatus(planId, '2024-q1', row.rowId, { status: 'done' });
    report = await api.refreshReportFigures(planId, '2024-q1');
    const nodes = flat(report.body);
    expect(plain(nodes.find((n) => n.id === opening.id)!)).toBe('Thực hiện Công văn số 581/BNV-CCHC, Ủy ban nhân dân tỉnh báo cáo như sau:');
    expect(nodes.find((n) => n.id === opening.id)!.auto).toBeNull();
    expect(report.body[1]).toMatchObject({ id: added, kind: 'paragraph' });
    const view = await api.trackingView(planId, '2024-q1');
    expect(plain(nodes.find((n) => n.id === totals.id)!)).toContain(`đã hoàn thành ${view.totals.done + view.totals.doneLate} nhiệm vụ`);
    expect(report).toMatchObject({ number: '45', date: '2024-03-18', addressees: ['Bộ Nội vụ', 'Vụ Cải cách hành chính'] });
    // Undo goes back through the report's steps (refresh, then the status fix) without touching the plan's content history.
    expect(await api.undoTracking(planId)).toBe('refreshReportFigures');
    expect(await api.undoTracking(planId)).toBe('setTaskStatus');
    expect(plain(flat((await api.openReport(planId, '2024-q1')).body).find((n) => n.id === totals.id)!)).not.toContain(`đã hoàn thành ${view.totals.done + view.totals.doneLate} nhiệm vụ`);
    await api.deleteReportNode(planId, added);
    expect(db.prepare('SELECT count(*) AS n FROM report_nodes WHERE id = ?').get(added)).toEqual({ n: 0 });
    await expect(api.updateReportNode(planId, 999_999, { heading: true })).rejects.toMatchObject({ code: 'report.nodeNotFound' });
  });
});

describe('the report as files', () => {
  it('DOCX: the ND30 header with Số …/BC-UBND, BÁO CÁO, Kính gửi, no legal bases, closing block, and a landscape appendix table as the plan numbers it', async () => {
    const planId = await withReturn();
    await expect(api.setReportField(planId, '2024-q1', 'number', '45')).rejects.toMatchObject({ code: 'report.notFound' });
    await api.openReport(planId, '2024-q1');
    await api.setReportField(planId, '2024-q1', 'number', '45');
    await api.exportReport(planId, '2024-q1', 'docx');
    const file = files.delivered.at(-1)!;
    expect(file.fileName).toBe('bao-cao-2024-q1.docx');
    const doc = await readDocx(file.bytes);
    const text = textOf(doc.body);
    expect(text).toContain('Số: 45/BC-UBND');
    expect(text).toContain('Bình Phước, ngày      tháng      năm 2024');
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Kính gửi: Bộ Nội vụ.');
    // No legal bases: no paragraph of the report itself starts "Căn cứ".
    expect(doc.sections[0].elements.map(textOf).filter((t) => /^\s*Căn cứ/.test(t))).toEqual([]);
    expect(text).toContain('Nơi nhận:');
    expect(text).toContain('Trần Tuệ Hiền');
    expect(text).toContain('(Kèm theo Báo cáo số 45/BC-UBND ngày       /      /2024 của Ủy ban nhân dân tỉnh)');
    expect(doc.sections).toHaveLength(2);
    expect(child(doc.sections[1].sectPr, 'w:pgSz')?.attrs['w:orient']).toBe('landscape');
    const table = all(doc.body, 'w:tbl').find((t) => textOf(t).includes('Tình trạng'))!;
    const rows = all(table, 'w:tr');
    expect(all(rows[0], 'w:tc').map(textOf)).toEqual(['STT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tình trạng', 'Kết quả, sản phẩm; văn bản minh chứng', 'Ghi chú']);
    expect(child(child(rows[0], 'w:trPr')!, 'w:tblHeader')).toBeDefined();
    // 1 header, 7 group rows, 48 tasks numbered 1 … 48 as the plan's appendix.
    expect(rows).toHaveLength(1 + 7 + 48);
    const stts = rows.slice(1).map((r) => textOf(all(r, 'w:tc')[0]).trim()).filter((s) => /^\d+\.?$/.test(s));
    expect(stts.map((s) => s.replace('.', ''))).toEqual(Array.from({ length: 48 }, (_, i) => String(i + 1)));
  });

  it('XLSX: every task with its status, and the rates per group and agency', async () => {
    const planId = await withReturn();
    await api.exportReport(planId, '2024-q1', 'xlsx');
    const file = files.delivered.at(-1)!;
    expect(file.fileName).toBe('tinh-hinh-thuc-hien-2024-q1.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tình hình thực hiện', 'Tỷ lệ hoàn thành']);
    const ws = wb.getWorksheet('Tình hình thực hiện')!;
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
    const view = await api.trackingView(planId, '2024-q1');
    const statuses: string[] = [];
    ws.eachRow((row) => {
      if (/^\d+$/.test(String(row.getCell(1).value ?? ''))) statuses.push(String(row.getCell(5).value ?? ''));
    });
    expect(statuses).toHaveLength(48);
    expect(statuses.filter((s) => s === 'Đã hoàn thành')).toHaveLength(view.totals.done);
    const rates = wb.getWorksheet('Tỷ lệ hoàn thành')!;
    let total: unknown[] = [];
    rates.eachRow((row) => {
      if (row.getCell(1).value === 'Tổng cộng') total = (row.values as unknown[]).slice(1);
    });
    expect(total).toEqual(['Tổng cộng', 48, view.totals.done + view.totals.doneLate, view.totals.doneLate, view.totals.inProgress, view.totals.notStarted, view.totals.dropped, view.totals.unreported, view.totals.overdue, view.totals.rate]);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'skh-report-pages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!soffice)('the report’s pages as LibreOffice lays them out (the plan’s page rules)', () => {
  it('the closing block always has the end of the text with it, the first page has no number, the appendix is landscape', async () => {
    const planId = await withReturn();
    await api.openReport(planId, '2024-q1');
    const base = reportDocJob(db, planId, '2024-q1');
    if (base.format !== 'docx') throw new Error('docx');
    // More and more narrative before the closing paragraph moves the end of the text down the page, through the place
    // where the closing block would otherwise be pushed alone onto the next page.
    const variants = [0, 2, 4, 6, 8, 10, 12].map((extra) => {
      const body = [...base.model.body];
      const closing = body.pop()!;
      for (let i = 0; i < extra; i++) body.push({ kind: 'paragraph', heading: false, text: [{ text: `Đoạn bổ sung ${i + 1}: các cơ quan, đơn vị tiếp tục rà soát, cập nhật kết quả thực hiện nhiệm vụ và gửi báo cáo đúng hạn.` }], children: [] });
      body.push(closing);
      return { extra, model: { ...base.model, body } as ReportDocModel };
    });
    const paths: string[] = [];
    for (const v of variants) {
      const rendered = await renderReportFile({ format: 'docx', fileName: 'x.docx', model: v.model });
      const path = join(dir, `report-${v.extra}.docx`);
      writeFileSync(path, rendered.bytes);
      paths.push(path);
    }
    const profile = mkdtempSync(join(tmpdir(), 'skh-lo-'));
    try {
      execFileSync(soffice!, [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...paths], { stdio: 'ignore', timeout: 300_000 });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    for (const v of variants) {
      const pdf = join(dir, `report-${v.extra}.pdf`);
      const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
      const closing = pages.filter((p) => p.includes('Nơi nhận:') && p.includes('Trần Tuệ Hiền'));
      expect(closing, `${v.extra} extra paragraphs: one page with the closing block`).toHaveLength(1);
      // The end of the text is on the closing block's page: it never stands alone.
      expect(closing[0].replace(/\s+/g, ' '), `${v.extra}`).toMatch(/Ủy ban nhân dân tỉnh\.\/\./);
      expect(closing[0]).toContain('Lưu: VT.');
      // Header and first page: no page number on page 1, "2" on page 2.
      expect(pages[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(pages[0]).toMatch(/Số:\s+\/BC-UBND\s+Bình Phước, ngày/);
      expect(pages[0].trim().split('\n')[0]).not.toMatch(/^\s*1\s*$/);
      expect(pages[1].trim().split('\n')[0].trim()).toBe('2');
      // The appendix: landscape A4 pages at the end, numbered from 1 on their own.
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
      const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => Number(m[1]) > Number(m[2]));
      const firstLandscape = sizes.indexOf(true);
      expect(firstLandscape).toBeGreaterThan(0);
      expect(sizes.slice(firstLandscape).every(Boolean)).toBe(true);
      expect(pages[firstLandscape]).toContain('PHỤ LỤC');
      expect(pages[firstLandscape + 1].trim().split('\n')[0].trim()).toBe('2');
    }
  }, 400_000);
});
