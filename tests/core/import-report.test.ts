/**
 * The import report: every note code is translated in both languages, and the CLI prints the report of a
 * Word and an Excel import (vi by default, en with --lang en), each guess with its row.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { IMPORT_NOTE_CODES, IMPORT_REPORT_MESSAGES } from '../../electron/core/model/import-report';
import { DOCX_CASES, XLSX_CASES, docxOf, xlsxOf } from './fixtures/real-world-cases';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

describe('import report', () => {
  it('has a translation of every note code, kind and role in vi and en', () => {
    for (const lang of ['vi', 'en'] as const) {
      const c = IMPORT_REPORT_MESSAGES[lang] as unknown as { code: Record<string, string>; role: Record<string, string>; kind: Record<string, string> };
      for (const code of IMPORT_NOTE_CODES) expect(c.code[code], `${lang} ${code}`).toBeTruthy();
      for (const kind of ['recognised', 'guessed', 'text']) expect(c.kind[kind]).toBeTruthy();
      for (const role of ['deadline', 'start', 'lead', 'cooperate', 'task', 'number', 'note', '-']) expect(c.role[role]).toBeTruthy();
    }
  });

  it('is printed by the CLI: Vietnamese by default, English with --lang en, guesses with their row', async () => {
    const dir = tempDir();
    const db = join(dir, 'store.sqlite');
    const d7 = join(dir, 'd7.docx');
    writeFileSync(d7, await docxOf(DOCX_CASES.d7()));
    const x8 = join(dir, 'x8.xlsx');
    writeFileSync(x8, await xlsxOf(XLSX_CASES.x8()));
    const lines: string[] = [];
    await runCli(['import-docx', d7, '--db', db], (l) => lines.push(l));
    expect(lines).toContain('Đoán — hãy kiểm tra\tChữ gõ bằng bảng mã cũ TCVN3 (phông .VnTime) đã được chuyển sang Unicode (4 đoạn/ô).');
    expect(lines).toContain('Đoán — hãy kiểm tra\tChữ gõ bằng bảng mã cũ VNI (phông VNI-Times) đã được chuyển sang Unicode (3 đoạn/ô).');
    lines.length = 0;
    await runCli(['import-xlsx', x8, '--lang', 'en', '--db', db], (l) => lines.push(l));
    expect(lines).toContain('Guessed — please check\trow 6: Column “Thời gian hoàn thành”: a date shown as a month, read as “Tháng 6/2025” (not the 1st of the month).');
    expect(lines.some((l) => l.startsWith('Guessed — please check\tText typed in the old TCVN3 encoding'))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+$/);
  });
});
