import type { Workbook } from 'exceljs';
import type { Agency, ColumnDef, ColumnKind, ColumnRole, Mention, PlanPackage } from '../../model/types';
import { COLUMN_KINDS, COLUMN_ROLES } from '../../model/types';
import { mentionsText } from '../../model/text';
import { allRows } from '../../model/rows';

/**
 * A very hidden sheet that carries what the printed table cannot show: how each agency cell splits into
 * agencies (`Sở Nội vụ và các cơ quan, đơn vị có liên quan` is two agencies, which the text alone does
 * not say) and the columns' keys and kinds. The importer trusts an entry only while the visible text
 * still reads the same, so a department's edits always win over it.
 */
export const ROUNDTRIP_SHEET = 'SoanKeHoach';
const MARK = 'soan-ke-hoach/xlsx-appendix';
const VERSION = 1;

export interface RoundtripData {
  columns: ColumnDef[];
  agencies: Agency[];
  /** `columnKey \u0000 cell text` → mentions. */
  mentions: Map<string, Mention[]>;
}

export function mentionKey(columnKey: string, text: string): string {
  return `${columnKey}\u0000${text}`;
}

export function writeRoundtripSheet(wb: Workbook, pkg: PlanPackage): void {
  const ws = wb.addWorksheet(ROUNDTRIP_SHEET, { state: 'veryHidden' });
  ws.addRow([MARK, VERSION]);
  for (const c of pkg.appendix.columns) ws.addRow(['column', c.key, c.caption, c.kind, c.role ?? '', c.width, c.hidden ? 1 : 0]);
  for (const a of pkg.agencies) ws.addRow(['agency', a.key, a.name]);
  const seen = new Set<string>();
  const agencyColumns = pkg.appendix.columns.filter((c) => c.kind === 'agencies');
  // Every row, sub-rows (model v2) included.
  for (const { row } of allRows(pkg.appendix.groups)) {
    for (const c of agencyColumns) {
      const value = row.cells[c.key];
      if (!Array.isArray(value) || value.length === 0) continue;
      const text = mentionsText(value, pkg.agencies);
      const key = mentionKey(c.key, text);
      if (seen.has(key)) continue;
      seen.add(key);
      ws.addRow(['mentions', c.key, text, JSON.stringify(value)]);
    }
  }
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
}

function isMention(x: unknown): x is Mention {
  return typeof x === 'object' && x !== null && typeof (x as Mention).agency === 'string' && typeof (x as Mention).after === 'string';
}

/** The sheet's data, or null when there is none or it is not ours; a damaged entry is skipped, never trusted. */
export function readRoundtripSheet(wb: Workbook): RoundtripData | null {
  const ws = wb.getWorksheet(ROUNDTRIP_SHEET);
  if (!ws || str(ws.getCell(1, 1).value) !== MARK || Number(ws.getCell(1, 2).value) !== VERSION) return null;
  const data: RoundtripData = { columns: [], agencies: [], mentions: new Map() };
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = (i: number) => str(row.getCell(i).value);
    switch (v(1)) {
      case 'column': {
        const kind = v(4) as ColumnKind;
        const role = (v(5) || null) as ColumnRole | null;
        const width = Number(row.getCell(6).value);
        if (!v(2) || !COLUMN_KINDS.includes(kind) || (role !== null && !COLUMN_ROLES.includes(role)) || !(width > 0)) return;
        data.columns.push({ key: v(2), caption: v(3), kind, role, width, hidden: v(7) === '1' });
        return;
      }
      case 'agency':
        if (v(2) && v(3)) data.agencies.push({ key: v(2), name: v(3) });
        return;
      case 'mentions': {
        try {
          const parsed: unknown = JSON.parse(v(4));
          if (Array.isArray(parsed) && parsed.length > 0 && parsed.every(isMention)) {
            data.mentions.set(mentionKey(v(2), v(3)), parsed);
          }
        } catch {
          // A damaged entry: the cell is split from its text instead.
        }
        return;
      }
    }
  });
  return data;
}
