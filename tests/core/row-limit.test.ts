/**
 * One row limit (MAX_APPENDIX_ROWS) for every way rows come in: an exchange file, an Excel workbook, pasting a
 * block, inserting one row. Each refusal is coded and leaves the store as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { listPlans, loadPlan, planSummary } from '../../electron/core/store/plans';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { loadSamplePackage } from '../../electron/core/sample';
import { MAX_APPENDIX_ROWS } from '../../electron/core/model/limits';
import type { PlanPackage } from '../../electron/core/model/types';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

function setup() {
  const db = openStore(join(tempDir(), 's.sqlite'));
  const api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
  return { db, api };
}

/** The sample with its first group grown (or cut) so the appendix has `total` rows. */
function withRows(total: number): PlanPackage {
  const pkg = loadSamplePackage();
  const others = pkg.appendix.groups.slice(1).reduce((n, g) => n + g.rows.length, 0);
  const first = pkg.appendix.groups[0];
  first.rows = Array.from({ length: total - others }, (_, i) => ({ cells: { task: `Nhiệm vụ ${i + 1}`, lead: [], cooperate: [], deadline: 'Năm 2024', note: '' } }));
  return pkg;
}

const rowsOf = (pkg: PlanPackage) => pkg.appendix.groups.reduce((n, g) => n + g.rows.length, 0);

describe(`the row limit (${MAX_APPENDIX_ROWS})`, () => {
  // Word and Excel imports, rollover and duplicate create their plan through the same store function as this import.
  it('refuses an exchange file with one row too many; nothing is created', async () => {
    const { db, api } = setup();
    const tooMany = withRows(MAX_APPENDIX_ROWS + 1);
    await expect(api.importPlan('big.json', serializeExchange(tooMany))).rejects.toMatchObject({
      code: 'appendix.tooManyRows',
      params: { count: MAX_APPENDIX_ROWS + 1, max: MAX_APPENDIX_ROWS },
    });
    expect(listPlans(db)).toEqual([]);
    db.close();
  }, 60_000);

  it('a plan at the limit takes no pasted block and no inserted row; it keeps every row it had', async () => {
    const { db, api } = setup();
    const plan = await api.importPlan('full.json', serializeExchange(withRows(MAX_APPENDIX_ROWS)));
    expect(plan.rowCount).toBe(MAX_APPENDIX_ROWS);
    const groupId = loadPlan(db, plan.id).pkg.appendix.groups[1].id!;
    await expect(api.insertRows(plan.id, groupId, 0, [{ task: 'Dán 1' }, { task: 'Dán 2' }])).rejects.toMatchObject({ code: 'appendix.tooManyRows', params: { count: MAX_APPENDIX_ROWS + 2 } });
    await expect(api.insertRow(plan.id, groupId, 0, { task: 'Chèn' })).rejects.toMatchObject({ code: 'appendix.tooManyRows' });
    const after = loadPlan(db, plan.id);
    expect(rowsOf(after.pkg)).toBe(MAX_APPENDIX_ROWS);
    expect(planSummary(db, plan.id).revision).toBe(plan.revision);
    // One row fewer, and one fits again.
    await api.deleteRow(plan.id, after.pkg.appendix.groups[0].rows[0].id!);
    await api.insertRow(plan.id, groupId, 0, { task: 'Chèn' });
    expect(rowsOf(loadPlan(db, plan.id).pkg)).toBe(MAX_APPENDIX_ROWS);
    db.close();
  }, 60_000);
});
