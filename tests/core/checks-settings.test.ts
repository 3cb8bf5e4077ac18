/**
 * The plan's own list of abbreviations that need no spelling-out: kept in the store (plan metadata in
 * `plan_fields`), one undo step per change, used by the checker through the API and the CLI, and carried by
 * the package (model v2 `knownAbbreviations`): the exchange file, saved versions, duplicates and next year's plan.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadSamplePackage } from '../../electron/core/sample';
import { openStore, type Db } from '../../electron/core/store/open';
import { insertPackage, loadPlan } from '../../electron/core/store/plans';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { KNOWN_ABBREVIATIONS_FIELD, readKnownAbbreviations } from '../../electron/core/store/check-settings';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { UserError } from '../../electron/core/errors';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function setup() {
  const db = openStore(':memory:');
  open.push(db);
  const planId = insertPackage(db, loadSamplePackage());
  const api = createService(db, { info: { version: 'test', dataFile: ':memory:', shell: 'browser' }, deliver: deliverAsDownload });
  return { db, planId, api };
}

const abbrs = async (api: ReturnType<typeof setup>['api'], planId: number) =>
  (await api.checkPlan(planId, 'vi')).filter((f) => f.rule === 'abbreviations.undefined').map((f) => /«(\S+)»/.exec(f.message)![1]);

describe('the plan’s own abbreviations', () => {
  it('are stored, read by the checker, and undone in one step', async () => {
    const { db, planId, api } = setup();
    const exported = serializeExchange(loadPlan(db, planId).pkg);
    expect(await abbrs(api, planId)).toEqual(['UBND', 'HĐND', 'ATTT', 'QPPL', 'CNTT', 'CSDL']);

    await api.setKnownAbbreviations(planId, ['UBND', ' HĐND ', 'UBND']);
    expect(db.prepare('SELECT value FROM plan_fields WHERE plan_id = ? AND field = ?').get(planId, KNOWN_ABBREVIATIONS_FIELD)).toEqual({ value: 'UBND, HĐND' });
    expect(await api.knownAbbreviations(planId)).toEqual(['UBND', 'HĐND']);
    expect(await abbrs(api, planId)).toEqual(['ATTT', 'QPPL', 'CNTT', 'CSDL']);

    // The finding's action adds one name; Ctrl+Z takes it back.
    const cntt = (await api.checkPlan(planId, 'vi')).find((f) => f.message.includes('«CNTT»'))!;
    expect(cntt.fix!.label).toBe('Không cần giải thích «CNTT» trong kế hoạch này');
    await api.applyFix(planId, cntt.fix!.ops);
    expect(readKnownAbbreviations(db, planId)).toEqual(['UBND', 'HĐND', 'CNTT']);
    await api.undo(planId);
    expect(readKnownAbbreviations(db, planId)).toEqual(['UBND', 'HĐND']);

    // The package carries the list; without one the exchange file is as before (the field is optional).
    expect(loadPlan(db, planId).pkg.knownAbbreviations).toEqual(['UBND', 'HĐND']);
    expect(JSON.parse(serializeExchange(loadPlan(db, planId).pkg)).knownAbbreviations).toEqual(['UBND', 'HĐND']);
    await api.setKnownAbbreviations(planId, []);
    expect(loadPlan(db, planId).pkg.knownAbbreviations).toBeUndefined();
    expect(serializeExchange(loadPlan(db, planId).pkg)).toBe(exported);
  });

  it('travel with the plan: exchange export → import, duplicate, saved version, next year', async () => {
    const { db, planId, api } = setup();
    await api.setKnownAbbreviations(planId, ['UBND', 'HĐND', 'CCHC']);

    // Export → import: the new plan holds the same list in its store.
    const file = await api.exportPlan(planId, 'json');
    if (file.kind !== 'download') throw new Error('the service in tests delivers downloads');
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(JSON.parse(text).knownAbbreviations).toEqual(['UBND', 'HĐND', 'CCHC']);
    const imported = await api.importPlan('plan.json', text);
    expect(readKnownAbbreviations(db, imported.id)).toEqual(['UBND', 'HĐND', 'CCHC']);
    expect(db.prepare('SELECT value FROM plan_fields WHERE plan_id = ? AND field = ?').get(imported.id, KNOWN_ABBREVIATIONS_FIELD)).toEqual({ value: 'UBND, HĐND, CCHC' });
    // … and it checks the same: the names listed are not asked to be spelled out.
    expect(await abbrs(api, imported.id)).toEqual(await abbrs(api, planId));

    // A duplicate keeps it; so does a saved version brought back, and next year's plan.
    const copy = await api.duplicatePlan(planId);
    expect(readKnownAbbreviations(db, copy.id)).toEqual(['UBND', 'HĐND', 'CCHC']);
    const version = await api.saveVersion(planId, 'trước khi sửa');
    await api.setKnownAbbreviations(planId, ['UBND']);
    const restored = await api.restoreVersion(version.id);
    expect(readKnownAbbreviations(db, restored.id)).toEqual(['UBND', 'HĐND', 'CCHC']);
    expect(readKnownAbbreviations(db, planId)).toEqual(['UBND']);
    const next = await api.applyRollover(copy.id, 2025, 'all');
    expect(readKnownAbbreviations(db, next.id)).toEqual(['UBND', 'HĐND', 'CCHC']);
  });

  it('a file whose list holds a sentence is refused with its path; a version-1 file imports without a list', async () => {
    const { db, planId, api } = setup();
    const doc = JSON.parse(serializeExchange(loadPlan(db, planId).pkg)) as Record<string, unknown>;
    const before = (await api.listPlans()).length;
    const bad = await api.importPlan('bad.json', JSON.stringify({ ...doc, knownAbbreviations: ['UBND', 'Ủy ban nhân dân'] })).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(UserError);
    expect(String((bad as Error).message)).toContain('knownAbbreviations[1]');
    expect((await api.listPlans()).length).toBe(before);
    const v1 = await api.importPlan('old.json', JSON.stringify({ ...doc, version: 1 }));
    expect(readKnownAbbreviations(db, v1.id)).toEqual([]);
  });

  it('refuses a name that is not one word, changing nothing', async () => {
    const { db, planId, api } = setup();
    await api.setKnownAbbreviations(planId, ['UBND']);
    const err = await api.setKnownAbbreviations(planId, ['HĐND', 'Ủy ban nhân dân']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('check.abbreviationInvalid');
    expect(readKnownAbbreviations(db, planId)).toEqual(['UBND']);
  });
});
