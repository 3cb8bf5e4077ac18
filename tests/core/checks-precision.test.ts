/**
 * The checker's precision on five real packages of different provinces and kinds (the bundled sample, a
 * standalone communication plan, a ten-year plan, a 2023 Decision + Plan package, a 2024 package with a
 * framework appendix), stored in the app's store so that fixes are offered where they would be.
 *
 * Every finding is judged by hand in `fixtures/real-packages/judged.json`: the test fails on a finding not
 * judged true (a new false alarm, or an unjudged one), on a true one lost, on a changed severity, and on a
 * fix that changes nothing or changes words its preview does not show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseExchange } from '../../electron/core/exchange/exchange';
import { loadSamplePackage } from '../../electron/core/sample';
import { openStore, type Db } from '../../electron/core/store/open';
import { insertPackage, loadPlan } from '../../electron/core/store/plans';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import type { PlanPackage } from '../../electron/core/model';
import { checkPlan, PLAN, type Finding } from '../../electron/core/checks';
import { Ctx, collectPlaces, spanFix } from '../../electron/core/checks/context';

const DIR = join(__dirname, 'fixtures', 'real-packages');

interface Judged {
  rule: string;
  path: string;
  severity?: Finding['severity'];
  verdict: 'true' | 'false';
  why: string;
}
const judged = JSON.parse(readFileSync(join(DIR, 'judged.json'), 'utf8')) as { packages: Record<string, { findings: Judged[]; before: number }> };

function load(name: string): PlanPackage {
  if (name === 'sample') return loadSamplePackage();
  const file = join(DIR, `${name}.json`);
  return parseExchange(readFileSync(file, 'utf8'), file);
}

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function stored(pkg: PlanPackage) {
  const db = openStore(':memory:');
  open.push(db);
  const planId = insertPackage(db, pkg);
  const api = createService(db, { info: { version: 'test', dataFile: ':memory:', shell: 'browser' }, deliver: deliverAsDownload });
  return { api, planId, load: () => loadPlan(db, planId).pkg };
}

const key = (f: { rule: string; path: string }) => `${f.rule} ${f.path}`;
/** A preview side as plain text: the context's ellipses off, spaces as one. */
const plain = (s: string) => s.replace(/^…/, '').replace(/…$/, '').replace(/\s+/g, ' ');
const textAt = (pkg: PlanPackage, path: string) => collectPlaces(pkg).find((p) => p.path === path)?.text;

describe.each(Object.keys(judged.packages))('the checker on %s', (name) => {
  const { findings: verdicts } = judged.packages[name];
  const truths = verdicts.filter((v) => v.verdict === 'true');
  const falses = new Set(verdicts.filter((v) => v.verdict === 'false').map(key));

  it('reports every finding judged true, with its severity, and nothing else', () => {
    const s = stored(load(name));
    const findings = checkPlan(s.load());
    const got = findings.map(key);
    const unjudged = findings.filter((f) => !truths.some((t) => key(t) === key(f)));
    // A false alarm judged before names its reason; anything else is new and must be judged.
    expect(unjudged.map((f) => `${key(f)}${falses.has(key(f)) ? ' (judged false)' : ' (not judged)'}: ${f.message}`)).toEqual([]);
    expect(truths.map(key).filter((k) => !got.includes(k)), 'true findings lost').toEqual([]);
    for (const t of truths) expect(findings.find((f) => key(f) === key(t))!.severity, key(t)).toBe(t.severity);
  });

  it('says every finding and fix in Vietnamese and English, with every value filled in', () => {
    const pkg = stored(load(name)).load();
    const vi = checkPlan(pkg, { lang: 'vi' });
    const en = checkPlan(pkg, { lang: 'en' });
    expect(en.map(key)).toEqual(vi.map(key));
    for (const [i, f] of vi.entries()) {
      for (const text of [f.message, en[i].message, f.fix?.label ?? '', en[i].fix?.label ?? '']) expect(text, key(f)).not.toMatch(/\{\w+\}/);
      expect(en[i].message, key(f)).not.toBe(f.message);
    }
  });

  it('offers only fixes that change exactly the words they show, never a no-op', async () => {
    const s = stored(load(name));
    const before = s.load();
    const fixable = checkPlan(before).filter((f) => f.fix);
    for (const f of fixable) {
      const fix = f.fix!;
      // Not a text edit: the abbreviation joins the plan's own list, and the finding goes.
      if (fix.ops.every((op) => op.method === 'addKnownAbbreviation')) {
        const t = stored(load(name));
        await t.api.applyFix(t.planId, fix.ops);
        const after = await t.api.checkPlan(t.planId, 'vi');
        expect(after.map(key), key(f)).not.toContain(key(f));
        expect(await t.api.knownAbbreviations(t.planId)).toEqual([fix.ops[0].args[1]]);
        continue;
      }
      expect(fix.preview, `${key(f)} has a preview`).toBeDefined();
      expect(plain(fix.preview!.before), `${key(f)} changes something`).not.toBe(plain(fix.preview!.after));
      const oldText = textAt(before, f.path);
      // Directory merges and renames, and level changes, are not text edits: their preview is the name or the numbering.
      if (oldText === undefined || f.rule === 'body.nesting' || f.path.startsWith('agencies[')) continue;
      // Apply the fix in a fresh copy of the store and read the place back.
      const t = stored(load(name));
      for (const op of fix.ops) {
        const args = op.args.map((a) => (a === PLAN ? t.planId : a));
        await (t.api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[op.method](...args);
      }
      const newText = textAt(t.load(), f.path)!;
      const b = plain(fix.preview!.before);
      const a = plain(fix.preview!.after);
      expect(plain(oldText), `${key(f)}: the preview is taken from the text`).toContain(b);
      expect(plain(newText), `${key(f)}: the fix writes what the preview shows, and nothing else`).toBe(plain(oldText).replace(b, a));
    }
  });
});

describe('the judged set', () => {
  it('keeps the issue’s traps in the packages, each judged', () => {
    const all = Object.values(judged.packages).flatMap((p) => p.findings);
    const text = Object.keys(judged.packages)
      .filter((n) => n !== 'sample')
      .map((n) => readFileSync(join(DIR, `${n}.json`), 'utf8'))
      .join('\n');
    for (const trap of ['cơ sở xây dựng bản đồ số', 'tính đến hết ngày 31/5/2020', 'VNPT', 'FPT', 'Viettel', 'VNeID', 'Thực hiện Quyết định số', 'Như Điều 3', 'Như Điều 2', 'Xét đề nghị']) {
      expect(text, trap).toContain(trap);
    }
    expect(all.filter((f) => f.verdict === 'false').length).toBeGreaterThan(20);
    expect(all.every((f) => f.why.length > 10)).toBe(true);
  });
});

describe('the fix builder’s guard', () => {
  it('never offers a fix whose result equals the text', () => {
    const ctx = new Ctx(loadSamplePackage(), 'vi');
    const place = ctx.places.find((p) => p.path === 'decision.legalBases[6]')!;
    const at = place.text.indexOf('2021');
    // Replacing `2021` by `2021`: the preview's sides are equal and there are no ops, so no fix.
    const same = spanFix(place, at, at + 4, '2021', 'year', { from: 2021, to: 2021 });
    expect(same.ops).toBeNull();
    expect(same.preview!.before).toBe(same.preview!.after);
    ctx.add('years.title', 'warning', place.path, { found: 'năm 2021', year: 2021 }, { fix: same });
    // Even with ops, equal sides are dropped centrally.
    ctx.add('years.title', 'warning', place.path, { found: 'năm 2021', year: 2021 }, {
      fix: { key: 'year', ops: [{ method: 'updateListItem', args: [PLAN, 'decision.legalBases', 6, place.text] }], preview: { before: 'x', after: 'x' } },
    });
    expect(ctx.out.map((f) => f.fix)).toEqual([undefined, undefined]);
    // A real change keeps its fix and its preview.
    ctx.add('years.title', 'warning', place.path, { found: 'năm 2021', year: 2024 }, { fix: spanFix(place, at, at + 4, '2024', 'year', { from: 2021, to: 2024 }) });
    expect(ctx.out[2].fix?.preview).toBeDefined();
    expect(ctx.out[2].fix!.preview!.after).toContain('18/10/2024');
  });
});
