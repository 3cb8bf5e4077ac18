/**
 * The plan's own list of abbreviations that need no spelling-out: kept in the store (plan metadata in
 * `plan_fields`), one undo step per change, used by the checker through the API and the CLI, and invisible
 * to the package (exchange export unchanged).
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

    // The package and its exchange file do not carry the setting.
    expect(serializeExchange(loadPlan(db, planId).pkg)).toBe(exported);
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
