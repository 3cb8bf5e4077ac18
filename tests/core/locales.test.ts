/** Every UI string exists in both languages, and no translation is left empty. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = new URL('../../renderer/src/locales/', import.meta.url).pathname;

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function load(lang: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const file of readdirSync(join(dir, lang))) Object.assign(out, { [file]: JSON.parse(readFileSync(join(dir, lang, file), 'utf8')) });
  return out;
}

describe('UI strings', () => {
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
});
