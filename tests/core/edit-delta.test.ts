/**
 * Edits answer with what changed: `editPlan` returns the method's result, the plan's new revision and the
 * changed entities; the renderer's applyDelta patches its copy with them. Checked against the store: after
 * every kind of edit (undo and redo too) the patched copy equals the plan loaded whole. Over the HTTP host,
 * one cell edit of a 2,000-row plan downloads at most 2 KB and the store holds the edit.
 */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import type { EditReply, OpenedPlan, PlanEditMethod, SoanApi } from '../../electron/core/api/contract';
import { PLAN_EDIT_METHODS } from '../../electron/core/api/methods';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../electron/core/host/http-host';
import { insertPackage, loadPlan } from '../../electron/core/store/plans';
import { loadSamplePackage } from '../../electron/core/sample';
import type { Db } from '../../electron/core/store/open';
import { applyDelta } from '../../renderer/src/state/apply-delta';
import { largePlan } from '../fixtures/large-plan';
import { removeTempDirs, tempDir, tempStore } from './helpers';

afterAll(() => removeTempDirs());

const service = (db: Db): SoanApi => createService(db, { info: { version: 'test', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });

describe('editPlan deltas patch the UI copy into what the store holds', () => {
  let db: Db;
  let api: SoanApi;
  let planId: number;
  let copy: OpenedPlan;

  beforeAll(async () => {
    db = tempStore().db;
    api = service(db);
    planId = insertPackage(db, loadSamplePackage());
    copy = await api.openPlan(planId);
  });
  afterAll(() => db.close());

  /** One edit through editPlan: the copy is patched with its delta, and must then equal a whole reload. */
  async function edit<M extends PlanEditMethod>(method: M, ...args: unknown[]): Promise<EditReply> {
    const reply = await (api.editPlan as (id: number, m: string, a: unknown[]) => Promise<EditReply>)(planId, method, args);
    const patched = applyDelta(copy, reply.delta);
    const whole = await api.openPlan(planId);
    expect(reply.delta.summary.revision).toBe(whole.summary.revision);
    if (reply.delta.reload) {
      expect(patched).toBeNull();
      copy = whole;
    } else {
      expect(patched, `${method} delta applied`).not.toBeNull();
      expect(patched, method).toEqual(whole);
      copy = patched!;
    }
    expect(await api.planRevision(planId)).toBe(whole.summary.revision);
    return reply;
  }

  const firstRow = () => copy.pkg.appendix.groups.find((g) => g.rows.length)!.rows[0];

  it('a cell edit carries that row only, and leaves every other row object as it was', async () => {
    const before = copy;
    expect(firstRow()).toBe(copy.pkg.appendix.groups[0].rows[0]);
    const reply = await edit('setCell', firstRow().id, 'note', 'Ghi chú mới');
    expect(reply.value).toBeUndefined();
    expect(reply.delta.previousRevision).toBe(before.summary.revision);
    expect(reply.delta.summary.revision).toBe(before.summary.revision + 1);
    expect(reply.delta.rows?.map((r) => r.id)).toEqual([firstRow().id]);
    expect(reply.delta.groups).toBeUndefined();
    expect(reply.delta.head).toBeUndefined();
    expect(reply.delta.history.undo).toBe('setCell');
    expect(copy.pkg.appendix.groups[1]).toBe(before.pkg.appendix.groups[1]);
    expect(copy.pkg.appendix.groups[0].rows[1]).toBe(before.pkg.appendix.groups[0].rows[1]);
    expect(loadPlan(db, planId).pkg.appendix.groups[0].rows[0].cells.note).toBe('Ghi chú mới');
  });

  it('rows: insert (returns the id), paste several, move between groups, delete', async () => {
    const g0 = copy.pkg.appendix.groups[0].id!;
    const g1 = copy.pkg.appendix.groups[1].id!;
    const inserted = await edit('insertRow', g0, 1, { task: 'Nhiệm vụ chèn' });
    expect(typeof inserted.value).toBe('number');
    expect(inserted.delta.rows?.map((r) => r.id)).toContain(inserted.value);
    const pasted = await edit('insertRows', g1, 0, [{ task: 'Dán 1', lead: 'Sở Mới Dán' }, { task: 'Dán 2' }]);
    expect(pasted.delta.agencies?.some((a) => a.name === 'Sở Mới Dán')).toBe(true);
    await edit('moveRow', inserted.value as number, g1, 2);
    await edit('deleteRow', (pasted.value as number[])[1]);
  });

  it('groups, columns, agencies, fields, lists and the body', async () => {
    const g = await edit('addGroup', 1, 'Nhóm mới');
    await edit('renameGroup', g.value as number, 'Nhóm đổi tên');
    await edit('moveGroup', g.value as number, 0);
    await edit('updateColumn', 'note', { caption: 'Ghi chú (sửa)' });
    await edit('moveColumn', 'note', 0);
    await edit('addColumn', 2, { key: 'product', caption: 'Sản phẩm', kind: 'text', role: null, width: 30, hidden: false });
    await edit('removeColumn', 'product');
    const key = await edit('addAgency', 'Sở Thử Nghiệm');
    await edit('renameAgency', key.value as string, 'Sở Thử Nghiệm Đổi');
    await edit('mergeAgencies', key.value as string, copy.pkg.agencies[0].key);
    await edit('setField', 'decision.number', '77');
    // v2 options through setField: set, then removed (the patched copy must lose them too).
    await edit('setField', 'plan.numbering', JSON.stringify({ part: { format: 'decimal', suffix: '.' }, item: { format: 'decimal', path: true, suffix: '.' } }));
    await edit('setField', 'appendix.numbering', JSON.stringify({ style: 'per-group' }));
    await edit('setField', 'period', JSON.stringify({ from: 2024, to: 2025 }));
    await edit('setField', 'plan.numbering', null);
    await edit('insertListItem', 'decision.recipients', 0, 'Như trên;');
    await edit('renamePlan', 'Tên mới');
    await edit('setPlanYear', 2026);
    const node = await edit('insertBodyNode', null, 0, { kind: 'part', heading: true, text: [{ text: 'PHẦN MỚI' }] });
    expect(node.delta.body).toBeDefined();
    const text = await edit('updateBodyNode', node.value as number, { text: [{ text: 'PHẦN SỬA' }] });
    expect(text.delta.body).toBeUndefined();
    expect(text.delta.nodes?.map((n) => n.id)).toEqual([node.value]);
    const child = copy.pkg.plan.body[1].id!;
    await edit('moveBodyNode', child, node.value as number, 0, { kind: 'item' });
    await edit('deleteBodyNode', node.value as number);
  });

  it('undo and redo answer the same way, and a redo of nothing changes nothing', async () => {
    const undone = await edit('undo');
    expect(undone.value).toBe('deleteBodyNode');
    await edit('undo');
    await edit('redo');
    await edit('redo');
    const none = await edit('redo');
    expect(none.value).toBeNull();
    expect(none.delta.summary.revision).toBe(none.delta.previousRevision);
  });

  it('checker fixes, find-and-replace', async () => {
    const row = firstRow();
    await edit('applyFix', [{ method: 'setCell', args: ['$plan', row.id, 'note', 'Sửa bằng fix'] }]);
    const hits = await api.findInPlan(planId, { text: 'Sửa bằng fix' });
    const n = await edit('replaceInPlan', { text: 'Sửa bằng fix' }, 'Đã thay', hits.map((h) => h.id));
    expect(n.value).toBe(hits.length);
  });

  it('an edit made elsewhere meanwhile makes the delta refuse to apply (the UI reloads instead)', async () => {
    const stale = copy;
    await api.setCell(planId, firstRow().id!, 'note', 'Cửa sổ khác');
    const reply = await (api.editPlan as (id: number, m: string, a: unknown[]) => Promise<EditReply>)(planId, 'setCell', [firstRow().id, 'note', 'Của tôi']);
    expect(reply.delta.previousRevision).toBe(stale.summary.revision + 1);
    expect(applyDelta(stale, reply.delta)).toBeNull();
  });

  it('refuses a method that is not an edit, and checks the edit\'s own arguments', async () => {
    const call = api.editPlan as (id: number, m: string, a: unknown[]) => Promise<EditReply>;
    await expect(call(planId, 'exportPlan', ['json'])).rejects.toMatchObject({ code: 'api.badArgument', params: { path: 'editPlan#2', expected: 'planEdit' } });
    await expect(call(planId, 'setCell', ['x', 'note', 'v'])).rejects.toMatchObject({ code: 'api.badArgument', params: { path: 'setCell#2', expected: 'id' } });
    expect(PLAN_EDIT_METHODS.length).toBeGreaterThan(30);
  });
});

describe('over the HTTP host, at 2,000 rows', () => {
  let db: Db;
  let host: RunningHost;
  let planId: number;

  beforeAll(async () => {
    const staticDir = join(tempDir('skh-delta-'), 'static');
    mkdirSync(staticDir, { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    db = tempStore().db;
    planId = insertPackage(db, largePlan(2000));
    host = await startHost({ api: service(db), staticDir });
  });
  afterAll(async () => {
    await host.close();
    db.close();
  });

  function post(method: string, args: unknown[]): Promise<{ status: number; bytes: number; json: { result?: unknown } }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${method}`, headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: host.token } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode!, bytes: body.length, json: JSON.parse(body.toString('utf8')) });
        });
      });
      req.on('error', reject);
      req.end(JSON.stringify(args));
    });
  }

  it('one cell edit downloads at most 2 KB, the store holds it, and the revision poll is a number', async () => {
    const opened = (await post('openPlan', [planId])).json.result as OpenedPlan;
    const row = opened.pkg.appendix.groups[3].rows[200];
    const r = await post('editPlan', [planId, 'setCell', [row.id, 'task', 'Nhiệm vụ sửa qua host']]);
    expect(r.status).toBe(200);
    expect(r.bytes).toBeLessThanOrEqual(2048);
    const reply = r.json.result as EditReply;
    expect(reply.delta.rows).toHaveLength(1);
    expect(loadPlan(db, planId).pkg.appendix.groups[3].rows[200].cells.task).toBe('Nhiệm vụ sửa qua host');
    const patched = applyDelta(opened, reply.delta)!;
    expect(patched.pkg.appendix.groups[3].rows[200].cells.task).toBe('Nhiệm vụ sửa qua host');
    const poll = await post('planRevision', [planId]);
    expect(poll.json.result).toBe(opened.summary.revision + 1);
    expect(poll.bytes).toBeLessThan(64);
  });
});
