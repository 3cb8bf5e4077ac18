/**
 * Keys never touch the object prototype: a column captioned "Constructor" gets a key of its own and every
 * operation works with it; keys that are Object members are refused (API, store, exchange file) naming the key,
 * and nothing is stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import JSZip from 'jszip';
import { openStore } from '../../electron/core/store/open';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { validateCall } from '../../electron/core/api/validate';
import { loadPlan, listPlans } from '../../electron/core/store/plans';
import { addColumn, setField } from '../../electron/core/store/edits';
import { parseExchange, serializeExchange } from '../../electron/core/exchange/exchange';
import { loadSamplePackage } from '../../electron/core/sample';
import { slug } from '../../electron/core/model/text';
import { isReservedKey, own } from '../../electron/core/model/keys';
import { newColumnKey } from '../../renderer/src/screens/plan/appendix/ColumnsPanel';
import { UserError } from '../../electron/core/errors';
import type { ExportResult } from '../../electron/core/api/contract';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

function setup() {
  const db = openStore(join(tempDir(), 's.sqlite'));
  const api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
  return { db, api };
}

function caught(fn: () => unknown): UserError {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError');
}

const bytesOf = (r: ExportResult) => Buffer.from((r as { base64: string }).base64, 'base64');

describe('a column captioned "Constructor"', () => {
  it('gets a key of its own, and export, versions, duplicate and rollover all carry its cells', async () => {
    const { db, api } = setup();
    const plan = await api.createPlan('sample');
    const { pkg } = await api.openPlan(plan.id);
    const key = newColumnKey('Constructor', pkg.appendix.columns);
    expect(key).toBe('constructor-1');
    expect(slug('Constructor')).toBe('constructor-1');
    await api.addColumn(plan.id, 2, { key, caption: 'Constructor', kind: 'text', role: null, width: 20, hidden: false });
    const row = pkg.appendix.groups[0].rows[0];
    await api.setCell(plan.id, row.id!, key, 'Nhà thầu A');

    const json = JSON.parse(bytesOf(await api.exportPlan(plan.id, 'json')).toString('utf8'));
    expect(json.appendix.columns.map((c: { key: string }) => c.key)).toContain('constructor-1');
    expect(json.appendix.groups[0].rows[0]['constructor-1']).toBe('Nhà thầu A');
    const docx = await JSZip.loadAsync(bytesOf(await api.exportPlan(plan.id, 'docx')));
    expect(await docx.file('word/document.xml')!.async('string')).toContain('Nhà thầu A');
    const xlsx = await JSZip.loadAsync(bytesOf(await api.exportPlan(plan.id, 'xlsx')));
    expect(await xlsx.file('xl/sharedStrings.xml')!.async('string')).toContain('Nhà thầu A');

    const version = await api.saveVersion(plan.id, 'v1');
    await api.setCell(plan.id, row.id!, key, 'Nhà thầu B');
    const comparison = await api.compareVersions(plan.id, version.id, null);
    const changed = comparison.rows.find((r) => r.status === 'changed');
    expect(changed?.cells['constructor-1']).toEqual([{ op: 'same', text: 'Nhà thầu ' }, { op: 'removed', text: 'A' }, { op: 'added', text: 'B' }]);

    const copy = await api.duplicatePlan(plan.id);
    expect(own(loadPlan(db, copy.id).pkg.appendix.groups[0].rows[0].cells, key)).toBe('Nhà thầu B');
    const next = await api.applyRollover(plan.id, 2025, 'all');
    expect(own(loadPlan(db, next.id).pkg.appendix.groups[0].rows[0].cells, key)).toBe('Nhà thầu B');
    expect(listPlans(db)).toHaveLength(3);
    db.close();
  });
});

describe('keys that are Object members are refused, nothing stored', () => {
  it('by the API validator, naming the key', () => {
    const col = { key: 'constructor', caption: 'C', kind: 'text', role: null, width: 20, hidden: false };
    expect(caught(() => validateCall('addColumn', [1, 0, col]))).toMatchObject({ code: 'key.reserved', params: { key: 'constructor' } });
    for (const field of ['toString', '__proto__', 'valueOf']) {
      expect(caught(() => validateCall('setField', [1, field, 'x']))).toMatchObject({ code: 'key.reserved', params: { key: field } });
    }
    expect(caught(() => validateCall('insertRow', [1, 1, 0, JSON.parse('{"__proto__": "x"}')]))).toMatchObject({ code: 'key.reserved', params: { key: '__proto__' } });
    expect(caught(() => validateCall('setCell', [1, 1, 'hasOwnProperty', 'x']))).toMatchObject({ code: 'key.reserved' });
  });

  it('by the store, which keeps the plan as it was', async () => {
    const { db, api } = setup();
    const plan = await api.createPlan('sample');
    const before = serializeExchange(loadPlan(db, plan.id).pkg);
    for (const field of ['toString', '__proto__', 'valueOf', 'constructor']) {
      expect(caught(() => setField(db, plan.id, field, 'x')).code).toBe('field.unknown');
    }
    expect(caught(() => addColumn(db, plan.id, 0, { key: 'constructor', caption: 'C', kind: 'text', role: null, width: 20, hidden: false })).code).toBe('key.reserved');
    expect(serializeExchange(loadPlan(db, plan.id).pkg)).toBe(before);
    expect((db.prepare("SELECT count(*) AS n FROM plan_fields WHERE field IN ('toString', '__proto__', 'valueOf', 'constructor')").get() as { n: number }).n).toBe(0);
    db.close();
  });

  it('by the exchange file schema, naming the key', () => {
    const doc = JSON.parse(serializeExchange(loadSamplePackage()));
    doc.appendix.columns[0].key = 'constructor';
    doc.appendix.groups[0].rows[0] = { constructor: 'x' };
    const e = caught(() => parseExchange(JSON.stringify(doc), 'bad.json'));
    expect(e.code).toBe('exchange.invalid');
    expect(e.problems).toContain('appendix.columns[0].key: "constructor" cannot be a key (every object already has a "constructor"); choose another, e.g. "constructor-1"');
    expect(e.problems.some((p) => p.startsWith('appendix.groups[0].rows[0]') && p.includes('"constructor" cannot be a key'))).toBe(true);
    const agency = JSON.parse(serializeExchange(loadSamplePackage()));
    agency.agencies[0].key = 'constructor';
    expect(caught(() => parseExchange(JSON.stringify(agency), 'a.json')).problems.join('\n')).toContain('agencies[0].key: "constructor" cannot be a key');
    expect(isReservedKey('toString') && isReservedKey('__proto__') && !isReservedKey('task')).toBe(true);
  });
});
