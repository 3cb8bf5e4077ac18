/**
 * The edits the model v2 editors send, through editPlan as the app sends them (argument checks included): a
 * footnote on a body run, a recipient made a sub-item, the period and the "unknown" flags. Each is one edit the
 * store holds, undone in one step.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadSamplePackage } from '../../electron/core/sample';
import { openStore, type Db } from '../../electron/core/store/open';
import { insertPackage, loadPlan } from '../../electron/core/store/plans';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { validateCall } from '../../electron/core/api/validate';
import { serializeExchange, parseExchange } from '../../electron/core/exchange/exchange';
import { exportDocx } from '../../electron/core/export/docx';
import { all, parseXml, readDocx, textOf } from './fixtures/ooxml';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function setup() {
  const db = openStore(':memory:');
  open.push(db);
  const planId = insertPackage(db, loadSamplePackage());
  const api = createService(db, { info: { version: 'test', dataFile: ':memory:', shell: 'browser' }, deliver: deliverAsDownload });
  return { db, planId, api, pkg: () => loadPlan(db, planId).pkg };
}

describe('model v2 edits from the editors', () => {
  it('a footnote on a body run is accepted by the argument check, stored, exported, and undone in one step', async () => {
    const { planId, api, pkg } = setup();
    const node = pkg().plan.body[0];
    const text = [{ text: 'Căn cứ Nghị quyết số 76/NQ-CP', footnote: 'Nghị quyết về Chương trình tổng thể CCHC 2021-2030.' }, { text: ' của Chính phủ.' }];
    await api.editPlan(planId, 'updateBodyNode', [node.id!, { text }]);
    expect(pkg().plan.body[0].text).toEqual(text);
    // The exchange file carries it and reads it back the same.
    expect(parseExchange(serializeExchange(pkg())).plan.body[0].text).toEqual(text);
    await api.undo(planId);
    expect(pkg().plan.body[0].text).toEqual(node.text);
    // A footnote that is not text is refused by the argument check, naming the place.
    expect(() => validateCall('updateBodyNode', [planId, node.id, { text: [{ text: 'a', footnote: 5 }] }])).toThrow(/footnote/);
  });

  it('a footnote on a Decision article is one list edit: stored, undone in one step, printed as a Word footnote referenced in that article', async () => {
    const { planId, api, pkg } = setup();
    const before = pkg().decision!.articles[1];
    const note = 'Quyết định số 1234/QĐ-UBND ngày 09/12/2023 của UBND tỉnh.';
    const runs = [{ text: 'Kế hoạch ban hành kèm theo', footnote: note }, { text: ' Quyết định này.', bold: true }];
    await api.editPlan(planId, 'updateListItem', ['decision.articles', 1, runs]);
    expect(pkg().decision!.articles[1]).toEqual(runs);

    const doc = await readDocx((await exportDocx(pkg(), { parts: ['decision'] })).buffer);
    const footnotes = parseXml(await doc.zip.file('word/footnotes.xml')!.async('string'));
    const printed = all(footnotes, 'w:footnote').find((f) => textOf(all(f, 'w:p')[0] ?? f).includes(note));
    expect(printed, 'footnotes.xml holds the article footnote').toBeDefined();
    // The reference sits in Điều 2's paragraph, right after the words it belongs to, and points at that footnote.
    const article = all(doc.body, 'w:p').find((p) => textOf(p).startsWith('Điều 2. Kế hoạch ban hành kèm theo'))!;
    expect(textOf(article)).toBe('Điều 2. Kế hoạch ban hành kèm theo Quyết định này.');
    const refs = all(article, 'w:footnoteReference');
    expect(refs.map((r) => r.attrs['w:id'])).toEqual([printed!.attrs['w:id']]);
    const runsXml = all(article, 'w:r');
    const refRun = runsXml.findIndex((r) => all(r, 'w:footnoteReference').length > 0);
    expect(textOf(runsXml[refRun - 1]).endsWith('kèm theo')).toBe(true);

    await api.undo(planId);
    expect(pkg().decision!.articles[1]).toEqual(before);
  });

  it('a recipient made a sub-item (Tab) is one list edit; the tree reads it under the line above', async () => {
    const { planId, api, pkg } = setup();
    const before = pkg().decision!.recipients;
    await api.editPlan(planId, 'insertListItem', ['decision.recipients', before.length, 'VP UBND tỉnh']);
    await api.editPlan(planId, 'insertListItem', ['decision.recipients', before.length + 1, 'Cổng TTĐT tỉnh']);
    await api.editPlan(planId, 'updateListItem', ['decision.recipients', before.length + 1, '+ Cổng TTĐT tỉnh']);
    expect(pkg().decision!.recipients.slice(before.length)).toEqual(['VP UBND tỉnh', '+ Cổng TTĐT tỉnh']);
    await api.undo(planId);
    expect(pkg().decision!.recipients.slice(before.length)).toEqual(['VP UBND tỉnh', 'Cổng TTĐT tỉnh']);
  });

  it('the period and the unknown flags are options set and removed by setField, one undo step each', async () => {
    const { planId, api, pkg } = setup();
    await api.editPlan(planId, 'setPlanYear', [2021]);
    await api.editPlan(planId, 'setField', ['period', JSON.stringify({ from: 2021, to: 2030 })]);
    expect(pkg().period).toEqual({ from: 2021, to: 2030 });
    // A period that does not start in the plan's year is refused; nothing changes.
    await expect(api.editPlan(planId, 'setField', ['period', JSON.stringify({ from: 2022, to: 2030 })])).rejects.toThrow(/period/);
    expect(pkg().period).toEqual({ from: 2021, to: 2030 });
    await api.editPlan(planId, 'setField', ['decision.dateUnknown', 'true']);
    await api.editPlan(planId, 'setField', ['decision.date', null]);
    expect([pkg().decision!.dateUnknown, pkg().decision!.date]).toEqual([true, null]);
    await api.editPlan(planId, 'setField', ['decision.dateUnknown', '']);
    expect(pkg().decision!.dateUnknown).toBeUndefined();
    await api.undo(planId);
    expect(pkg().decision!.dateUnknown).toBe(true);
    // The empty value removes the period: a one-year plan again.
    await api.editPlan(planId, 'setField', ['period', '']);
    expect(pkg().period).toBeUndefined();
    await api.undo(planId);
    expect(pkg().period).toEqual({ from: 2021, to: 2030 });
  });
});
