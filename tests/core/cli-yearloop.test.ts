/**
 * #23 "Done when", through the command line: from the sample, issue it, write the returns, fill them as departments
 * would (statuses typed in words, one sheet retyped in its own layout, one new row), read them back in one go, and
 * export a report whose figures equal a hand count made here, from the sample file and the words written — not from
 * the program's own tracking code.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { runCli } from '../../electron/cli/main';
import { readDocx, textOf } from './fixtures/ooxml';
import { fillReturn, leadStts, retypedReturn } from './fixtures/returns';
import { removeTempDirs, tempDir } from './helpers';

let dir: string;
let db: string;
let lines: string[];
const cli = async (...argv: string[]) => runCli([...argv, '--db', db], (line) => lines.push(line));

beforeEach(() => {
  dir = tempDir();
  db = join(dir, 'store.sqlite');
  lines = [];
});
afterEach(removeTempDirs);

/** The words departments type, and what each means — the test's own table. */
const WORDS: Array<[string, 'done' | 'doneLate' | 'inProgress' | 'notStarted']> = [
  ['Đã hoàn thành', 'done'], ['xong', 'done'], ['HT', 'done'], ['đang triển khai (70%)', 'inProgress'], ['chưa', 'notStarted'],
  ['Đang thực hiện', 'inProgress'], ['Hoàn thành quá hạn', 'doneLate'], ['Đã xong', 'done'],
];
const wordFor = (unit: string, stt: string) => WORDS[(Number(stt) * 7 + [...unit].reduce((n, c) => n + c.charCodeAt(0), 0)) % WORDS.length];

interface SampleTask {
  stt: string;
  group: number;
  task: string;
  leads: string[];
}

/** The sample's tasks read from its exchange file: STT continuous across groups, lead agencies by key. */
function sampleTasks(file: string): SampleTask[] {
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as { appendix: { groups: Array<{ rows: Array<{ task: string; lead: Array<{ agency: string }> }> }> } };
  let n = 0;
  return pkg.appendix.groups.flatMap((g, group) => g.rows.map((r) => ({ stt: String(++n), group, task: r.task, leads: [...new Set(r.lead.map((m) => m.agency))] })));
}

describe('the year after the signature through the command line', () => {
  it('issue, returns, read-returns in one go, status --json and report: the figures equal a hand count', async () => {
    const sample = join(dir, 'sample.json');
    await cli('sample', sample);
    await cli('import', sample);
    const id = lines.at(-1)!;
    const pdf = join(dir, 'qd-2142-da-ky.pdf');
    writeFileSync(pdf, '%PDF-1.7\n%%EOF\n');
    lines = [];
    expect(await cli('issue', id, '--number', '2142', '--date', '2023-12-09', '--pdf', pdf)).toBe(0);
    expect(lines[0]).toBe('Đã ban hành: Kế hoạch cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh Bình Phước ban hành kèm theo Quyết định số 2142/QĐ-UBND ngày 09/12/2023 của Ủy ban nhân dân tỉnh');
    expect(lines[1]).toMatch(/^Đã lưu bản PDF đã ký: qd-2142-da-ky\.pdf/);

    const out = join(dir, 'phieu');
    lines = [];
    expect(await cli('returns', id, '--period', '2024-q1', '--out', out)).toBe(0);
    const written = readdirSync(out).sort();
    expect(lines.at(-1)).toBe(`Đã ghi ${written.length} phiếu báo cáo 2024-q1 vào ${out}`);

    // Departments fill their returns: statuses typed in words; Sở Nội vụ adds a task; Sở Tài chính retypes its sheet.
    const said = new Map<string, string>(); // `${unit}|${stt}` → word
    for (const name of written) {
      const unit = name.replace(/^bao-cao-2024-q1-/, '').replace(/\.xlsx$/, '');
      const path = join(out, name);
      const bytes = readFileSync(path);
      const stts = await leadStts(bytes);
      for (const s of stts) said.set(`${unit}|${s}`, wordFor(unit, s)[0]);
      if (unit === 'so-tai-chinh') continue;
      const added = unit === 'so-noi-vu' ? [{ task: 'Tổ chức tập huấn kỹ năng soạn thảo văn bản cho công chức cấp xã', deadline: 'Quý II/2024' }] : [];
      writeFileSync(path, await fillReturn(bytes, Object.fromEntries(stts.map((s) => [s, { status: said.get(`${unit}|${s}`)!, result: `${unit} ${s}` }])), added));
    }
    const tasks = sampleTasks(sample);
    const finance = tasks.filter((t) => t.leads.includes('so-tai-chinh'));
    rmSync(join(out, 'bao-cao-2024-q1-so-tai-chinh.xlsx'));
    writeFileSync(
      join(out, 'STC - bao cao CCHC quy I.xlsx'),
      await retypedReturn(['SỞ TÀI CHÍNH', 'BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2024', 'Cơ quan báo cáo: Sở Tài chính'],
        finance.map((t, i) => ({ stt: String(i + 1), task: t.task, status: said.get(`so-tai-chinh|${t.stt}`)!, result: 'Sở Tài chính đã thực hiện' }))),
    );

    lines = [];
    expect(await cli('read-returns', id, '--period', '2024-q1', out)).toBe(0);
    const summary = lines.at(-1)!;
    expect(summary).toMatch(new RegExp(`^${written.length} tệp: ${written.length} đã đọc, 0 không thay đổi, 0 không đọc; .* 0 không xếp được, 1 đề xuất; `));
    expect(lines.some((l) => l.startsWith('STC - bao cao CCHC quy I.xlsx\tđã đọc\tSở Tài chính\t'))).toBe(true);
    expect(lines.some((l) => /đề xuất: .*Tổ chức tập huấn kỹ năng soạn thảo văn bản/.test(l))).toBe(true);
    expect(lines.some((l) => /“xong” được hiểu là “Đã hoàn thành”/.test(l))).toBe(true);

    // The hand count: a task is done when every agency leading it said done (or done late); not started when all said
    // not started; in progress otherwise.
    const meaning = new Map(WORDS);
    const status = (t: SampleTask) => {
      const words = t.leads.map((u) => meaning.get(said.get(`${u}|${t.stt}`)!)!);
      if (words.every((w) => w === 'done' || w === 'doneLate')) return 'done';
      if (words.every((w) => w === 'notStarted')) return 'notStarted';
      return 'inProgress';
    };
    const done = tasks.filter((t) => status(t) === 'done');
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThan(48);

    const json = join(dir, 'status.json');
    lines = [];
    expect(await cli('status', id, '--period', '2024-q1', '--json', json)).toBe(0);
    const st = JSON.parse(readFileSync(json, 'utf8'));
    expect(st.format).toBe('soan-ke-hoach/status');
    expect(st.tasks).toHaveLength(48);
    expect(st.tasks.map((t: { stt: string; status: string }) => [t.stt, t.status === 'doneLate' ? 'done' : t.status])).toEqual(tasks.map((t) => [t.stt, status(t)]));
    expect(st.tasks[0]).toEqual(expect.objectContaining({ rowId: expect.any(Number), lead: expect.any(Array), deadline: 'Trong năm 2024', overdue: false, sourceFiles: expect.any(Array) }));
    expect(st.totals.done + st.totals.doneLate).toBe(done.length);
    expect(st.groups.map((g: { done: number; doneLate: number }) => g.done + g.doneLate)).toEqual([0, 1, 2, 3, 4, 5, 6].map((g) => done.filter((t) => t.group === g).length));
    expect(st.missing).toEqual([]);
    expect(lines.at(-1)).toMatch(new RegExp(`^Quý I năm 2024: 48 nhiệm vụ, hoàn thành ${done.length} \\(`));

    const docx = join(dir, 'bao-cao.docx');
    const xlsx = join(dir, 'tinh-hinh.xlsx');
    lines = [];
    expect(await cli('report', id, '--period', '2024-q1', '--docx', docx, '--xlsx', xlsx)).toBe(0);
    expect(lines).toEqual([`Đã ghi ${docx}`, `Đã ghi ${xlsx}`]);
    const text = textOf((await readDocx(readFileSync(docx))).body);
    const pct = `${(Math.round((done.length / 48) * 1000) / 10).toFixed(1).replace('.', ',')}%`;
    expect(text).toContain(`trong tổng số 48 nhiệm vụ của Kế hoạch: đã hoàn thành ${done.length} nhiệm vụ`);
    expect(text).toContain(`đạt ${pct}`);
    for (let g = 0; g < 7; g++) {
      const inGroup = tasks.filter((t) => t.group === g);
      expect(text).toContain(`Lĩnh vực có ${inGroup.length} nhiệm vụ: đã hoàn thành ${inGroup.filter((t) => status(t) === 'done').length} nhiệm vụ`);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    let total: unknown[] = [];
    wb.getWorksheet('Tỷ lệ hoàn thành')!.eachRow((row) => {
      if (row.getCell(1).value === 'Tổng cộng') total = (row.values as unknown[]).slice(1, 4);
    });
    expect(total).toEqual(['Tổng cộng', 48, done.length]);
  }, 180_000);

  it('refuses, naming what is missing: the period, the output, the files; read-returns exits 1 when a file was refused', async () => {
    await expect(cli('returns', '1', '--out', dir)).rejects.toMatchObject({ code: 'cli.needsPeriod' });
    await expect(cli('report', '1', '--period', '2024-q1')).rejects.toMatchObject({ code: 'cli.reportNeedsDocx' });
    await expect(cli('read-returns', '1', '--period', '2024-q1')).rejects.toMatchObject({ code: 'cli.readReturnsNeedsFiles' });
    const sample = join(dir, 'sample.json');
    await cli('sample', sample);
    await cli('import', sample);
    const id = lines.at(-1)!;
    await expect(cli('returns', id, '--period', '2024-q1', '--out', join(dir, 'x'))).rejects.toMatchObject({ code: 'tracking.notIssued' });
    await cli('issue', id, '--number', '2142', '--date', '2023-12-09');
    const junk = join(dir, 'junk.xlsx');
    writeFileSync(junk, 'not a workbook');
    lines = [];
    expect(await cli('read-returns', id, '--period', '2024-q1', junk)).toBe(1);
    expect(lines[0]).toMatch(/^junk\.xlsx\tkhông đọc\t/);
  }, 120_000);
});
