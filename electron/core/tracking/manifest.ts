/**
 * The hidden manifest of a return workbook (#23): which plan (its uid), period, unit and rows the workbook was
 * written for, and a hash of all that, so a return is matched for certain — and a return of another plan or period
 * refused for certain. It sits on a very hidden sheet; a manifest whose hash does not add up (edited, damaged) is
 * not trusted and the return is read by its text like a retyped one. Store-free.
 */
import { createHash } from 'node:crypto';
import type { Workbook } from 'exceljs';

export const MANIFEST_SHEET = 'SoanKeHoachPhieu';
const MARK = 'soan-ke-hoach/return';
const VERSION = 1;

export interface Manifest {
  plan: { uid: string; id: number; title: string };
  period: { key: string; label: string };
  unit: { key: string; name: string };
  /** The rows written, by row id: their role in the unit's workbook and STT. */
  rows: Array<{ rowId: number; role: 'lead' | 'cooperate'; stt: string }>;
}

/** The manifest's lines (without the hash line), as written. */
function lines(m: Manifest): Array<Array<string | number>> {
  return [
    [MARK, VERSION],
    ['plan', m.plan.uid, m.plan.id, m.plan.title],
    ['period', m.period.key, m.period.label],
    ['unit', m.unit.key, m.unit.name],
    ...m.rows.map((r) => ['row', r.rowId, r.role, r.stt]),
  ];
}

function hashOf(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return createHash('sha256').update(JSON.stringify(rows.map((r) => r.map(String)))).digest('hex');
}

export function writeManifest(wb: Workbook, m: Manifest): void {
  const ws = wb.addWorksheet(MANIFEST_SHEET, { state: 'veryHidden' });
  const body = lines(m);
  for (const line of body) ws.addRow(line);
  ws.addRow(['hash', hashOf(body)]);
}

const str = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in (v as object)) return str((v as { result: unknown }).result);
  return String(v);
};

/** The manifest of a workbook: `absent` (none: a retyped sheet), `damaged` (its hash does not add up) or the manifest. */
export function readManifest(wb: Workbook): { state: 'absent' } | { state: 'damaged' } | { state: 'ok'; manifest: Manifest } {
  const ws = wb.worksheets.find((s) => s.name === MANIFEST_SHEET);
  if (!ws) return { state: 'absent' };
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const values: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) values.push(str(row.getCell(c).value));
    while (values.length && values[values.length - 1] === '') values.pop();
    rows.push(values);
  });
  if (rows[0]?.[0] !== MARK || rows[0]?.[1] !== String(VERSION)) return { state: 'damaged' };
  const hashLine = rows.at(-1);
  const body = rows.slice(0, -1);
  if (hashLine?.[0] !== 'hash' || hashLine[1] !== hashOf(body)) return { state: 'damaged' };
  const find = (tag: string) => body.find((r) => r[0] === tag) ?? [];
  const plan = find('plan');
  const period = find('period');
  const unit = find('unit');
  const manifest: Manifest = {
    plan: { uid: plan[1] ?? '', id: Number(plan[2]), title: plan[3] ?? '' },
    period: { key: period[1] ?? '', label: period[2] ?? '' },
    unit: { key: unit[1] ?? '', name: unit[2] ?? '' },
    rows: body.filter((r) => r[0] === 'row').map((r) => ({ rowId: Number(r[1]), role: r[2] === 'cooperate' ? 'cooperate' : 'lead', stt: r[3] ?? '' })),
  };
  if (!manifest.plan.uid || !manifest.period.key || !manifest.unit.key) return { state: 'damaged' };
  return { state: 'ok', manifest };
}
