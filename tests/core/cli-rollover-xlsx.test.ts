import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/main';
import { parseExchange } from '../../electron/core/exchange/exchange';
import { plainText } from '../../electron/core/model';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

/** Runs the CLI in English (--lang en): these tests keep its English wording; Vietnamese is the default. */
async function cli(...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  await runCli([...argv, '--lang', 'en'], (l) => lines.push(l));
  return lines;
}

describe('CLI rollover, import-xlsx and import-docx', () => {
  it('rolls the sample to 2025: prints each change and writes the new package with all accepted', async () => {
    const dir = tempDir();
    const sample = join(dir, 's.json');
    const out = join(dir, 'r.json');
    await cli('sample', sample);
    const lines = await cli('rollover', sample, '--year', '2025', '--json', out);
    expect(lines.at(-1)).toBe(`Wrote ${out}`);
    const changes = lines.slice(0, -1).map((l) => l.split('\t'));
    expect(changes.every((c) => c.length === 4)).toBe(true);
    expect(changes).toContainEqual(['appendix.groups[0].rows[0].deadline', 'Trong năm 2024', 'Trong năm 2025', 'Deadline']);
    const next = parseExchange(readFileSync(out, 'utf8'), out);
    expect(next.year).toBe(2025);
    expect(next.decision!.number).toBe('');
    expect(next.decision!.date).toBeNull();
    expect(next.decision!.legalBases[2]).toContain('Nghị quyết số 76/NQ-CP ngày 15/7/2021');
    expect(plainText(next.decision!.articles[0])).toContain('năm 2025');
    await expect(cli('rollover', sample, '--json', out)).rejects.toThrow(/--year/);
  });

  it('imports its own workbook export into a new plan and lists it against the sample', async () => {
    const dir = tempDir();
    const db = join(dir, 'd.sqlite');
    const xlsx = join(dir, 'a.xlsx');
    await cli('sample', join(dir, 's.json'), '--db', db);
    const sampleId = (await cli('import', join(dir, 's.json'), '--db', db)).at(-1)!;
    await cli('export', sampleId, '--xlsx', xlsx, '--db', db);
    const created = await cli('import-xlsx', xlsx, '--db', db);
    expect(created.at(-1)).toMatch(/^\d+$/);
    expect((await cli('list', '--db', db)).length).toBe(2);
    const proposals = await cli('import-xlsx', xlsx, '--into', sampleId, '--db', db);
    expect(proposals).toHaveLength(48);
    expect(proposals.every((l) => l.startsWith('same\t'))).toBe(true);
    await expect(cli('import-xlsx', join(dir, 'missing.xlsx'), '--db', db)).rejects.toThrow(/missing\.xlsx/);
  });

  it('imports our own Word export back as a plan with the same Decision and appendix', async () => {
    const dir = tempDir();
    const db = join(dir, 'd.sqlite');
    const docx = join(dir, 'kh.docx');
    await cli('sample', join(dir, 's.json'));
    await cli('export', join(dir, 's.json'), '--docx', docx);
    const lines = await cli('import-docx', docx, '--db', db);
    expect(lines.at(-2)).toMatch(/\(decision, body, appendix; 48 rows\) from kh\.docx/);
    const id = lines.at(-1)!;
    await cli('export', id, '--json', join(dir, 'back.json'), '--db', db);
    const back = parseExchange(readFileSync(join(dir, 'back.json'), 'utf8'), 'back.json');
    const sample = parseExchange(readFileSync(join(dir, 's.json'), 'utf8'), 's.json');
    expect(back.decision).toEqual(sample.decision);
    expect(back.plan).toEqual(sample.plan);
    expect(back.appendix.groups.map((g) => g.rows.length)).toEqual([5, 10, 3, 6, 5, 5, 14]);
    await expect(cli('import-docx', join(dir, 's.json'), '--db', db)).rejects.toThrow(/s\.json/);
  });
});
