/**
 * Compare with last year: every import saves an "as imported" version, the rollover an "as rolled over" one with
 * the changes of year it made; any two sides of any two plans compare (columns matched by role, then caption),
 * with the rollover's changes listed when one plan was rolled over from the other; the CLI says the same.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { loadPlan } from '../../electron/core/store/plans';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { loadSamplePackage } from '../../electron/core/sample';
import { proposeRollover } from '../../electron/core/rollover';
import { runCli } from '../../electron/cli/main';
import type { ExportResult } from '../../electron/core/api/contract';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

function setup(path = join(tempDir(), 'v.sqlite')) {
  const db = openStore(path);
  const api = createService(db, { info: { version: 't', dataFile: path, shell: 'browser' }, deliver: deliverAsDownload });
  return { db, api, path };
}

const bytes = (r: ExportResult) => {
  if (r.kind !== 'download') throw new Error('the host returns the bytes');
  return r.base64;
};

describe('versions the program makes', () => {
  it('every import saves "as imported", naming its file, in the same transaction as the plan', async () => {
    const { db, api } = setup();
    const fromJson = await api.importPlan('kh-2024.json', serializeExchange(loadSamplePackage()));
    const sample = await api.createPlan('sample');
    const fromXlsx = await api.importXlsx('phu-luc-2024.xlsx', bytes(await api.exportPlan(sample.id, 'xlsx')));
    const fromDocx = await api.importDocx('ke-hoach-2024.docx', bytes(await api.exportPlan(sample.id, 'docx')));
    for (const [plan, file] of [[fromJson, 'kh-2024.json'], [fromXlsx, 'phu-luc-2024.xlsx'], [fromDocx, 'ke-hoach-2024.docx']] as const) {
      const versions = await api.listVersions(plan.id);
      expect(versions).toMatchObject([{ kind: 'imported', file, name: `Như khi nhập từ tệp ${file}` }]);
      // The version holds the plan as the import made it.
      expect(serializeExchange((await import('../../electron/core/store/versions')).loadVersion(db, versions[0].id).pkg)).toBe(serializeExchange(loadPlan(db, plan.id).pkg));
    }
    // A plan made from the sample or blank is no import: no version.
    expect(await api.listVersions(sample.id)).toEqual([]);
    db.close();
  });

  it('the rollover saves "as rolled over" with the plan and year it came from and every change of year it made', async () => {
    const { db, api } = setup();
    const last = await api.createPlan('sample');
    const proposals = proposeRollover(loadPlan(db, last.id).pkg, 2025);
    const changes = proposals.filter((p) => p.mode === 'change');
    const next = await api.applyRollover(last.id, 2025, changes.slice(1).map((p) => p.id));
    const [version] = await api.listVersions(next.id);
    expect(version).toMatchObject({ kind: 'rolled-over', from: { planId: last.id, year: 2024, title: last.title }, name: 'Như khi chuyển từ kế hoạch năm 2024 sang năm 2025' });
    const comparison = await api.compareSides({ planId: last.id, versionId: null }, { planId: next.id, versionId: null });
    const listed = comparison.rollover!;
    expect(listed.from).toEqual({ planId: last.id, title: last.title, year: 2024 });
    expect(listed.toYear).toBe(2025);
    // The accepted changes and the "always" ones; not the rejected one, not the infos.
    expect(listed.changes).toHaveLength(changes.length - 1 + proposals.filter((p) => p.mode === 'always').length);
    const same = (c: { path: string; before: string; after: string }, p: (typeof changes)[number]) => c.path === p.path && c.before === p.before && c.after === p.after;
    expect(listed.changes.some((c) => same(c, changes[0]))).toBe(false);
    expect(listed.changes.some((c) => same(c, changes[1]))).toBe(true);
    expect(listed.changes.find((c) => c.reason === 'deadline')).toMatchObject({ before: expect.stringContaining('2024'), after: expect.stringContaining('2025') });
    // Either way round, and not between two versions of one plan.
    expect((await api.compareSides({ planId: next.id, versionId: null }, { planId: last.id, versionId: null })).rollover?.from.planId).toBe(last.id);
    expect((await api.compareSides({ planId: next.id, versionId: version.id }, { planId: next.id, versionId: null })).rollover).toBeUndefined();
    db.close();
  });
});

describe('comparing two plans', () => {
  it('last year\'s imported plan against this year\'s draft: the draft\'s own edits and the year changes, rows matched across plans', async () => {
    const { db, api } = setup();
    const imported = await api.importPlan('kh-2024.json', serializeExchange(loadSamplePackage()));
    const [asImported] = await api.listVersions(imported.id);
    const draft = await api.applyRollover(imported.id, 2025, 'all');
    const row = loadPlan(db, draft.id).pkg.appendix.groups[1].rows[0];
    await api.setCell(draft.id, row.id!, 'note', 'Ưu tiên năm 2025');
    const last = { planId: imported.id, versionId: asImported.id };
    const c = await api.compareSides(last, { planId: draft.id, versionId: null });
    expect(c.counts.added + c.counts.removed).toBe(0);
    const noted = c.rows.find((r) => r.cells.note);
    expect(noted?.after?.group).toBe(loadPlan(db, draft.id).pkg.appendix.groups[1].title);
    expect(c.fields.find((f) => f.place === 'year')?.diff).toEqual([{ op: 'removed', text: '2024' }, { op: 'added', text: '2025' }]);
    expect(c.rollover?.changes.length).toBeGreaterThan(10);
    expect(c.captions.note).toBe('Ghi chú');
    // The draft's "as rolled over" version against now: only the drafter's edit.
    const [rolled] = await api.listVersions(draft.id);
    const since = await api.compareSides({ planId: draft.id, versionId: rolled.id }, { planId: draft.id, versionId: null });
    expect(since.rows.filter((r) => r.status !== 'same')).toEqual([expect.objectContaining({ status: 'changed', cells: { note: [{ op: 'added', text: 'Ưu tiên năm 2025' }] } })]);
    // A version of another plan is refused as a side of this one.
    await expect(api.compareSides({ planId: draft.id, versionId: asImported.id }, { planId: draft.id, versionId: null })).rejects.toMatchObject({ code: 'version.notFound' });
    db.close();
  });

  it('matches columns keyed and captioned differently by role, then by caption', async () => {
    const { db, api } = setup();
    const ours = await api.createPlan('sample');
    const theirs = loadSamplePackage();
    const rename: Record<string, string> = { task: 'noi-dung', lead: 'chu-tri', note: 'ghi-chu' };
    theirs.appendix.columns = theirs.appendix.columns.map((c) => (rename[c.key] ? { ...c, key: rename[c.key], ...(c.key === 'note' ? { role: null, caption: 'GHI CHÚ' } : {}) } : c));
    const rekey = (r: (typeof theirs.appendix.groups)[number]['rows'][number]): typeof r => ({
      ...r,
      cells: Object.fromEntries(Object.entries(r.cells).map(([k, v]) => [rename[k] ?? k, v])),
      ...(r.children ? { children: r.children.map(rekey) } : {}),
    });
    theirs.appendix.groups = theirs.appendix.groups.map((g) => ({ ...g, rows: g.rows.map(rekey) }));
    theirs.appendix.groups[0].rows[0].cells['ghi-chu'] = 'Đã xong';
    const other = await api.importPlan('khac.json', serializeExchange(theirs));
    const c = await api.compareSides({ planId: ours.id, versionId: null }, { planId: other.id, versionId: null });
    expect(c.counts).toMatchObject({ changed: 1, added: 0, removed: 0, moved: 0 });
    expect(c.rows.find((r) => r.status === 'changed')?.cells).toEqual({ 'ghi-chu': [{ op: 'added', text: 'Đã xong' }] });
    expect(c.captions['ghi-chu']).toBe('GHI CHÚ');
    db.close();
  });

  it('the command line lists versions and compares two plans, with the rollover\'s changes, in its language', async () => {
    const { db, api, path } = setup();
    const last = await api.importPlan('kh-2024.json', serializeExchange(loadSamplePackage()));
    const next = await api.applyRollover(last.id, 2025, 'all');
    const [rolled] = await api.listVersions(next.id);
    db.close();
    const run = async (...argv: string[]) => {
      const lines: string[] = [];
      expect(await runCli([...argv, '--db', path], (l) => lines.push(l))).toBe(0);
      return lines;
    };
    const versions = await run('versions', String(next.id));
    expect(versions).toEqual([expect.stringMatching(new RegExp(`^${rolled.id}\\tNhư khi chuyển năm\\t.+\\tNhư khi chuyển từ kế hoạch năm 2024 sang năm 2025$`))]);
    const vi = await run('compare', `${last.id}`, `${next.id}@${rolled.id}`);
    expect(vi[0]).toMatch(/^Phụ lục: sửa \d+, thêm 0, bớt 0, chuyển chỗ 0 dòng;/);
    expect(vi).toContainEqual(expect.stringMatching(/^sửa\tSTT 1 \(Cải cách thể chế\)\tSTT 1 \(Cải cách thể chế\)\tThời gian hoàn thành: Trong năm \[-2024-\]\{\+2025\+\}$/));
    const head = vi.findIndex((l) => l.startsWith('Khi chuyển từ kế hoạch năm 2024'));
    expect(head).toBeGreaterThan(0);
    expect(vi.slice(head + 1).every((l) => l.split('\t').length === 4)).toBe(true);
    const en = await run('compare', `${last.id}`, `${next.id}`, '--lang', 'en');
    expect(en[0]).toMatch(/^Appendix: \d+ changed, 0 added/);
    expect(en).toContainEqual(expect.stringMatching(/^Rolled over from the 2024 plan/));
    await expect(runCli(['compare', `${last.id}`, 'x@1', '--db', path], () => {})).rejects.toMatchObject({ code: 'cli.sideBad' });
  });
});
