/**
 * #23 Issue and freeze, at the store: "Ban hành" records the number and date (and the signed PDF), writes them into
 * the package, keeps the version of record and freezes the content; tracking data is not content; "Điều chỉnh" opens
 * the content again and its issue makes a new version of record; the number and date are cited by later documents.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/store/open';
import type { SoanApi } from '../../electron/core/api/contract';
import { UserError } from '../../electron/core/errors';
import { exportDocx } from '../../electron/core/export/docx';
import { loadPlan } from '../../electron/core/store/plans';
import { all, readDocx, textOf } from './fixtures/ooxml';
import { issuedSample, serviceWithFiles } from './fixtures/returns';
import { removeTempDirs, tempStore } from './helpers';

let db: Db;
let api: SoanApi;
beforeEach(() => {
  db = tempStore().db;
  api = serviceWithFiles(db).api;
});
afterEach(() => {
  db.close();
  removeTempDirs();
});

async function refusal(p: Promise<unknown>): Promise<UserError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a refusal');
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('issue and freeze', () => {
  it('records the number and date in the package, keeps the version of record, freezes the content, and is cited', async () => {
    const { id } = await api.createPlan('sample');
    const rowId = (await api.openPlan(id)).pkg.appendix.groups[0].rows[0].id!;
    // A draft is a draft: no tracking yet.
    expect((await api.issueState(id)).status).toBe('draft');
    expect((await refusal(api.writeReturns(id, '2024-q1'))).code).toBe('tracking.notIssued');
    await api.setField(id, 'decision.number', '');
    const state = await api.issuePlan(id, { number: '2142', date: '2023-12-09', pdf: { name: 'qd-2142.pdf', base64: PDF.toString('base64') } });
    expect(state.status).toBe('issued');
    expect(state.issues).toHaveLength(1);
    expect(state.issues[0]).toMatchObject({ kind: 'issue', number: '2142', symbol: 'QĐ-UBND', date: '2023-12-09', pdf: { name: 'qd-2142.pdf', size: PDF.length, stored: true } });
    expect(state.citation).toBe(
      'Kế hoạch cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh Bình Phước ban hành kèm theo Quyết định số 2142/QĐ-UBND ngày 09/12/2023 của Ủy ban nhân dân tỉnh',
    );
    // The store holds the number and date in the package (every export prints them), and the PDF's bytes.
    const { pkg } = loadPlan(db, id);
    expect(pkg.decision).toMatchObject({ number: '2142', date: '2023-12-09' });
    expect(db.prepare('SELECT pdf FROM plan_issues WHERE plan_id = ?').get(id)).toEqual({ pdf: PDF });
    const doc = await readDocx((await exportDocx(pkg, { parts: ['decision'] })).buffer);
    expect(all(doc.body, 'w:tbl').map(textOf).join(' ')).toContain('Số: 2142/QĐ-UBND');
    // The version of record is the package as issued, and cannot be deleted.
    const versions = await api.listVersions(id);
    expect(versions.map((v) => v.name)).toEqual(['Bản ban hành: số 2142/QĐ-UBND ngày 09/12/2023']);
    expect(state.issues[0].versionId).toBe(versions[0].id);
    expect((await refusal(api.deleteVersion(versions[0].id))).code).toBe('version.ofRecord');
    // Content edits are refused, through every door; renaming the working title is not one.
    for (const edit of [
      () => api.setCell(id, rowId, 'task', 'Sửa sau khi ban hành'),
      () => api.setField(id, 'plan.summary', 'khác'),
      () => api.insertRows(id, pkg.appendix.groups[0].id!, 0, [{ task: 'Mới' }]),
      () => api.editPlan(id, 'deleteRow', [rowId]),
      () => api.setPlanYear(id, 2025),
    ]) {
      expect((await refusal(edit())).code).toBe('plan.issuedFrozen');
    }
    await api.renamePlan(id, 'Kế hoạch CCHC 2024 (đã ban hành)');
    expect(loadPlan(db, id).pkg.appendix.groups[0].rows[0].cells.task).toBe(pkg.appendix.groups[0].rows[0].cells.task);
    // What was done before the issue cannot be undone into it.
    expect(await api.undo(id)).toBeNull();
    // Issuing twice is refused; tracking goes on (a period's status is not content).
    expect((await refusal(api.issuePlan(id, { number: '1', date: '2024-01-01' }))).code).toBe('issue.alreadyIssued');
    const line = await api.setTaskStatus(id, '2024-q1', rowId, { status: 'done', result: 'Xong' });
    expect(line).toMatchObject({ status: 'done', result: 'Xong', source: 'secretariat' });
  });

  it('an adjustment opens the content, and its issue makes a new version of record; cancelling one left untouched', async () => {
    const id = await issuedSample(api);
    const rowId = (await api.openPlan(id)).pkg.appendix.groups[0].rows[0].id!;
    expect((await refusal(api.startAdjustment(id, ' '))).code).toBe('issue.needsReason');
    let state = await api.startAdjustment(id, 'Bổ sung nhiệm vụ theo chỉ đạo của Bộ Nội vụ');
    expect(state).toMatchObject({ status: 'adjusting', adjustment: { reason: 'Bổ sung nhiệm vụ theo chỉ đạo của Bộ Nội vụ' } });
    // The adjusting document is not numbered yet: the draft prints the blanks.
    expect(loadPlan(db, id).pkg.decision).toMatchObject({ number: '', date: null });
    // Untouched, it can be cancelled: frozen again as issued.
    state = await api.cancelAdjustment(id);
    expect(state.status).toBe('issued');
    expect(loadPlan(db, id).pkg.decision).toMatchObject({ number: '2142', date: '2023-12-09' });
    await api.startAdjustment(id, 'Sửa thời hạn nhiệm vụ 1');
    await api.setCell(id, rowId, 'deadline', 'Quý II/2024');
    expect((await refusal(api.cancelAdjustment(id))).code).toBe('issue.adjustmentEdited');
    state = await api.issuePlan(id, { number: '655', date: '2024-04-02' });
    expect(state.status).toBe('issued');
    expect(state.issues.map((i) => [i.kind, i.number, i.reason])).toEqual([
      ['issue', '2142', ''],
      ['adjustment', '655', 'Sửa thời hạn nhiệm vụ 1'],
    ]);
    expect(state.citation).toContain('được điều chỉnh tại Quyết định số 655/QĐ-UBND ngày 02/4/2024');
    const versions = await api.listVersions(id);
    expect(versions).toHaveLength(2);
    // Each version of record holds the package as it was issued.
    const [first, second] = [versions.find((v) => v.name.includes('2142'))!, versions.find((v) => v.name.includes('655'))!];
    const cmp = await api.compareVersions(id, first.id, second.id);
    expect(cmp.counts.changed).toBe(1);
    expect(cmp.rows.find((r) => r.status === 'changed')?.cells.deadline?.filter((o) => o.op === 'added').map((o) => o.text)).toEqual(['Quý II/']);
    expect(cmp.fields.map((f) => f.place)).toEqual(['decision.number', 'decision.date']);
    expect((await refusal(api.setCell(id, rowId, 'deadline', 'Quý III/2024'))).code).toBe('plan.issuedFrozen');
  });

  it('keeps a signed PDF under the cap only, attached later too, and delivers it back', async () => {
    const { id } = await api.createPlan('sample');
    expect((await refusal(api.issuePlan(id, { number: '2142', date: '2023-12-09', pdf: { name: 'a.pdf', base64: Buffer.from('not a pdf').toString('base64') } }))).code).toBe('issue.notPdf');
    expect((await refusal(api.issuePlan(id, { number: '21/42', date: '2023-12-09' }))).code).toBe('issue.badNumber');
    expect((await refusal(api.issuePlan(id, { number: '2142', date: '09/12/2023' }))).code).toBe('issue.badDate');
    // Nothing was written by the refusals.
    expect((await api.issueState(id)).status).toBe('draft');
    const state = await api.issuePlan(id, { number: '2142', date: '2023-12-09' });
    const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]);
    expect((await refusal(api.attachIssuedPdf(id, state.issues[0].id, { name: 'big.pdf', base64: big.toString('base64') }))).code).toBe('issue.pdfTooLarge');
    expect((await refusal(api.saveIssuedPdf(id, state.issues[0].id))).code).toBe('issue.noPdf');
    await api.attachIssuedPdf(id, state.issues[0].id, { name: 'ban-ky.pdf', base64: PDF.toString('base64') });
    const again = serviceWithFiles(db);
    await again.api.saveIssuedPdf(id, state.issues[0].id);
    expect(again.delivered[0]).toMatchObject({ fileName: 'ban-ky.pdf', mime: 'application/pdf' });
    expect(again.delivered[0].bytes.equals(PDF)).toBe(true);
  });

  it('a duplicate is a new draft: the issued state and tracking stay with the issued plan', async () => {
    const id = await issuedSample(api);
    const copy = await api.duplicatePlan(id);
    expect((await api.issueState(copy.id)).status).toBe('draft');
    const rowId = (await api.openPlan(copy.id)).pkg.appendix.groups[0].rows[0].id!;
    await api.setCell(copy.id, rowId, 'note', 'sửa được');
    expect(loadPlan(db, copy.id).pkg.appendix.groups[0].rows[0].cells.note).toBe('sửa được');
  });
});
