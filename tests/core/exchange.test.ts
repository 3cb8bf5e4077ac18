/** The exchange file: canonical bytes, validation that reports every problem with its path, hostile input, and no partial import. */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonPointerToPath, parseExchange, serializeExchange } from '../../electron/core/exchange/exchange';
import { IMPORT_JSON_MAX_DEPTH as EXCHANGE_MAX_DEPTH } from '../../electron/core/files/input-guard';
import { loadSamplePackage, SAMPLE_FILE } from '../../electron/core/sample';
import { resourcePath } from '../../electron/core/resources';
import { UserError } from '../../electron/core/errors';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { insertPackage, listPlans, loadPlan } from '../../electron/core/store/plans';
import { removeTempDirs, tempStore } from './helpers';

afterEach(removeTempDirs);

const sampleText = readFileSync(resourcePath('sample', SAMPLE_FILE), 'utf8');
/** A fresh, mutable copy of the sample file as plain JSON. */
const sampleJson = () => JSON.parse(sampleText);

function problemsOf(text: string, fileName = 'plan.json'): { message: string; problems: string[] } {
  try {
    parseExchange(text, fileName);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return { message: (e as UserError).message, problems: (e as UserError).problems };
  }
  throw new Error('the file was accepted');
}

describe('exchange file', () => {
  it('serialize → parse → serialize gives identical bytes for the sample (and equals the bundled file)', () => {
    const first = serializeExchange(loadSamplePackage());
    const second = serializeExchange(parseExchange(first, 'x.json'));
    expect(second).toBe(first);
    expect(first).toBe(sampleText);
    expect(first.endsWith('}\n')).toBe(true);
  });

  it('writes no store ids, even for a package loaded from the store', () => {
    const { db } = tempStore();
    try {
      const id = insertPackage(db, loadSamplePackage());
      const loaded = loadPlan(db, id).pkg;
      expect(loaded.appendix.groups[0].id).toBeTypeOf('number');
      const text = serializeExchange(loaded);
      expect(text).not.toMatch(/"id":/);
      expect(text).toBe(sampleText);
    } finally {
      db.close();
    }
  });

  it('turns JSON pointers into field paths', () => {
    expect(jsonPointerToPath('/appendix/groups/2/rows/4/lead')).toBe('appendix.groups[2].rows[4].lead');
    expect(jsonPointerToPath('')).toBe('(root)');
    expect(jsonPointerToPath('/a~1b/c~0d')).toBe('a/b.c~d');
  });

  it('reports every semantic problem at once, each with its field path', () => {
    const doc = sampleJson();
    doc.appendix.groups[3].rows[4].lead = 'Sở Nội vụ';
    doc.appendix.groups[0].rows[1].cooperate = [{ agency: 'so-khong-co', after: '' }];
    doc.appendix.groups[5].rows[0].budget = 'x';
    doc.appendix.groups[1].rows[0].task = [{ agency: 'so-noi-vu', after: '' }];
    doc.decision.date = '2023-02-30';
    doc.agencies.push({ key: doc.agencies[0].key, name: 'Trùng' });
    const { message, problems } = problemsOf(JSON.stringify(doc));
    expect(message).toContain('plan.json');
    const expected = [
      /^appendix\.groups\[3\]\.rows\[4\]\.lead: must be a list of agencies/,
      /^appendix\.groups\[0\]\.rows\[1\]\.cooperate\[0\]\.agency: "so-khong-co" is not in the agencies list/,
      /^appendix\.groups\[5\]\.rows\[0\]\.budget: no column has the key "budget"/,
      /^appendix\.groups\[1\]\.rows\[0\]\.task: must be text/,
      /^decision\.date: "2023-02-30" is not a real date/,
      /^agencies\[\d+\]\.key: ".*" is used twice/,
    ];
    for (const re of expected) expect(problems.some((p) => re.test(p)), String(re)).toBe(true);
    expect(problems).toHaveLength(expected.length);
    for (const p of problems) expect(message).toContain(p);
  });

  it('reports every schema problem at once: missing field, wrong enum, wrong type, unknown field', () => {
    const doc = sampleJson();
    delete doc.issuer.place;
    doc.appendix.columns[2].kind = 'people';
    doc.plan.body[2].children[0].kind = 'chapter';
    doc.year = '2024';
    doc.decision.signer.prefix = 'KT';
    doc.extra = true;
    const { problems } = problemsOf(JSON.stringify(doc));
    const has = (re: RegExp) => expect(problems.some((p) => re.test(p)), `${re} in\n${problems.join('\n')}`).toBe(true);
    has(/^issuer\.place: is missing/);
    has(/^appendix\.columns\[2\]\.kind: must be one of/);
    has(/^plan\.body\[2\]\.children\[0\]\.kind: must be one of/);
    has(/^year: /);
    has(/^decision\.signer\.prefix: must be one of/);
    has(/unknown field "extra"/);
  });

  it('a standalone Plan needs plan.issuance; a Decision plan must not have one', () => {
    const doc = sampleJson();
    doc.decision = null;
    expect(problemsOf(JSON.stringify(doc)).problems).toEqual([expect.stringMatching(/^plan\.issuance: a standalone Plan/)]);
    const both = sampleJson();
    both.plan.issuance = { number: '1', symbol: 'KH-UBND', date: null, recipients: [], signer: both.decision.signer };
    expect(problemsOf(JSON.stringify(both)).problems).toEqual([expect.stringMatching(/^plan\.issuance: a Plan issued with a Decision/)]);
    // With its issuance a standalone plan is accepted.
    doc.plan.issuance = { number: '12', symbol: 'KH-UBND', date: '2024-01-05', recipients: ['Lưu: VT.'], signer: both.decision.signer };
    const pkg = parseExchange(JSON.stringify(doc));
    expect(pkg.decision).toBeNull();
    expect(pkg.plan.issuance!.number).toBe('12');
  });

  it('refuses JSON that is not a plan file, a newer version, and invalid JSON, naming the file', () => {
    expect(problemsOf('{"title": "x"}', 'dir/other.json').message).toMatch(/^other\.json: not a Soạn Kế hoạch plan file/);
    expect(problemsOf('[1, 2]').message).toMatch(/not a Soạn Kế hoạch plan file/);
    expect(problemsOf('"soan-ke-hoach/plan"').message).toMatch(/not a Soạn Kế hoạch plan file/);
    const v2 = sampleJson();
    v2.version = 3;
    expect(problemsOf(JSON.stringify(v2), 'next.json').message).toMatch(/^next\.json: .*newer/);
    expect(problemsOf('{"format": "soan-ke-hoach/plan", ', 'broken.json').message).toMatch(/^broken\.json: not valid JSON/);
    expect(problemsOf('').message).toMatch(/not valid JSON/);
  });

  it('refuses a nesting-depth bomb before JSON.parse', () => {
    const bomb = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(problemsOf(bomb, 'bomb.json').message).toMatch(/^bomb\.json: .*nested/);
    // Brackets inside strings do not count; a real deep-but-legal nesting does.
    const doc = sampleJson();
    doc.title = '['.repeat(400);
    expect(parseExchange(JSON.stringify(doc)).title).toBe('['.repeat(400));
    const deep = sampleJson();
    let node = deep.plan.body[0];
    for (let i = 0; i < EXCHANGE_MAX_DEPTH; i++) {
      const child = { kind: 'dash', heading: false, text: [{ text: `${i}` }], children: [] };
      node.children.push(child);
      node = child;
    }
    expect(problemsOf(JSON.stringify(deep)).message).toMatch(/nested/);
  });

  it('accepts a UTF-8 BOM', () => {
    expect(serializeExchange(parseExchange('\ufeff' + sampleText))).toBe(sampleText);
  });

  it('NFD input comes out NFC everywhere', () => {
    const nfdText = sampleText.normalize('NFD');
    expect(nfdText).not.toBe(sampleText);
    const pkg = parseExchange(nfdText);
    expect(serializeExchange(pkg)).toBe(sampleText);
    expect(pkg.appendix.groups[0].rows[0].cells.task).toBe(loadSamplePackage().appendix.groups[0].rows[0].cells.task);
    expect(pkg.agencies[0].name).toBe(pkg.agencies[0].name.normalize('NFC'));
  });

  it('a file that fails validation changes nothing in the store (import through the service)', async () => {
    const { db } = tempStore();
    try {
      const api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
      await api.importPlan('good.json', sampleText);
      const before = listPlans(db);
      const tables = ['plans', 'plan_fields', 'body_nodes', 'appendix_rows', 'row_mentions', 'agencies'];
      const counts = () => tables.map((t) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n);
      const countsBefore = counts();
      const bad = sampleJson();
      bad.appendix.groups[6].rows[13].lead = [{ agency: 'khong-co', after: '' }];
      await expect(api.importPlan('bad.json', JSON.stringify(bad))).rejects.toThrow(/bad\.json: not a valid plan file/);
      await expect(api.importPlan('bad2.json', '{')).rejects.toThrow(/bad2\.json/);
      expect(listPlans(db)).toEqual(before);
      expect(counts()).toEqual(countsBefore);
    } finally {
      db.close();
    }
  });
});
