/**
 * The one catalogue: the screen texts (renderer/src/locales) and the messages the core and the command line also
 * say (electron/core/model/messages) exist in both languages, with the same placeholders, none left empty, and the
 * core's `translate` reads the same files the UI merges.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGE_FILES, translate, withProblemLines, linesValue } from '../../electron/core/model/messages';

const root = new URL('../../', import.meta.url).pathname;
/** The two folders of the catalogue: screen texts, and the messages shared with the core and the command line. */
const DIRS = ['renderer/src/locales', 'electron/core/model/messages'];

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function load(lang: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const dir of DIRS) {
    for (const file of readdirSync(join(root, dir, lang))) Object.assign(out, { [`${dir}/${file}`]: JSON.parse(readFileSync(join(root, dir, lang, file), 'utf8')) });
  }
  return out;
}

function at(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, k) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined), obj);
}

/** `{{name}}` placeholders of a text, sorted and unique. */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();
}

describe('UI strings and messages', () => {
  const vi = load('vi');
  const en = load('en');
  it('has the same files and keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    expect(keys(en).sort()).toEqual(keys(vi).sort());
  });
  it('has no empty string and Vietnamese in NFC', () => {
    const values = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as object).flatMap(values));
    for (const v of values(vi)) {
      expect(v.trim()).not.toBe('');
      expect(v).toBe(v.normalize('NFC'));
    }
    for (const v of values(en)) expect(v.trim()).not.toBe('');
  });
  it('fills the same placeholders in both languages', () => {
    const differ = keys(vi).filter((k) => {
      // Keys are `folder/file.json.path`: the file name's dot is part of the first key.
      const [file, ...rest] = k.split('.json.');
      const path = rest.join('.json.');
      const v = at(vi[`${file}.json`], path);
      const e = at(en[`${file}.json`], path);
      return typeof v === 'string' && typeof e === 'string' && placeholders(v).join() !== placeholders(e).join();
    });
    expect(differ).toEqual([]);
  });
  it('loads every message file into the core catalogue, which translates with values in either language', () => {
    for (const lang of ['vi', 'en'] as const) {
      expect(Object.keys(MESSAGE_FILES[lang]).sort()).toEqual(readdirSync(join(root, 'electron/core/model/messages', lang)).sort());
    }
    expect(translate('cli.wrote', { file: 'a.docx' })).toBe('Đã ghi a.docx');
    expect(translate('cli.wrote', { file: 'a.docx' }, 'en')).toBe('Wrote a.docx');
    expect(translate('no.such.key')).toBe('no.such.key');
    const lines = linesValue([{ key: 'exchangeProblem.required', values: { path: 'issuer.place' } }, { key: 'exchangeProblem.more', values: { count: 3 } }]);
    expect(withProblemLines({ lines }, (k, v) => translate(k, v, 'vi')).problems).toBe('issuer.place: thiếu trường này; hãy thêm nó\n  … và 3 vấn đề khác');
  });
  it('keeps screen texts and shared messages apart: no top-level key is in both folders with the same leaf', () => {
    const screen = keys(Object.fromEntries(Object.entries(vi).filter(([f]) => f.startsWith('renderer')).map(([, v]) => ['x', v]))).map((k) => k.replace(/^x\./, ''));
    const shared = keys(Object.fromEntries(Object.entries(vi).filter(([f]) => f.startsWith('electron')).map(([, v]) => ['x', v]))).map((k) => k.replace(/^x\./, ''));
    expect(screen.filter((k) => shared.includes(k))).toEqual([]);
  });
});
