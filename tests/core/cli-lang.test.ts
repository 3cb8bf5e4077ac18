/**
 * One voice on the command line: run without --lang, every line a person reads is Vietnamese (help, list, export
 * and its notes, check, a bad exchange file, the Word and Excel import reports, a mistyped command); with
 * --lang en or SOAN_LANG=en the same lines are English. Identifiers printed for scripts (a rule id such as
 * `legal-bases.end`, a field path such as `decision.date`, file names) are not words and are left out of the scan.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliErrorLine, runCli } from '../../electron/cli/main';
import { isUserError } from '../../electron/core/errors';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { roughPackage, samplePackage } from './fixtures/packages';
import { DOCX_CASES, XLSX_CASES, docxOf, xlsxOf } from './fixtures/real-world-cases';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

/** English words that must never reach a person in Vietnamese mode (whole words, any case). */
const STOP_WORDS = [
  'error', 'errors', 'wrote', 'must', 'expected', 'invalid', 'missing', 'no plan', 'rows', 'row', 'note', 'notes',
  'warning', 'warnings', 'imported', 'unknown', 'cannot', 'needs', 'file', 'not a', 'guessed', 'recognised', 'score',
  'at the end', 'removed', 'added', 'is used', 'the', 'and', 'of', 'is', 'deadline', 'plan-year', 'info', 'new', 'same', 'changed',
];
const STOP = new RegExp(`(?<![\\p{L}\\d])(${STOP_WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\d])`, 'iu');

/** A line without what is not words: temp paths, file names, dotted identifiers and field paths, --options. */
function words(line: string, dir: string): string {
  return line
    .split(dir).join(' ')
    .replace(/[\w-]+\.(json|docx|xlsx|sqlite)\b/g, ' ')
    .replace(/[A-Za-z_$][\w$-]*(?:(?:\.[\w$-]+)|(?:\[\d+\]))+/g, ' ')
    .replace(/--[a-z-]+/g, ' ')
    .replace(/\$[A-Z_]+/g, ' ');
}

type Lang = 'vi' | 'en';

/** The sample with four mistakes a person makes editing the file by hand: a date, a field, a type, an extra field. */
function writeBadFile(dir: string): string {
  const bad = JSON.parse(serializeExchange(samplePackage())) as { decision: { date: string }; issuer: { place?: string }; year: unknown; appendix: { columns: Array<Record<string, unknown>> } };
  bad.decision.date = '26/12/2022';
  delete bad.issuer.place;
  bad.year = 'năm nay';
  bad.appendix.columns[0].extra = 1;
  const file = join(dir, 'bad.json');
  writeFileSync(file, JSON.stringify(bad));
  return file;
}

/** Every line the CLI printed, and the stderr line of each refused command, for one set of runs. */
async function session(dir: string, lang?: Lang): Promise<string[]> {
  const db = join(dir, `${lang ?? 'default'}.sqlite`);
  const printed: string[] = [];
  const langArgs = lang ? ['--lang', lang] : [];
  const run = async (...argv: string[]) => {
    try {
      await runCli([...argv, '--db', db, ...langArgs], (l) => printed.push(...l.split('\n')));
    } catch (e) {
      if (!isUserError(e)) throw e;
      printed.push(...cliErrorLine(e, lang ?? 'vi').split('\n'));
    }
  };
  const sample = join(dir, 'sample.json');
  writeFileSync(sample, serializeExchange(samplePackage()));
  const rough = join(dir, 'rough.json');
  writeFileSync(rough, serializeExchange(roughPackage()));
  const badFile = writeBadFile(dir);
  const d7 = join(dir, 'd7.docx');
  writeFileSync(d7, await docxOf(DOCX_CASES.d7()));
  const x8 = join(dir, 'x8.xlsx');
  writeFileSync(x8, await xlsxOf(XLSX_CASES.x8()));

  await run('help');
  await run('import', sample);
  await run('list');
  await run('export', '1', '--docx', join(dir, `${lang ?? 'vi'}-1.docx`));
  await run('export', rough, '--docx', join(dir, `${lang ?? 'vi'}-rough.docx`));
  await run('export', '999', '--json', join(dir, 'x.json'));
  await run('export', '1');
  await run('check', '1');
  await run('check', rough);
  await run('import', badFile);
  await run('import', join(dir, 'missing.json'));
  await run('import-docx', d7);
  await run('import-xlsx', x8);
  await run('import-xlsx', x8, '--into', '1');
  await run('rollover', '1', '--year', '20x5');
  await run('rollover', '1', '--year', '2025', '--json', join(dir, `${lang ?? 'vi'}-2025.json`));
  await run('frobnicate');
  return printed;
}

describe('the command line speaks one language', () => {
  it('says nothing in English by default (Vietnamese), and everything in English with --lang en', async () => {
    const dir = tempDir();
    const vi = await session(dir);
    const english = vi.filter((line) => STOP.test(words(line, dir)));
    expect(english).toEqual([]);
    // The scan saw real output of every kind, not an empty run.
    expect(vi).toContain('Soạn Kế hoạch — dòng lệnh');
    expect(vi.some((l) => /^Đã ghi .*vi-1\.docx$/.test(l))).toBe(true);
    expect(vi.some((l) => l.startsWith('ghi chú: Căn cứ 1: đã thêm “;” ở cuối dòng'))).toBe(true);
    expect(vi).toContain('Lỗi: Không tìm thấy kế hoạch (mã 999).');
    expect(vi.some((l) => /^\d+ lỗi, \d+ cảnh báo, \d+ ghi chú$/.test(l))).toBe(true);
    expect(vi.some((l) => l.startsWith('Đoán — hãy kiểm tra\t'))).toBe(true);
    expect(vi.some((l) => l.startsWith('Lỗi: Không có lệnh “frobnicate”.'))).toBe(true);
    expect(vi.some((l) => l.endsWith('\tThời hạn thực hiện'))).toBe(true);

    const en = await session(dir, 'en');
    expect(en.filter((line) => STOP.test(words(line, dir))).length).toBeGreaterThan(10);
    expect(en).toContain('Error: No plan has the id 999.');
    expect(en.some((l) => l.startsWith('note: Căn cứ 1: added ";" at the end'))).toBe(true);
  }, 60_000);

  it('words a bad exchange file as advice, one line per problem naming its field', async () => {
    const dir = tempDir();
    const error = await runCli(['import', writeBadFile(dir), '--db', join(dir, 's.sqlite')], () => {}).catch((e: unknown) => e);
    if (!isUserError(error)) throw new Error('the bad file was accepted');
    const lines = cliErrorLine(error, 'vi').split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('Lỗi: bad.json: không phải tệp kế hoạch hợp lệ:');
    expect(lines).toContain('  decision.date: “26/12/2022” không phải ngày; viết ngày theo dạng 2022-12-26');
    expect(lines).toContain('  issuer.place: thiếu trường này; hãy thêm nó');
    expect(lines).toContain('  year: phải là số nguyên, ví dụ 2024');
    expect(lines).toContain('  appendix.columns[0]: tệp kế hoạch không có trường “extra”; hãy xóa nó');
    // Never the schema's own words or its regular expressions.
    expect(lines.join('\n')).not.toMatch(/must|pattern|\^\[0-9\]/);
  }, 60_000);

  it('words the import warnings of a workbook in the language asked for: Vietnamese by default, English with --lang en', async () => {
    const dir = tempDir();
    // A finished task hidden instead of deleted (row 7), and the title of the appendix left out: two warnings.
    const x7 = join(dir, 'x7.xlsx');
    writeFileSync(x7, await xlsxOf(XLSX_CASES.x7()));
    const printed = async (...langArgs: string[]) => {
      const lines: string[] = [];
      await runCli(['import-xlsx', x7, '--db', join(dir, `${langArgs.join('') || 'vi'}.sqlite`), ...langArgs], (l) => lines.push(...l.split('\n')));
      return lines.filter((l) => /^(cảnh báo|warning): /.test(l));
    };
    const vi = await printed();
    expect(vi).toContain('cảnh báo: Tệp “x7.xlsx”, trang “Phụ lục”: dòng 7 đang bị ẩn: vẫn được đọc.');
    expect(vi.filter((line) => STOP.test(words(line, dir)))).toEqual([]);
    const en = await printed('--lang', 'en');
    expect(en).toHaveLength(vi.length);
    expect(en).toContain('warning: File “x7.xlsx”, sheet “Phụ lục”: hidden row(s) 7 were read all the same.');
    expect(en.join('\n')).not.toMatch(/dòng|đang bị ẩn|Tệp/);
  }, 60_000);

  it('takes its language from SOAN_LANG when --lang is not given', async () => {
    const lines: string[] = [];
    const saved = process.env.SOAN_LANG;
    process.env.SOAN_LANG = 'en';
    try {
      await runCli(['help', '--db', join(tempDir(), 's.sqlite')], (l) => lines.push(l));
    } finally {
      if (saved === undefined) delete process.env.SOAN_LANG;
      else process.env.SOAN_LANG = saved;
    }
    expect(lines[0]).toMatch(/^Soạn Kế hoạch — command line/);
    await expect(runCli(['help', '--lang', 'fr'], () => {})).rejects.toMatchObject({ code: 'cli.badLang', params: { value: 'fr' } });
  });
});
