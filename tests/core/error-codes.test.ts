/** Every code a coded UserError can carry has a translation in both languages; the IPC encoding round-trips. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeErrorMessage, encodeErrorMessage } from '../../electron/core/api/contract';
import { UserError } from '../../electron/core/errors';

const root = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
  );
}

/** `UserError.coded('plan.notFound', …)`, and the lock's `{ code: 'store.locked', … }`. */
const CODED = /(?:UserError\.coded\(\s*|\bcode: )'([a-z]+\.[A-Za-z]+)'/g;

function thrownCodes(): string[] {
  const codes = new Set<string>();
  for (const file of sources(join(root, 'electron/core'))) for (const m of readFileSync(file, 'utf8').matchAll(CODED)) codes.add(m[1]);
  return [...codes].sort();
}

function translation(lang: string, code: string): unknown {
  const errors = (JSON.parse(readFileSync(join(root, 'renderer/src/locales', lang, 'errors.json'), 'utf8')) as { errors: unknown }).errors;
  return code.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), errors);
}

describe('coded errors', () => {
  const codes = thrownCodes();
  it('are found in the core', () => {
    expect(codes).toContain('plan.notFound');
    expect(codes).toContain('store.locked');
    expect(codes.length).toBeGreaterThan(40);
  });
  it.each(['vi', 'en'])('every code has a %s translation', (lang) => {
    const missing = codes.filter((code) => typeof translation(lang, code) !== 'string');
    expect(missing).toEqual([]);
  });
  it('keep the English message and problems, and the old constructor still works', () => {
    const e = UserError.coded('plan.notFound', { id: 7 }, 'No plan has the id 7.');
    expect(e).toMatchObject({ message: 'No plan has the id 7.', code: 'plan.notFound', params: { id: 7 }, problems: [] });
    const plain = new UserError('x', ['a']);
    expect(plain.code).toBeUndefined();
    expect(plain.problems).toEqual(['a']);
  });
  it('travel through an Error message (the preload) and back', () => {
    const encoded = encodeErrorMessage({ error: 'No plan has the id 7.', userError: true, code: 'plan.notFound', params: { id: 7 } });
    expect(decodeErrorMessage(encoded)).toEqual({ message: 'No plan has the id 7.', code: 'plan.notFound', params: { id: 7 } });
    expect(encodeErrorMessage({ error: 'plain', userError: true })).toBe('plain');
    expect(decodeErrorMessage('plain')).toEqual({ message: 'plain' });
  });
});
