/**
 * #23 The year after the signature travels: the exchange file carries the issued state, periods, units, returns,
 * statuses, proposals and reports (format 2.1, `"minor": 1`; a plan never issued writes the same bytes as before);
 * export → import → export gives the same bytes; saved versions and "export everything" include them; a backup is the
 * store, tracking tables and all.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/core/store/open';
import { openStore } from '../../electron/core/store/open';
import type { SoanApi } from '../../electron/core/api/contract';
import { parseExchange, serializeExchange } from '../../electron/core/exchange/exchange';
import { backupStore, exportAllPlans } from '../../electron/core/store/backup';
import { loadPlan } from '../../electron/core/store/plans';
import { UserError } from '../../electron/core/errors';
import { fillReturn, leadStts, serviceWithFiles } from './fixtures/returns';
import { removeTempDirs, tempDir, tempStore } from './helpers';

let db: Db;
let files: ReturnType<typeof serviceWithFiles>;
let api: SoanApi;
beforeEach(() => {
  db = tempStore().db;
  files = serviceWithFiles(db);
  api = files.api;
});
afterEach(() => {
  db.close();
  removeTempDirs();
});

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\n%%EOF\n', 'latin1');

/** A plan with everything the year holds: issue and PDF, a custom unit and period, a return read, a fix, a proposal, a report. */
async function followedPlan(): Promise<number> {
  const { id } = await api.createPlan('sample');
  await api.issuePlan(id, { number: '2142', date: '2023-12-09', pdf: { name: 'qd-2142.pdf', base64: PDF.toString('base64') } });
  await api.addReportingUnit(id, 'UBND huyện Bù Đăng', ['ubnd-cap-huyen']);
  await api.addPeriod(id, { year: 2024, label: 'Đợt tháng 10', from: '2024-09-15', cutoff: '2024-10-14', due: '2024-10-20' });
  await api.updatePeriod(id, '2024-q1', { returnsDue: '2024-03-10' });
  files.written.length = 0;
  await api.writeReturns(id, '2024-q1', ['so-noi-vu']);
  const book = files.written[0][0].bytes;
  const stts = await leadStts(book);
  const filled = await fillReturn(book, { [stts[0]]: { status: 'xong', result: 'Đã ban hành', evidence: 'KH 5/SNV' }, [stts[1]]: { status: 'Đang thực hiện' } }, [{ task: 'Nhiệm vụ phát sinh', deadline: 'Quý II/2024' }]);
  await api.readReturns(id, '2024-q1', [{ name: 'so-noi-vu.xlsx', base64: filled.toString('base64') }]);
  const row = (await api.trackingView(id, '2024-q1')).tasks[0].rowId;
  await api.setTaskStatus(id, '2024-q1', row, { status: 'done', note: 'Văn phòng xác nhận' });
  const report = await api.openReport(id, '2024-q1');
  await api.updateReportNode(id, report.body[0].id, { text: [{ text: 'Lời mở đầu của văn phòng.' }] });
  await api.setReportField(id, '2024-q1', 'number', '45');
  return id;
}

async function exported(id: number): Promise<string> {
  await api.exportPlan(id, 'json');
  return files.delivered.at(-1)!.bytes.toString('utf8');
}

describe('the exchange file carries the year (format 2.1)', () => {
  it('export → import → export gives the same bytes, the issued state, statuses, report and PDF with it', async () => {
    const id = await followedPlan();
    const text = await exported(id);
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ version: 2, minor: 1 });
    expect(Object.keys(doc.tracking)).toEqual(['uid', 'frozen', 'adjustment', 'issues', 'periods', 'units', 'returns', 'statuses', 'proposals', 'reports']);
    expect(doc.tracking.issues[0]).toMatchObject({ number: '2142', pdf: { name: 'qd-2142.pdf', size: PDF.length, base64: PDF.toString('base64') } });
    const imported = await api.importPlan('plan.json', text);
    expect(await exported(imported.id)).toBe(text);
    // The new plan is the same plan followed the same way: issued and frozen, its statuses, its report.
    const [a, b] = [await api.issueState(id), await api.issueState(imported.id)];
    expect(b.status).toBe('issued');
    expect(b.citation).toBe(a.citation);
    await expect(api.setCell(imported.id, (await api.openPlan(imported.id)).pkg.appendix.groups[0].rows[0].id!, 'note', 'x')).rejects.toMatchObject({ code: 'plan.issuedFrozen' });
    const shown = async (planId: number) => (await api.trackingView(planId, '2024-q1')).tasks.map((t) => [t.stt, t.status, t.result, t.evidence, t.note, t.source]);
    expect(await shown(imported.id)).toEqual(await shown(id));
    expect((await api.openReport(imported.id, '2024-q1')).body[0].text).toEqual([{ text: 'Lời mở đầu của văn phòng.' }]);
    expect((await api.listReturnProposals(imported.id)).map((p) => p.task)).toEqual(['Nhiệm vụ phát sinh']);
    expect((await api.listReportingUnits(imported.id)).filter((u) => u.custom).map((u) => u.name)).toEqual(['UBND huyện Bù Đăng']);
    expect(db.prepare('SELECT pdf FROM plan_issues WHERE plan_id = ?').get(imported.id)).toEqual({ pdf: PDF });
  });

  it('a plan never issued writes exactly what it wrote before: no "minor", no "tracking"', async () => {
    const { id } = await api.createPlan('sample');
    const text = await exported(id);
    expect(text).toBe(readFileSync(join(import.meta.dirname, '../../resources/sample/ke-hoach-cchc-2024-binh-phuoc.json'), 'utf8'));
  });

  it('refuses a newer minor version, and tracking that names a row or period the file does not have', async () => {
    const id = await followedPlan();
    const doc = JSON.parse(await exported(id));
    const refused = (text: string) => {
      try {
        parseExchange(text, 'x.json');
      } catch (e) {
        return e as UserError;
      }
      throw new Error('accepted');
    };
    expect(refused(JSON.stringify({ ...doc, minor: 2 })).code).toBe('exchange.tooNew');
    const bad = structuredClone(doc);
    bad.tracking.statuses[0].row = [0, 99];
    bad.tracking.returns[0].period = '2030-q1';
    const e = refused(JSON.stringify(bad));
    expect(e.code).toBe('exchange.invalid');
    expect(e.problems.join('\n')).toContain('tracking.statuses[0].row');
    expect(e.problems.join('\n')).toContain('tracking.returns[0].period');
  });
});

describe('versions and backups include the year', () => {
  it('a saved version keeps the tracking (without the PDF bytes, which the store keeps); restored, the new plan has it', async () => {
    const id = await followedPlan();
    const version = await api.saveVersion(id, 'Sau quý I');
    const snapshot = (db.prepare('SELECT snapshot FROM plan_versions WHERE id = ?').get(version.id) as { snapshot: string }).snapshot;
    const doc = JSON.parse(snapshot);
    expect(doc.minor).toBe(1);
    expect(doc.tracking.statuses).toHaveLength(1);
    expect(doc.tracking.issues[0].pdf).toEqual({ name: 'qd-2142.pdf', size: PDF.length, sha256: expect.any(String) });
    const restored = await api.restoreVersion(version.id);
    expect((await api.trackingView(restored.id, '2024-q1')).tasks[0]).toMatchObject({ status: 'done', note: 'Văn phòng xác nhận' });
    expect((await api.issueState(restored.id)).issues[0].pdf).toEqual({ name: 'qd-2142.pdf', size: PDF.length, stored: false });
  });

  it('"export everything" writes each plan with its tracking and PDFs; a backup holds the tracking tables', async () => {
    const id = await followedPlan();
    const folder = join(tempDir(), 'export');
    exportAllPlans(db, folder);
    const file = readdirSync(folder).find((f) => f.startsWith(`${id}-`))!;
    const pkg = parseExchange(readFileSync(join(folder, file), 'utf8'), file);
    expect(pkg.tracking?.issues[0].pdf?.base64).toBe(PDF.toString('base64'));
    expect(serializeExchange(pkg)).toBe(await exported(id));
    const backup = await backupStore(db, tempDir());
    const copy = openStore(backup.file);
    try {
      for (const table of ['plan_issues', 'report_periods', 'period_returns', 'return_lines', 'task_status', 'return_proposals', 'reports', 'report_nodes']) {
        const n = (t: Db) => (t.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
        expect(n(copy), table).toBe(n(db));
        expect(n(copy), table).toBeGreaterThan(0);
      }
      expect(loadPlan(copy, id).pkg.decision?.number).toBe('2142');
    } finally {
      copy.close();
    }
  });
});
