/**
 * Every code a coded UserError can carry has a translation in both languages, every translated code is thrown
 * somewhere, every UserError a person can meet is coded, and the IPC encoding round-trips.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeErrorMessage, encodeErrorMessage } from '../../electron/core/api/contract';
import { importDocx } from '../../electron/core/import/docx';
import { errorText, UserError } from '../../electron/core/errors';

const root = new URL('../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
  );
}

/** `UserError.coded('plan.notFound', …)`, and the lock's `{ code: 'store.locked', … }`. */
const CODED = /(?:UserError\.coded\(\s*|\bcode: )'([a-z]+\.[A-Za-z]+)'/g;

/** The core and the command line: where coded errors are thrown. */
const THROWING = ['electron/core', 'electron/cli'];

function thrownCodes(): string[] {
  const codes = new Set<string>();
  for (const dir of THROWING) for (const file of sources(join(root, dir))) for (const m of readFileSync(file, 'utf8').matchAll(CODED)) codes.add(m[1]);
  return [...codes].sort();
}

/** The catalogue's errors (electron/core/model/messages/<lang>/errors.json). */
function catalogueErrors(lang: string): unknown {
  return (JSON.parse(readFileSync(join(root, 'electron/core/model/messages', lang, 'errors.json'), 'utf8')) as { errors: unknown }).errors;
}

function translation(lang: string, code: string): unknown {
  return code.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), catalogueErrors(lang));
}

function leaves(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

/** Every source that may throw at a person, with its text: the core, the command line, the main process. */
function throwingSources(): Array<{ file: string; text: string }> {
  return [...THROWING, 'electron/main'].flatMap((dir) => sources(join(root, dir)).map((file) => ({ file: file.slice(root.length), text: readFileSync(file, 'utf8') })));
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
  it('are each thrown somewhere: the catalogue has no unused error', () => {
    // A code may also be named where it is chosen (`code: 'store.locked'`) or passed on (`'store.lockedByCli'`).
    const all = throwingSources().map((s) => s.text).join('\n');
    // A detail (`zip.why.truncated`) is named by its last part where it is chosen: `corrupt('truncated')`.
    // An argument's expectation (`api.expected.id`) is named by its last part in the argument schemas (api/args.ts).
    const named = (code: string) =>
      all.includes(`'${code}'`) ||
      ((code.includes('.why.') || code.startsWith('api.expected.')) && all.includes(`'${code.split('.').at(-1)}'`)) ||
      // A refusal of the one archive reader (import/docx/zip.ts) is chosen per format: `codeOf(format, 'ratio')`
      // names both `docxFile.ratio` and `xlsxFile.ratio`.
      (/^(docx|xlsx)File\./.test(code) && all.includes(`codeOf(format, '${code.split('.').at(-1)}')`));
    const unused = leaves(catalogueErrors('vi')).filter((code) => !codes.includes(code) && !named(code));
    expect(unused).toEqual([]);
  });
  it('cover every UserError a person can meet: none is thrown without a code', () => {
    // errors.ts defines the class; the jobs client re-creates an error that was coded in the worker; the API
    // argument validator (api/validate.ts) is being rewritten as one definition per method and words its own.
    const allowed = new Set(['electron/core/errors.ts', 'electron/core/jobs/client.ts', 'electron/core/api/validate.ts']);
    const uncoded = throwingSources()
      .filter((s) => !allowed.has(s.file))
      .flatMap((s) => [...s.text.matchAll(/new UserError\(/g)].map(() => s.file));
    expect(uncoded).toEqual([]);
  });
  it('are read in the language asked for, Vietnamese by default, the listed problems one per line', () => {
    const e = UserError.coded('plan.notFound', { id: 7 }, 'No plan has the id 7.');
    expect(errorText(e)).toBe('Không tìm thấy kế hoạch (mã 7).');
    expect(errorText(e, 'en')).not.toBe(errorText(e, 'vi'));
    expect(errorText(new UserError('plain'))).toBe('plain');
  });
  it('word an importer refusal and its detail in the reader language', async () => {
    const damaged = Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100)]);
    const e = await importDocx(damaged, 'x.docx').then(
      () => new UserError('the damaged file was read'),
      (err: unknown) => err as UserError,
    );
    expect(e).toMatchObject({ code: 'docxFile.corrupt', params: { file: 'x.docx', whyKey: 'errors.zip.why.noDirectory' } });
    expect(errorText(e)).toBe('Tệp “x.docx” đã bị hỏng hoặc không phải tệp Word .docx (không thấy mục lục của tệp nén): không đọc được.');
    expect(e.message).toBe(errorText(e));
    expect(errorText(e, 'en')).toBe('“x.docx” is damaged or not a Word .docx file (no directory of the archive found): it cannot be read.');
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
