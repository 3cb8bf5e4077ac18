/** validateCall: the argument check both transports run before anything reaches the store. */
import { describe, expect, it } from 'vitest';
import { isApiMethod, validateCall } from '../../electron/core/api/validate';
import { API_METHODS } from '../../electron/core/api/methods';
import { UserError } from '../../electron/core/errors';
import { EXPECTATIONS } from '../../electron/core/api/args';
import { readFileSync } from 'node:fs';
import i18next from 'i18next';
import { join } from 'node:path';

const column = { key: 'product', caption: 'Sản phẩm', kind: 'text', role: null, width: 30, hidden: false };
const node = { kind: 'item', heading: false, text: [{ text: 'a', bold: true }] };

/** The code and values of the error a call is refused with: what the UI translates. */
function codeOf(method: string, args: unknown): { code?: string; params?: unknown } {
  try {
    validateCall(method, args);
  } catch (e) {
    return { code: (e as UserError).code, params: (e as UserError).params };
  }
  throw new Error(`${method}(${JSON.stringify(args)}) was accepted`);
}

function refused(method: string, args: unknown): string {
  try {
    validateCall(method, args);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as Error).message;
  }
  throw new Error(`${method}(${JSON.stringify(args)}) was accepted`);
}

describe('validateCall', () => {
  it('knows every method of the contract and nothing else', () => {
    for (const m of API_METHODS) expect(isApiMethod(m), m).toBe(true);
    for (const m of ['', 'dropDatabase', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf']) {
      expect(isApiMethod(m), m).toBe(false);
      expect(refused(m, [])).toMatch(/Unknown operation/);
      expect(codeOf(m, [])).toEqual({ code: 'api.unknownMethod', params: { method: m } });
    }
    expect(isApiMethod(42)).toBe(false);
  });

  it('accepts the right shapes', () => {
    const ok: Array<[string, unknown[]]> = [
      ['appInfo', []],
      ['listPlans', []],
      ['openPlan', [1]],
      ['createPlan', ['sample']],
      ['createPlan', ['blank', 2025]],
      ['renamePlan', [3, 'Tên mới']],
      ['importPlan', ['a.json', '{}']],
      ['exportPlan', [1, 'docx', ['decision', 'appendix']]],
      ['exportPlan', [1, 'xlsx']],
      ['setField', [1, 'decision.date', null]],
      ['setField', [1, 'decision.number', '12']],
      ['insertListItem', [1, 'decision.legalBases', 0, 'Căn cứ;']],
      ['insertListItem', [1, 'decision.articles', 0, [{ text: 'x' }, { text: 'y', italic: true }]]],
      ['insertBodyNode', [1, null, 0, node]],
      ['insertBodyNode', [1, 5, 2, node]],
      ['updateBodyNode', [1, 5, { text: [{ text: 'b' }] }]],
      ['updateBodyNode', [1, 5, {}]],
      ['moveBodyNode', [1, 5, null, 0]],
      ['addColumn', [1, 3, column]],
      ['updateColumn', [1, 'product', { width: 40, role: 'note' }]],
      ['updateColumn', [1, 'product', { role: null }]],
      ['insertRow', [1, 2, 0]],
      ['insertRow', [1, 2, 0, { task: 'x', lead: [{ agency: 'so-noi-vu', after: '' }] }]],
      ['setCell', [1, 2, 'lead', [{ agency: 'so-noi-vu', after: '; ' }]]],
      ['setCell', [1, 2, 'task', 'x']],
      ['moveRow', [1, 2, 3, 0]],
      ['mergeAgencies', [1, 'a', 'b']],
    ];
    for (const [method, args] of ok) expect(() => validateCall(method, args), `${method} ${JSON.stringify(args)}`).not.toThrow();
  });

  it('rejects wrong types, naming the argument', () => {
    expect(refused('openPlan', ['1'])).toMatch(/openPlan#1: expected an id/);
    expect(refused('openPlan', [0])).toMatch(/openPlan#1/);
    expect(refused('openPlan', [1.5])).toMatch(/openPlan#1/);
    expect(refused('openPlan', [])).toMatch(/openPlan#1/);
    expect(refused('openPlan', [null])).toMatch(/openPlan#1/);
    expect(refused('renamePlan', [1, 5])).toMatch(/renamePlan#2: expected text/);
    expect(refused('renamePlan', [1, 'x'.repeat(2_000_001)])).toMatch(/renamePlan#2/);
    expect(refused('setPlanYear', [1, '2025'])).toMatch(/setPlanYear#2: expected a whole number/);
    expect(refused('createPlan', ['copy'])).toMatch(/createPlan#1: expected one of "sample", "blank"/);
    expect(refused('exportPlan', [1, 'pdf'])).toMatch(/exportPlan#2/);
    expect(refused('exportPlan', [1, 'docx', ['cover']])).toMatch(/exportPlan#3\[0\]/);
    expect(refused('setField', [1, 'decision.number', 12])).toMatch(/setField#3/);
    expect(refused('insertListItem', [1, 'decision.articles', 0, [{ text: 1 }]])).toMatch(/insertListItem#4\[0\]\.text/);
    expect(refused('insertListItem', [1, 'decision.articles', 0, [{ text: 'a', bold: 'yes' }]])).toMatch(/insertListItem#4\[0\]\.bold/);
    expect(refused('insertBodyNode', [1, null, 0, { ...node, kind: 'chapter' }])).toMatch(/insertBodyNode#4\.kind/);
    expect(refused('insertBodyNode', [1, 'root', 0, node])).toMatch(/insertBodyNode#2/);
    expect(refused('insertBodyNode', [1, null, 0, { kind: 'item', heading: false }])).toMatch(/insertBodyNode#4\.text/);
    expect(refused('addColumn', [1, 0, { ...column, width: '30' }])).toMatch(/addColumn#3\.width/);
    expect(refused('addColumn', [1, 0, { ...column, width: Infinity }])).toMatch(/addColumn#3\.width/);
    expect(refused('addColumn', [1, 0, { ...column, role: 'boss' }])).toMatch(/addColumn#3\.role/);
    expect(refused('setCell', [1, 2, 'lead', [{ agency: 'a' }]])).toMatch(/setCell#4\[0\]\.after/);
    expect(refused('setCell', [1, 2, 'lead', 7])).toMatch(/setCell#4/);
    expect(refused('insertRow', [1, 2, 0, ['x']])).toMatch(/insertRow#4/);
    expect(refused('insertRow', [1, 2, 0, { task: 5 }])).toMatch(/insertRow#4\.task/);
    expect(refused('moveRow', [1, 2, null, 0])).toMatch(/moveRow#3/);
  });

  it('says it with one code the catalogue words: the argument\'s path and what it should be', () => {
    expect(codeOf('openPlan', ['1'])).toEqual({ code: 'api.badArgument', params: { path: 'openPlan#1', expected: 'id' } });
    expect(codeOf('createPlan', ['copy'])).toEqual({ code: 'api.badArgument', params: { path: 'createPlan#1', expected: 'oneOf', options: '"sample", "blank"' } });
    expect(codeOf('setCell', [1, 2, 'lead', [{ agency: 'a' }]])).toEqual({ code: 'api.badArgument', params: { path: 'setCell#4[0].after', expected: 'missing' } });
    expect(codeOf('addColumn', [1, 0, { ...column, formula: '=A1' }])).toEqual({ code: 'api.badArgument', params: { path: 'addColumn#3.formula', expected: 'unknownField' } });
    expect(codeOf('takeProposal', [1, { kind: 'merge' }, {}, { file: 'a', department: 'b' }])).toMatchObject({ params: { path: 'takeProposal#2.kind', expected: 'oneOf' } });
    expect(codeOf('importXlsx', ['a.xlsx', 'not base64!'])).toMatchObject({ params: { path: 'importXlsx#2', expected: 'base64' } });
    // The two checks with codes of their own keep them.
    expect(codeOf('setPlanYear', [1, 1800])).toMatchObject({ code: 'plan.badYear' });
    expect(codeOf('setCell', [1, 2, 'constructor', 'x'])).toMatchObject({ code: 'key.reserved', params: { key: 'constructor', where: 'setCell#3' } });
    expect(codeOf('insertRow', [1, 2, 0, JSON.parse('{"__proto__": "x"}')])).toMatchObject({ code: 'key.reserved', params: { key: '__proto__' } });
  });

  it('rejects extra arguments and a non-list of arguments', () => {
    expect(refused('listPlans', [1])).toMatch(/at most 0/);
    expect(refused('openPlan', [1, 2])).toMatch(/at most 1/);
    expect(refused('deleteRow', [1, 2, 3])).toMatch(/at most 2/);
    expect(refused('openPlan', { 0: 1 })).toMatch(/openPlan: expected a list of arguments/);
    expect(refused('openPlan', 1)).toMatch(/openPlan: expected a list of arguments/);
    expect(codeOf('openPlan', 1)).toEqual({ code: 'api.badArgument', params: { path: 'openPlan', expected: 'argumentList' } });
    expect(codeOf('deleteRow', [1, 2, 3])).toEqual({ code: 'api.badArgument', params: { path: 'deleteRow', expected: 'atMostArguments', max: 2 } });
  });

  it('rejects unknown fields in objects, whatever their name', () => {
    expect(refused('addColumn', [1, 0, { ...column, formula: '=A1' }])).toMatch(/addColumn#3\.formula: unknown field/);
    expect(refused('updateColumn', [1, 'k', { kind: 'agencies' }])).toMatch(/updateColumn#3\.kind: unknown field/);
    expect(refused('updateColumn', [1, 'k', { key: 'other' }])).toMatch(/updateColumn#3\.key: unknown field/);
    expect(refused('updateBodyNode', [1, 2, { children: [] }])).toMatch(/updateBodyNode#3\.children/);
    expect(refused('insertListItem', [1, 'decision.articles', 0, [{ text: 'a', color: 'red' }]])).toMatch(/color/);
    // Names that exist on every object's prototype are unknown fields too.
    for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const withField = JSON.parse(`{"caption":"x","${name}":"y"}`);
      expect(Object.keys(withField)).toContain(name);
      expect(refused('updateColumn', [1, 'k', withField]), name).toMatch(new RegExp(`updateColumn#3\\.${name}: unknown field`));
      expect(refused('setCell', [1, 2, 'lead', [JSON.parse(`{"agency":"a","after":"","${name}":1}`)]]), name).toMatch(/unknown field/);
    }
  });

  it('a partial patch may leave fields out but not set them to a wrong type', () => {
    expect(() => validateCall('updateColumn', [1, 'k', {}])).not.toThrow();
    expect(refused('updateColumn', [1, 'k', { hidden: 'no' }])).toMatch(/updateColumn#3\.hidden/);
    expect(refused('updateBodyNode', [1, 2, { heading: null }])).toMatch(/updateBodyNode#3\.heading/);
  });
});

describe('the catalogue words every expectation', () => {
  it.each(['vi', 'en'])('%s: errors.api.expected.<code> for each code validateCall can send', (lang) => {
    const errors = JSON.parse(readFileSync(join(import.meta.dirname, '../../electron/core/model/messages', lang, 'errors.json'), 'utf8')).errors;
    const words = errors.api.expected as Record<string, string>;
    expect(Object.keys(words).sort()).toEqual(Object.keys(EXPECTATIONS).sort());
    for (const [code, text] of Object.entries(words)) {
      // The values a code carries ({{options}}, {{max}}) are in its words in both languages.
      for (const name of EXPECTATIONS[code as keyof typeof EXPECTATIONS].match(/\{\{\w+\}\}/g) ?? []) expect(text, `${lang} ${code}`).toContain(name);
    }
    expect(errors.api.badArgument).toContain('$t(errors.api.expected.{{expected}})');
  });
});

describe('an api.badArgument error as the UI shows it', () => {
  it('is worded in full in vi and en: the path and the expectation nested into one sentence', async () => {
    const resources = Object.fromEntries(['vi', 'en'].map((lang) => [lang, { translation: JSON.parse(readFileSync(join(import.meta.dirname, '../../electron/core/model/messages', lang, 'errors.json'), 'utf8')) }]));
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'vi', interpolation: { escapeValue: false }, showSupportNotice: false } as Parameters<typeof i18n.init>[0]);
    const e = (() => {
      try {
        validateCall('createPlan', ['copy']);
      } catch (err) {
        return err as UserError;
      }
      throw new Error('accepted');
    })();
    const vi = i18n.t(`errors.${e.code}`, e.params);
    expect(vi).toBe('Ứng dụng gửi createPlan#1 ở dạng không được chấp nhận: cần một trong các giá trị "sample", "blank". Đây là lỗi của ứng dụng; chưa có gì bị thay đổi.');
    expect(i18n.t(`errors.${e.code}`, { ...e.params, lng: 'en' })).toContain('createPlan#1 in a form it does not accept: one of "sample", "blank" was expected.');
    for (const expected of Object.keys(EXPECTATIONS)) {
      for (const lng of ['vi', 'en']) {
        const text = i18n.t('errors.api.badArgument', { path: 'm#1', expected, options: '"a"', max: 2, lng });
        expect(text, `${lng} ${expected}`).not.toMatch(/\$t\(|\{\{|errors\.api/);
      }
    }
  });
});
