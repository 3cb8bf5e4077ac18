import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open';
import { insertPackage, loadPlan } from '../../electron/core/store/plans';
import * as edits from '../../electron/core/store/edits';
import { enableHistory, historyState, redo, undo } from '../../electron/core/store/history';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { loadSamplePackage } from '../../electron/core/sample';
import { cellText, rowNumbers } from '../../electron/core/model';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

function setup() {
  const db = openStore(join(tempDir(), 'h.sqlite'));
  const planId = insertPackage(db, loadSamplePackage());
  enableHistory(db);
  const content = () => serializeExchange(loadPlan(db, planId).pkg);
  return { db, planId, content, pkg: () => loadPlan(db, planId).pkg };
}

describe('undo and redo', () => {
  it('undoes and redoes each kind of edit, back to the same content', () => {
    const { db, planId, content, pkg } = setup();
    const start = pkg();
    const [g1, g2] = start.appendix.groups;
    const edits_: Array<[string, () => unknown]> = [
      ['field', () => edits.setField(db, planId, 'decision.number', '15')],
      ['date cleared', () => edits.setField(db, planId, 'decision.date', null)],
      ['list insert', () => edits.insertListItem(db, planId, 'decision.legalBases', 0, 'Căn cứ Luật mới;')],
      ['list move', () => edits.moveListItem(db, planId, 'decision.recipients', 0, 5)],
      ['body update', () => edits.updateBodyNode(db, planId, start.plan.body[2].id!, { text: [{ text: 'MỤC ĐÍCH' }] })],
      ['body move', () => edits.moveBodyNode(db, planId, start.plan.body[3].children[0].id!, start.plan.body[2].id!, 0)],
      ['body delete', () => edits.deleteBodyNode(db, planId, start.plan.body[4].id!)],
      ['cell', () => edits.setCell(db, planId, g1.rows[0].id!, 'deadline', 'Quý II/2024')],
      ['row between groups', () => edits.moveAppendixRow(db, planId, g1.rows[1].id!, g2.id!, 0)],
      ['row delete', () => edits.deleteAppendixRow(db, planId, g2.rows[3].id!)],
      ['group delete with rows', () => edits.deleteGroup(db, planId, start.appendix.groups[4].id!)],
      ['agency rename', () => edits.renameAgency(db, planId, 'so-noi-vu', 'Sở Nội vụ tỉnh Bình Phước')],
      ['agency merge', () => edits.mergeAgencies(db, planId, 'so-thong-tin-va-truyen-thong', 'so-thong-tin-va-truyen-thong-2')],
      ['column remove', () => edits.removeColumn(db, planId, 'note')],
    ];
    const snapshots = [content()];
    for (const [, edit] of edits_) {
      edit();
      snapshots.push(content());
    }
    // Each step changed something.
    for (let i = 1; i < snapshots.length; i++) expect(snapshots[i], edits_[i - 1][0]).not.toBe(snapshots[i - 1]);
    // Undo walks back through every state, redo forward again.
    for (let i = snapshots.length - 1; i > 0; i--) {
      expect(undo(db, planId), edits_[i - 1][0]).toBeTypeOf('string');
      expect(content(), `after undoing ${edits_[i - 1][0]}`).toBe(snapshots[i - 1]);
    }
    expect(undo(db, planId)).toBeNull();
    for (let i = 1; i < snapshots.length; i++) {
      expect(redo(db, planId)).toBeTypeOf('string');
      expect(content(), `after redoing ${edits_[i - 1][0]}`).toBe(snapshots[i]);
    }
    expect(redo(db, planId)).toBeNull();
    const numbers = rowNumbers(pkg().appendix.groups).flat();
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    db.close();
  });

  it('a new edit clears redo; history is per plan; undo bumps the revision', () => {
    const { db, planId, pkg } = setup();
    const other = insertPackage(db, loadSamplePackage());
    const row = pkg().appendix.groups[0].rows[0];
    edits.setCell(db, planId, row.id!, 'note', 'một');
    edits.setCell(db, other, loadPlan(db, other).pkg.appendix.groups[0].rows[0].id!, 'note', 'khác');
    const revision = loadPlan(db, planId).summary.revision;
    undo(db, planId);
    expect(loadPlan(db, planId).summary.revision).toBe(revision + 1);
    expect(cellText(pkg().appendix.groups[0].rows[0].cells.note, [])).toBe('');
    expect(cellText(loadPlan(db, other).pkg.appendix.groups[0].rows[0].cells.note, [])).toBe('khác');
    expect(historyState(db, planId)).toEqual({ undo: null, redo: 'setCell' });
    edits.setCell(db, planId, row.id!, 'note', 'hai');
    expect(historyState(db, planId)).toEqual({ undo: 'setCell', redo: null });
    db.close();
  });

  it('a move that also changes the kind (Tab) is one step', () => {
    const { db, planId, content, pkg } = setup();
    const before = content();
    const yeuCau = pkg().plan.body[2].children[1];
    const [a, b] = yeuCau.children;
    edits.moveBodyNode(db, planId, b.id!, a.id!, 0, { kind: 'dash' });
    const moved = pkg().plan.body[2].children[1].children[0].children[0];
    expect([moved.id, moved.kind]).toEqual([b.id, 'dash']);
    expect(historyState(db, planId)).toEqual({ undo: 'moveBodyNode', redo: null });
    undo(db, planId);
    expect(content()).toBe(before);
    db.close();
  });

  it('records nothing for a failed edit and nothing without history enabled', () => {
    const { db, planId } = setup();
    expect(() => edits.setField(db, planId, 'decision.date', '2023-02-30')).toThrow();
    expect(historyState(db, planId)).toEqual({ undo: null, redo: null });
    const plain = openStore(join(tempDir(), 'plain.sqlite'));
    const id = insertPackage(plain, loadSamplePackage());
    edits.setField(plain, id, 'decision.number', '1');
    expect(undo(plain, id)).toBeNull();
    plain.close();
    db.close();
  });
});
