/**
 * The checker speaks with the one catalogue's voice: every finding's message and every fix label is a key of
 * `electron/core/model/messages/{vi,en}/checks.json` read through `translate`, and words passed as values (where
 * a second place is, the plan's period, a body level, a document type) are codes of that catalogue too.
 *
 * - the catalogue: every `checks.*` key has a text in both languages with the same placeholders; every rule the
 *   checker reports and every fix it offers has a text, and no text is left without a rule;
 * - the sources: no checker file holds message text (no vi/en pairs, no test of the language, no sentence in a
 *   string), and `message`/`label` are built in one place, by the catalogue;
 * - the output: on seven packages, the Vietnamese findings carry no English and the English ones are translated,
 *   with every value filled in.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExchange } from '../../electron/core/exchange/exchange';
import { loadSamplePackage } from '../../electron/core/sample';
import type { PlanPackage } from '../../electron/core/model';
import { hasMessage, translate } from '../../electron/core/model/messages';
import { checkPlan, type Finding } from '../../electron/core/checks';
import { roughPackage, standalonePackage } from './fixtures/packages';

const root = new URL('../../', import.meta.url).pathname;
const CHECKS_DIR = join(root, 'electron/core/checks');
const catalogue = (lang: string) => JSON.parse(readFileSync(join(root, 'electron/core/model/messages', lang, 'checks.json'), 'utf8')) as { checks: Tree };
type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix: string): Array<[key: string, text: string]> {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}.${k}`, v] as [string, string]] : leaves(v, `${prefix}.${k}`)));
}
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

/** The checker's sources without their comments (which explain rules in both languages on purpose). */
const sources: Array<[file: string, code: string]> = readdirSync(CHECKS_DIR)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => [f, readFileSync(join(CHECKS_DIR, f), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1')]);

/** The string and template literals of a source, as written. */
const literals = (code: string) => [...code.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? m[3]);

/** Words a message says and document text never does (agency names, dates, citations the rules match). */
const MESSAGE_WORDS = /(?<![\p{L}])(?:the|is|are|must|has|not|with|before|after|of|chưa|phải|không|nên|cần|sai|thiếu|thừa|của)(?![\p{L}])/iu;

describe('the checker’s texts live in the one catalogue', () => {
  const vi = leaves(catalogue('vi').checks, 'checks');
  const en = new Map(leaves(catalogue('en').checks, 'checks'));

  it('has every checks.* key in both languages, non-empty, with the same placeholders', () => {
    expect(vi.length).toBeGreaterThan(80);
    expect([...en.keys()].sort()).toEqual(vi.map(([k]) => k).sort());
    for (const [key, text] of vi) {
      expect(hasMessage(key, 'vi') && hasMessage(key, 'en'), key).toBe(true);
      expect(text.trim(), key).not.toBe('');
      expect(text, key).toBe(text.normalize('NFC'));
      expect(en.get(key)!.trim(), key).not.toBe('');
      expect(placeholders(en.get(key)!), key).toEqual(placeholders(text));
    }
  });

  it('has a text for every rule the sources report and every fix they offer, and none for a rule that does not exist', () => {
    const all = sources.map(([, code]) => code).join('\n');
    // `ctx.add('rule', …)` and the capitals rules' `report(ctx, place, 'rule', …)`.
    const reported = new Set([...all.matchAll(/(?:ctx\.add|report\(ctx, \w+,)\(?\s*'([\w-]+\.[\w-]+)'/g)].map((m) => m[1]));
    const fixes = new Set([...all.matchAll(/\bkey: '(\w+)'/g), ...all.matchAll(/spanFix\([^;]*?, '(\w+)'(?:, \{[^}]*\})?\)/g)].map((m) => m[1]));
    const rules = vi.filter(([k]) => k.startsWith('checks.rule.')).map(([k]) => k.slice('checks.rule.'.length));
    const labels = vi.filter(([k]) => k.startsWith('checks.fix.')).map(([k]) => k.slice('checks.fix.'.length));
    expect([...reported].sort()).toEqual(rules.sort());
    expect([...fixes].sort()).toEqual(labels.sort());
    // The codes passed as values (`periodKey: 'checks.period.year'`, `nameKey: 'checks.docType.plan'` …).
    const codes = sources.flatMap(([, code]) => literals(code)).filter((t) => /^checks\.[\w.-]+$/.test(t));
    expect(codes.length).toBeGreaterThanOrEqual(4);
    for (const code of codes) expect(hasMessage(code, 'vi') && hasMessage(code, 'en'), code).toBe(true);
  });

  it('keeps no message text in the checker’s sources: no vi/en pairs, no test of the language, no sentence', () => {
    expect(readdirSync(CHECKS_DIR)).not.toContain('messages.ts');
    for (const [file, code] of sources) {
      // The old forms: `{ vi: '…', en: '…' }` tables, `kindEn:` values beside `kind:`, `KIND_NAMES[k].vi`, `lang === 'vi' ? … : …`.
      expect(code, file).not.toMatch(/\b(?:vi|en)\s*:\s*['"`]/);
      expect(code, file).not.toMatch(/\b\w+En\s*:/);
      expect(code, file).not.toMatch(/\.(?:vi|en)\b/);
      expect(code, file).not.toMatch(/\blang\s*[!=]==|[!=]==\s*'(?:vi|en)'|\bvi\s*\?/);
      // A literal without a space is an id or a path (`abbreviations.before-definition`), not a sentence.
      expect(literals(code).filter((t) => /\s/.test(t) && MESSAGE_WORDS.test(t)), file).toEqual([]);
      // A finding's `message` and a fix's `label` are made in `Ctx.add`, by the catalogue, and nowhere else.
      const made = [...code.matchAll(/\b(message|label)\s*:\s*(?=\S)(?!string\b)(.{0,21})/g)].map((m) => `${m[1]}: ${m[2]}`);
      expect(made, file).toEqual(file === 'context.ts' ? ['message: this.say(`checks.rule', 'label: this.say(`checks.fix.'] : []);
    }
  });
});

describe('the checker’s findings in each language', () => {
  const DIR = join(__dirname, 'fixtures', 'real-packages');
  const real = readdirSync(DIR).filter((f) => f.endsWith('.json') && f !== 'judged.json');
  const packages: Array<[name: string, pkg: () => PlanPackage]> = [
    ['sample', loadSamplePackage],
    ['rough', roughPackage],
    ['standalone', standalonePackage],
    ...real.map((f): [string, () => PlanPackage] => [f, () => parseExchange(readFileSync(join(DIR, f), 'utf8'), f)]),
  ];
  /** Words of the English texts; none belongs in a Vietnamese message (document text quoted in it included). */
  const ENGLISH = /(?<![\p{L}])(?:the|is|are|must|has|and|of|with|before|after|Decision|Plan|appendix|task|year|period|Change|Move|Add|Remove|Rename|Merge)(?![\p{L}])/u;

  it.each(packages)('%s: Vietnamese has no English, English is translated, every value is filled', (_name, make) => {
    const pkg = make();
    const vi = checkPlan(pkg);
    const en = checkPlan(pkg, { lang: 'en' });
    expect(vi.length).toBeGreaterThan(0);
    expect(en.map((f) => `${f.rule} ${f.path}`)).toEqual(vi.map((f) => `${f.rule} ${f.path}`));
    const texts = (fs: Finding[]) => fs.flatMap((f) => [f.message, ...(f.fix ? [f.fix.label] : [])]);
    for (const t of [...texts(vi), ...texts(en)]) {
      expect(t).not.toMatch(/\{\{|\bchecks\.\w/);
    }
    for (const t of texts(vi)) expect(t).not.toMatch(ENGLISH);
    vi.forEach((f, i) => expect(en[i].message).not.toBe(f.message));
  });

  it('words a second place, a period, a body level and a meaning by their codes in the asked language', () => {
    const one = (pkg: PlanPackage, rule: string) => [checkPlan(pkg), checkPlan(pkg, { lang: 'en' })].map((fs) => fs.filter((f) => f.rule === rule));
    const load = (f: string) => parseExchange(readFileSync(join(DIR, f), 'utf8'), f);
    const [viAgencies, enAgencies] = one(loadSamplePackage(), 'agencies.variants');
    expect(viAgencies.map((f) => f.message.replace(/.*\(/, '('))).toEqual(['(danh mục cơ quan).', '(nơi nhận của Quyết định).']);
    expect(enAgencies.map((f) => f.message.replace(/.*\(/, '('))).toEqual(['(the agency directory).', '(the Decision’s recipients).']);
    expect(enAgencies.map((f) => f.fix?.label)).toEqual(['Merge into “Sở Thông tin và Truyền thông”', 'Rename to “Trường Chính trị tỉnh”']);
    const [[viNesting], [enNesting]] = one(loadSamplePackage(), 'body.nesting');
    expect(viNesting.message).toContain('đang cùng cấp với nó (mục 1, 2) nên bị đánh số lại từ đầu ngay bên dưới; cần đưa xuống cấp điểm a), b).');
    expect(enNesting.message).toContain('are at its own level (items 1, 2) and are numbered again right under it; they belong one level down (points a), b)).');
    const [[viPeriod], [enPeriod]] = one(load('cchc-2023-quang-tri.json'), 'rows.deadline-year');
    expect(viPeriod.message).toBe('Thời gian hoàn thành của nhiệm vụ 3 («Quý II/2022») nằm ngoài năm 2023 của kế hoạch.');
    expect(enPeriod.message).toBe('The deadline of task 3 (“Quý II/2022”) lies outside the plan’s year 2023.');
    expect([translate('checks.period.years', { periodStart: 2021, periodEnd: 2025 }), translate('checks.period.years', { periodStart: 2021, periodEnd: 2025 }, 'en')]).toEqual([
      'giai đoạn 2021-2025',
      'period 2021-2025',
    ]);
    const [[viSpecial], [enSpecial]] = one(load('tuyen-truyen-2022-binh-phuoc.json'), 'capitals.special');
    expect(viSpecial.message).toMatch(/^«nhà nước» ở đây chỉ Nhà nước nên viết hoa: «Nhà nước»/);
    expect(enSpecial.message).toMatch(/^“nhà nước” stands for the State here and is capitalised: “Nhà nước”/);
  });
});
