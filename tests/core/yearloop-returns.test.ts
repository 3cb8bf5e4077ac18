/**
 * #23 Return workbooks written and read back: one per unit, print-ready, a drop-down of the statuses, hidden row ids
 * and a very hidden manifest; read back by the manifest, or — retyped, re-saved by LibreOffice without the hidden
 * sheet, sorted, with a column added, statuses typed in words — by STT and text; a row added is a proposal; what
 * cannot be placed is listed; the same return read twice changes nothing; another plan's or period's return is
 * refused; a batch of 40 returns, one report per file. Every test asserts what the store holds.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Db } from '../../electron/core/store/open';
import type { SoanApi } from '../../electron/core/api/contract';
import type { RenderedFile } from '../../electron/core/export/render';
import { STATUS_WORDS, TASK_STATUSES } from '../../electron/core/model/tracking';
import { MANIFEST_SHEET } from '../../electron/core/tracking/manifest';
import { RETURN_SHEET } from '../../electron/core/tracking/returns-write';
import { codedText } from '../../electron/core/model/messages';
import {
  addColumn, dropManifest, fillReturn, issuedSample, leadStts, resaveWithLibreOffice, retypedReturn, serviceWithFiles, soffice, sortTaskRows, type Filled,
} from './fixtures/returns';
import { removeTempDirs, tempStore } from './helpers';

let db: Db;
let api: SoanApi;
let written: RenderedFile[][];
beforeEach(() => {
  db = tempStore().db;
  ({ api, written } = serviceWithFiles(db));
});
afterEach(() => {
  db.close();
  removeTempDirs();
});

const upload = (name: string, bytes: Buffer) => ({ name, base64: bytes.toString('base64') });

async function returnsOf(planId: number, period: string, units?: string[]): Promise<Map<string, Buffer>> {
  written.length = 0;
  await api.writeReturns(planId, period, units);
  return new Map(written[0].map((f) => [f.fileName, f.bytes]));
}

/** What the store holds of a period's returns, by the plan's STT: each unit's line. */
function storedLines(planId: number): Array<{ stt: string; unit: string; role: string; status: string | null; statusText: string; result: string; evidence: string; note: string }> {
  const stt = new Map<number, string>();
  return (db.prepare(
    `SELECT l.row_id, l.unit, l.role, l.status, l.status_text, l.result, l.evidence, l.note FROM return_lines l JOIN report_periods p ON p.id = l.period_id
     WHERE p.plan_id = ? ORDER BY l.row_id, l.unit`,
  ).all(planId) as Array<{ row_id: number; unit: string; role: string; status: string | null; status_text: string; result: string; evidence: string; note: string }>).map((l) => {
    if (!stt.size) {
      // STT of each row as the appendix numbers it (continuous, 1 … 48 in the sample).
      let n = 0;
      for (const g of db.prepare('SELECT id FROM appendix_groups WHERE plan_id = ? ORDER BY position').all(planId) as Array<{ id: number }>) {
        for (const r of db.prepare('SELECT id FROM appendix_rows WHERE group_id = ? AND parent_id IS NULL ORDER BY position').all(g.id) as Array<{ id: number }>) stt.set(r.id, String(++n));
      }
    }
    return { stt: stt.get(l.row_id)!, unit: l.unit, role: l.role, status: l.status, statusText: l.status_text, result: l.result, evidence: l.evidence, note: l.note };
  });
}

/** Everything the tracking tables hold, to tell that a read changed nothing. */
function trackingDump(): string {
  const tables = ['period_returns', 'return_lines', 'task_status', 'return_proposals'];
  return JSON.stringify(tables.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()));
}

/** Sở Nội vụ's answers, typed as departments do: the drop-down's words and words of their own. */
function soNoiVuAnswers(stts: string[]): Record<string, Filled> {
  const words = ['Đã hoàn thành', 'xong', 'HT', 'đang triển khai (70%)', 'chưa', 'Hoàn thành nhưng quá hạn'];
  return Object.fromEntries(stts.map((s, i) => [s, { status: words[i % words.length], result: `Kết quả nhiệm vụ ${s}`, evidence: `Văn bản số ${i + 1}/SNV` }]));
}

describe('return workbooks', () => {
  it('one per unit with tasks: the tasks it leads with a drop-down of the statuses, those it cooperates on greyed, hidden ids and manifest, print-ready', async () => {
    const planId = await issuedSample(api);
    const units = await api.listReportingUnits(planId);
    const books = await returnsOf(planId, '2024-q1');
    expect([...books.keys()].sort()).toEqual(units.filter((u) => u.leads + u.cooperates > 0).map((u) => `bao-cao-2024-q1-${u.key}.xlsx`).sort());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(books.get('bao-cao-2024-q1-so-noi-vu.xlsx')! as unknown as ArrayBuffer);
    expect(wb.getWorksheet(MANIFEST_SHEET)!.state).toBe('veryHidden');
    const ws = wb.getWorksheet(RETURN_SHEET)!;
    const top = [1, 2, 3, 4].map((r) => String(ws.getCell(r, 1).value));
    expect(top[0]).toBe('BÁO CÁO TÌNH HÌNH THỰC HIỆN NHIỆM VỤ - QUÝ I NĂM 2024');
    expect(top[1]).toContain('Quyết định số 2142/QĐ-UBND ngày 09/12/2023');
    expect(top[2]).toBe('Cơ quan báo cáo: Sở Nội vụ');
    expect(top[3]).toBe('Kỳ báo cáo: Quý I năm 2024 (số liệu từ ngày 15/12/2023 đến ngày 14/3/2024). Hạn gửi báo cáo: ngày 14/3/2024.');
    expect(ws.getRow(7).values).toEqual([undefined, 'STT', 'Nội dung nhiệm vụ', 'Thời gian hoàn thành', 'Tình trạng', 'Kết quả/sản phẩm', 'Văn bản minh chứng (số, ngày)', 'Khó khăn, đề xuất', 'Ghi chú', 'Mã (không sửa)']);
    expect(ws.getColumn(9).hidden).toBe(true);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '7:7', paperSize: 9 });
    // Sở Nội vụ leads 11 tasks of the sample: each has its id and the drop-down; the cooperating block is greyed, without one.
    const lead = await leadStts(books.get('bao-cao-2024-q1-so-noi-vu.xlsx')!);
    expect(lead).toHaveLength(units.find((u) => u.key === 'so-noi-vu')!.leads);
    let validated = 0;
    let greyed = 0;
    ws.eachRow((row, r) => {
      if (r <= 7) return;
      const v = row.getCell(4).dataValidation;
      if (v?.type === 'list') {
        validated++;
        expect(v.formulae).toEqual([`"${TASK_STATUSES.map((s) => STATUS_WORDS[s]).join(',')}"`]);
      }
      if ((row.getCell(2).fill as { fgColor?: { argb?: string } } | undefined)?.fgColor?.argb === 'FFEDEDED') greyed++;
    });
    expect(validated).toBe(lead.length);
    expect(greyed).toBe(units.find((u) => u.key === 'so-noi-vu')!.cooperates);
  });

  it('reads back by the manifest: each word on its task, each guess reported, a row added proposed, and the same return twice changes nothing', async () => {
    const planId = await issuedSample(api);
    const book = (await returnsOf(planId, '2024-q1', ['so-noi-vu'])).get('bao-cao-2024-q1-so-noi-vu.xlsx')!;
    const stts = await leadStts(book);
    const filled = await fillReturn(book, soNoiVuAnswers(stts), [{ task: 'Tổ chức tập huấn nghiệp vụ văn thư, lưu trữ cho công chức cấp xã', deadline: 'Quý II/2024', status: 'Đang thực hiện' }]);
    const report = await api.readReturns(planId, '2024-q1', [upload('so-noi-vu-quy-1.xlsx', filled)]);
    const file = report.files[0];
    expect(file).toMatchObject({ outcome: 'read', matchedBy: 'manifest', unit: { key: 'so-noi-vu', name: 'Sở Nội vụ' } });
    // Every row of the file is placed (the tasks it cooperates on too, though they say nothing), but the one added.
    const cooperates = (await api.listReportingUnits(planId)).find((u) => u.key === 'so-noi-vu')!.cooperates;
    expect(file.counts).toMatchObject({ rows: stts.length + cooperates + 1, placed: stts.length + cooperates, proposed: 1, unplaced: 0, changed: stts.length });
    // Typed words are read, each guess said so (xong, HT, đang triển khai (70%), chưa, Hoàn thành nhưng quá hạn).
    const guessed = file.notes.filter((n) => n.kind === 'guessed');
    expect(guessed).toHaveLength(stts.filter((_, i) => i % 6 !== 0).length);
    expect(codedText(guessed[0].message, 'vi')).toBe(`Dòng ${guessed[0].row} (nhiệm vụ ${stts[1]}): “xong” được hiểu là “Đã hoàn thành” (đoán, hãy kiểm tra)`);
    const lines = storedLines(planId);
    expect(lines.map((l) => [l.stt, l.status, l.statusText, l.result, l.evidence])).toEqual(
      stts.map((s, i) => [s, ['done', 'done', 'done', 'inProgress', 'notStarted', 'doneLate'][i % 6], soNoiVuAnswers(stts)[s].status, `Kết quả nhiệm vụ ${s}`, `Văn bản số ${i + 1}/SNV`]),
    );
    const proposals = await api.listReturnProposals(planId, '2024-q1');
    expect(proposals).toEqual([expect.objectContaining({ unit: 'so-noi-vu', task: 'Tổ chức tập huấn nghiệp vụ văn thư, lưu trữ cho công chức cấp xã', deadline: 'Quý II/2024', status: 'inProgress', state: 'open' })]);
    // The tracking view shows each task with the file it came from; the view's progress from "(70%)".
    const view = await api.trackingView(planId, '2024-q1', { agency: 'so-noi-vu' });
    const fourth = view.tasks.find((t) => t.stt === stts[3])!;
    expect(fourth).toMatchObject({ status: 'inProgress', progress: 70, source: 'returns', sourceFiles: ['so-noi-vu-quy-1.xlsx'] });
    expect(view.units.find((u) => u.key === 'so-noi-vu')).toMatchObject({ sent: true, files: [expect.objectContaining({ file: 'so-noi-vu-quy-1.xlsx' })] });
    // Twice: nothing changes in the store.
    const before = trackingDump();
    const again = await api.readReturns(planId, '2024-q1', [upload('so-noi-vu-quy-1 (1).xlsx', filled)]);
    expect(again.files[0].outcome).toBe('unchanged');
    expect(trackingDump()).toBe(before);
    // The batch is one step of the tracking history.
    expect(await api.undoTracking(planId)).toBe('readReturns');
    expect(storedLines(planId)).toEqual([]);
    expect(await api.listReturnProposals(planId)).toEqual([]);
  });

  it.skipIf(!soffice)('after LibreOffice re-saves them — with and without the hidden sheet, sorted, a column added — the same words land on the same tasks', async () => {
    const planId = await issuedSample(api);
    const book = (await returnsOf(planId, '2024-q1', ['so-noi-vu'])).get('bao-cao-2024-q1-so-noi-vu.xlsx')!;
    const stts = await leadStts(book);
    const filled = await fillReturn(book, soNoiVuAnswers(stts));
    const variants = resaveWithLibreOffice([filled, await dropManifest(filled), await sortTaskRows(await dropManifest(filled)), await addColumn(filled, 'Đơn vị phối hợp thực hiện', 'Phòng Nội vụ các huyện')]);
    const words = (lines: ReturnType<typeof storedLines>) => lines.map((l) => [l.stt, l.status, l.statusText, l.result, l.evidence]);
    await api.readReturns(planId, '2024-q1', [upload('so-noi-vu.xlsx', filled)]);
    const baseline = words(storedLines(planId));
    expect(baseline).toHaveLength(stts.length);
    await api.undoTracking(planId);
    const names = ['resaved', 'no-manifest', 'sorted', 'column'];
    for (const [i, bytes] of variants.entries()) {
      const report = await api.readReturns(planId, '2024-q1', [upload(`so-noi-vu-${names[i]}.xlsx`, bytes)]);
      const f = report.files[0];
      expect(f.outcome, names[i]).toBe('read');
      expect(f.unit?.key, names[i]).toBe('so-noi-vu');
      expect(f.counts.unplaced, names[i]).toBe(0);
      expect(words(storedLines(planId)), names[i]).toEqual(baseline);
      // LibreOffice keeps the manifest (as a hidden sheet) and its hash still adds up; without it, rows go by STT and text.
      expect(f.matchedBy, names[i]).toBe(names[i] === 'no-manifest' || names[i] === 'sorted' ? 'text' : 'manifest');
      // The column the department added is kept in the note, never dropped.
      if (names[i] === 'column') expect(storedLines(planId).every((l) => l.note === 'Đơn vị phối hợp thực hiện: Phòng Nội vụ các huyện')).toBe(true);
      await api.undoTracking(planId);
    }
  }, 300_000);

  it('a sheet retyped in its own layout is read by its text, its unit from its own line, statuses in words', async () => {
    const planId = await issuedSample(api);
    const tasks = (await api.trackingView(planId, '2024-q1', { agency: 'so-tai-chinh' })).tasks;
    expect(tasks.length).toBe(5);
    const bytes = await retypedReturn(
      ['SỞ TÀI CHÍNH', 'BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2024', 'Cơ quan báo cáo: Sở Tài chính'],
      tasks.map((t, i) => ({ stt: String(i + 1), task: t.task, status: ['xong', 'Đang triển khai', 'chưa', 'HT', 'đạt 50%'][i], result: `KQ ${i + 1}` })),
    );
    const report = await api.readReturns(planId, '2024-q1', [upload('bao cao quy 1.xlsx', bytes)]);
    const f = report.files[0];
    expect(f).toMatchObject({ outcome: 'read', matchedBy: 'text', unit: { key: 'so-tai-chinh' }, counts: { placed: 5, guessed: 5, unplaced: 0, proposed: 0 } });
    expect(f.notes.some((n) => n.message.key === 'tracking.note.unitFrom')).toBe(true);
    const view = await api.trackingView(planId, '2024-q1', { agency: 'so-tai-chinh' });
    expect(view.tasks.map((t) => [t.status, t.result])).toEqual([['done', 'KQ 1'], ['inProgress', 'KQ 2'], ['notStarted', 'KQ 3'], ['done', 'KQ 4'], ['inProgress', 'KQ 5']]);
  });

  it('nothing read is lost: a row that cannot be placed is listed with its text, a status not understood is kept as typed', async () => {
    const planId = await issuedSample(api);
    const book = (await returnsOf(planId, '2024-q1', ['so-noi-vu'])).get('bao-cao-2024-q1-so-noi-vu.xlsx')!;
    const stts = await leadStts(book);
    const filled = await fillReturn(book, { [stts[0]]: { status: 'Theo kế hoạch của Bộ', result: 'Đang chờ hướng dẫn' } }, [{ task: '', status: 'Đã tổ chức 3 lớp bồi dưỡng' }]);
    const f = (await api.readReturns(planId, '2024-q1', [upload('so-noi-vu.xlsx', filled)])).files[0];
    const unplaced = f.notes.filter((n) => n.kind === 'unplaced');
    expect(unplaced).toHaveLength(1);
    expect(codedText(unplaced[0].message, 'vi')).toContain('Đã tổ chức 3 lớp bồi dưỡng');
    expect(f.notes.find((n) => n.message.key === 'tracking.note.statusUnread')?.message.values).toMatchObject({ stt: stts[0], text: 'Theo kế hoạch của Bộ' });
    expect(storedLines(planId)).toEqual([expect.objectContaining({ stt: stts[0], status: null, statusText: 'Theo kế hoạch của Bộ', result: 'Đang chờ hướng dẫn' })]);
    // The report is kept with the return: listable later.
    const [record] = await api.listReturns(planId, '2024-q1');
    expect(record.report.notes.filter((n) => n.kind === 'unplaced')).toHaveLength(1);
  });

  it('refuses a return of another plan, of another period, and what is not a return, with a message each, changing nothing', async () => {
    const planId = await issuedSample(api);
    const other = await issuedSample(api);
    const ofOther = (await returnsOf(other, '2024-q1', ['so-noi-vu'])).get('bao-cao-2024-q1-so-noi-vu.xlsx')!;
    const q1 = (await returnsOf(planId, '2024-q1', ['so-noi-vu'])).get('bao-cao-2024-q1-so-noi-vu.xlsx')!;
    const sixMonths = await retypedReturn(['BÁO CÁO 6 THÁNG ĐẦU NĂM 2024', 'Cơ quan báo cáo: Sở Nội vụ'], [{ stt: '1', task: 'Tổ chức hội nghị tổng kết', status: 'xong' }]);
    const unrelated = await retypedReturn(['Cơ quan báo cáo: Sở Nội vụ'], [
      { stt: '1', task: 'Xây dựng nhà văn hóa thôn', status: 'xong' },
      { stt: '2', task: 'Nâng cấp đường giao thông nông thôn', status: 'chưa' },
    ]);
    const noTable = new ExcelJS.Workbook();
    noTable.addWorksheet('Sheet1').addRow(['Kính gửi Sở Nội vụ']);
    const before = trackingDump();
    const report = await api.readReturns(planId, '2024-q1', [
      upload('cua-ke-hoach-khac.xlsx', await fillReturn(ofOther, { 1: { status: 'xong' } })),
      upload('quy-1.xlsx', await fillReturn(q1, { [(await leadStts(q1))[0]]: { status: 'xong' } })),
      upload('6-thang.xlsx', sixMonths),
      upload('khac.xlsx', unrelated),
      upload('thu.xlsx', Buffer.from(await noTable.xlsx.writeBuffer())),
      upload('hong.xlsx', Buffer.from('not a workbook at all')),
    ]);
    expect(report.files.map((f) => [f.file, f.outcome, f.refusal?.key])).toEqual([
      ['cua-ke-hoach-khac.xlsx', 'refused', 'tracking.refusal.otherPlan'],
      ['quy-1.xlsx', 'read', undefined],
      ['6-thang.xlsx', 'refused', 'tracking.refusal.otherPeriod'],
      ['khac.xlsx', 'refused', 'tracking.refusal.notThisPlan'],
      ['thu.xlsx', 'refused', 'errors.returns.noTable'],
      ['hong.xlsx', 'refused', expect.stringMatching(/^errors\.xlsxFile\./)],
    ]);
    expect(codedText(report.files[2].refusal!, 'vi')).toBe('6-thang.xlsx: là báo cáo 6 tháng đầu năm 2024, không phải Quý I năm 2024; không đọc');
    expect(report.summary).toMatchObject({ files: 6, read: 1, refused: 5 });
    // Only the one good return is in the store.
    expect(storedLines(planId)).toHaveLength(1);
    expect(trackingDump()).not.toBe(before);
    await api.undoTracking(planId);
    expect(trackingDump()).toBe(before);
    // A q1 return read for another period is refused by its manifest.
    const h1 = await api.readReturns(planId, '2024-h1', [upload('quy-1.xlsx', q1)]);
    expect(h1.files[0].refusal).toEqual({ key: 'tracking.refusal.otherPeriod', values: { file: 'quy-1.xlsx', period: 'Quý I năm 2024', expected: '6 tháng đầu năm 2024' } });
  });

  it('a proposed task is never taken in silence: dismissed, or taken into the plan once an adjustment is open', async () => {
    const planId = await issuedSample(api);
    const book = (await returnsOf(planId, '2024-q1', ['so-noi-vu'])).get('bao-cao-2024-q1-so-noi-vu.xlsx')!;
    const filled = await fillReturn(book, {}, [
      { task: 'Tổ chức tập huấn nghiệp vụ văn thư cho công chức cấp xã', deadline: 'Quý II/2024' },
      { task: 'Khảo sát mức độ hài lòng của người dân', deadline: 'Quý IV/2024' },
    ]);
    await api.readReturns(planId, '2024-q1', [upload('so-noi-vu.xlsx', filled)]);
    const [first, second] = await api.listReturnProposals(planId, '2024-q1');
    const groupId = (await api.openPlan(planId)).pkg.appendix.groups[1].id!;
    await expect(api.takeReturnProposal(planId, first.id, { kind: 'new', groupId, index: 0 })).rejects.toMatchObject({ code: 'plan.issuedFrozen' });
    expect((await api.setReturnProposalState(planId, second.id, 'dismissed')).state).toBe('dismissed');
    await api.startAdjustment(planId, 'Bổ sung nhiệm vụ Sở Nội vụ đề xuất');
    const rowId = await api.takeReturnProposal(planId, first.id, { kind: 'new', groupId, index: 0 });
    const row = (await api.openPlan(planId)).pkg.appendix.groups[1].rows[0];
    expect(row).toMatchObject({ id: rowId, cells: { task: first.task, deadline: 'Quý II/2024', lead: [{ agency: 'so-noi-vu', after: '' }] } });
    expect((await api.rowSources(planId))[rowId]).toMatchObject({ file: 'so-noi-vu.xlsx', department: 'Sở Nội vụ' });
    expect((await api.listReturnProposals(planId)).map((p) => [p.state, p.takenRowId])).toEqual([['taken', rowId], ['dismissed', null]]);
  });

  it('a batch of 40 returns (departments, districts and communes): one report per file and a summary; nobody missing', async () => {
    const planId = await issuedSample(api);
    const districts = ['Đồng Xoài', 'Bình Long', 'Phước Long', 'Chơn Thành', 'Bù Đăng', 'Bù Đốp', 'Bù Gia Mập', 'Đồng Phú', 'Hớn Quản', 'Lộc Ninh', 'Phú Riềng'];
    for (const d of districts) await api.addReportingUnit(planId, `UBND ${/Đồng Xoài|Bình Long|Phước Long|Chơn Thành/.test(d) ? (d === 'Đồng Xoài' ? 'thành phố' : 'thị xã') : 'huyện'} ${d}`, ['ubnd-cap-huyen']);
    for (const c of ['Tân Phú', 'Tân Bình', 'Tân Xuân', 'Tiến Thành', 'Tân Thành', 'Tiến Hưng']) await api.addReportingUnit(planId, `UBND phường ${c}`, ['ubnd-cap-xa']);
    const units = await api.listReportingUnits(planId);
    const books = await returnsOf(planId, '2024-q1');
    expect(books.size).toBe(40);
    const words = ['Đã hoàn thành', 'xong', 'Đang thực hiện', 'đang triển khai (50%)', 'chưa'];
    const files = await Promise.all(
      [...books].map(async ([name, bytes], i) => upload(name, await fillReturn(bytes, Object.fromEntries((await leadStts(bytes)).map((s, j) => [s, { status: words[(i + j) % words.length], result: `KQ ${i}.${s}` }]))))),
    );
    const report = await api.readReturns(planId, '2024-q1', files);
    expect(report.files).toHaveLength(40);
    expect(report.files.every((f) => f.outcome === 'read' && f.matchedBy === 'manifest')).toBe(true);
    const expected = units.filter((u) => u.leads > 0).length;
    expect(report.summary).toMatchObject({ files: 40, read: 40, refused: 0, unplaced: 0, unitsSent: expected, unitsExpected: expected });
    const view = await api.trackingView(planId, '2024-q1');
    expect(view.missing).toEqual([]);
    // A task of "UBND cấp huyện" waits for its 11 districts (and its other leads' units): done only when all said done.
    const district = view.tasks.find((t) => t.lead.some((l) => l.key === 'ubnd-cap-huyen'))!;
    const answering = units.filter((u) => u.agencies.some((a) => district.lead.some((l) => l.key === a))).length;
    expect(answering).toBeGreaterThanOrEqual(11);
    expect(district.expected).toBe(answering);
    expect(district.reportedBy).toBe(answering);
    const said = district.returns.filter((l) => l.role === 'lead').map((l) => l.status);
    expect(said).toHaveLength(answering);
    expect(district.status).toBe(said.every((s) => s === 'done') ? 'done' : said.every((s) => s === 'notStarted') ? 'notStarted' : 'inProgress');
    // Every lead line in the store came from the file its unit was sent.
    const perUnit = db.prepare('SELECT r.unit, r.file FROM period_returns r').all() as Array<{ unit: string; file: string }>;
    expect(perUnit.every((r) => r.file === `bao-cao-2024-q1-${r.unit}.xlsx`)).toBe(true);
  }, 120_000);
});
