/**
 * Issue #12's "done when": a plan typed by hand in Word, its agencies separated by commas and "và" instead of
 * our "; ", imports with the same agency directory as the original. The bundled sample is retyped that way
 * (every agency cell's separators rewritten), printed to Word by our exporter, and read back through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { loadPlan } from '../../electron/core/store/plans';
import type { Db } from '../../electron/core/store/open';
import type { Mention, PlanPackage } from '../../electron/core/model/types';
import { loadSamplePackage } from '../../electron/core/sample';
import { exportDocx } from '../../electron/core/docx';
import { removeTempDirs, tempStore } from './helpers';

let db: Db;
let api: ReturnType<typeof createService>;
beforeAll(() => {
  db = tempStore().db;
  api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
});
afterAll(() => {
  db.close();
  removeTempDirs();
});

/** Every agency cell typed as people do: "A, B và C". */
function typedByHand(pkg: PlanPackage): PlanPackage {
  const agencyKeys = new Set(pkg.appendix.columns.filter((c) => c.kind === 'agencies').map((c) => c.key));
  const retype = (mentions: Mention[]): Mention[] =>
    mentions.map((m, i) => ({ agency: m.agency, after: i === mentions.length - 1 ? '' : i === mentions.length - 2 ? ' và ' : ', ' }));
  const copy = structuredClone(pkg);
  for (const g of copy.appendix.groups) {
    for (const r of g.rows) for (const key of agencyKeys) if (Array.isArray(r.cells[key])) r.cells[key] = retype(r.cells[key] as Mention[]);
  }
  return copy;
}

/** The directory names an appendix uses, as a sorted list. */
function usedNames(pkg: PlanPackage): string[] {
  const byKey = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  const names = new Set<string>();
  for (const g of pkg.appendix.groups) {
    for (const r of g.rows) for (const v of Object.values(r.cells)) if (Array.isArray(v)) for (const m of v) names.add(byKey.get(m.agency)!);
  }
  return [...names].sort();
}

describe('a plan typed by hand in Word', () => {
  it('with agencies separated by commas and "và" imports with the same agency directory as the original', async () => {
    const original = loadSamplePackage();
    const { buffer } = await exportDocx(typedByHand(original));
    const imported = await api.importDocx('go-tay.docx', buffer.toString('base64'));
    const pkg = loadPlan(db, imported.id).pkg;
    expect(usedNames(pkg)).toEqual(usedNames(original));
    // And each row names the same agencies, in the same order.
    const rowsOf = (p: PlanPackage) => {
      const byKey = new Map(p.agencies.map((a) => [a.key, a.name]));
      return p.appendix.groups.flatMap((g) => g.rows.map((r) => ['lead', 'cooperate'].map((k) => ((r.cells[k] ?? []) as Mention[]).map((m) => byKey.get(m.agency)))));
    };
    expect(rowsOf(pkg)).toEqual(rowsOf(original));
  });
});
