import type { Worksheet } from 'exceljs';
import { UserError } from '../../errors';
import { foldForSearch } from '../../model/text';
import { readTableCell } from './cells';
import { romanOf, romanTitle, rowsList, startsLowercase } from './row-rules';
import type { ImportNote } from '../../model/import-report';
import type { LegacyEncoding } from '../../model/legacy-encoding';
import { headerSignature, type FoundHeader, type HeaderColumn } from './header';

/** A row of the table as read, before agency cells are split: texts by column index in `header.columns`. */
export interface RawTask {
  /** Sheet row where the task starts (for messages). */
  row: number;
  texts: string[];
}
export interface RawGroup {
  title: string;
  tasks: RawTask[];
}

export interface RawTable {
  groups: RawGroup[];
  warnings: string[];
  /** Dates read as their format shows them, text converted from old encodings. */
  notes: ImportNote[];
}

/**
 * Reads the rows under the header into groups and tasks. A row whose STT is a Roman numeral (or whose only
 * text is `I. Title`) starts a group. A row with no STT whose text carries on the previous task (a page
 * break in the source split the task: its text starts in lower case, or it has no task text at all) is
 * joined to that task. Nothing is guessed beyond that: a row with no STT that starts a sentence is a task.
 */
export function readTable(ws: Worksheet, header: FoundHeader, where: (row?: number) => string): RawTable {
  const cols: HeaderColumn[] = header.columns;
  const numberAt = cols.findIndex((c) => c.role === 'number');
  const taskAt = cols.findIndex((c) => c.role === 'task');
  const signature = headerSignature(cols);
  const groups: RawGroup[] = [];
  const warnings: string[] = [];
  const formulaRows: number[] = [];
  const joinedRows: number[] = [];
  const unnumberedRows: number[] = [];
  const hiddenRows: number[] = [];
  let current: RawGroup | null = null;
  let previous: RawTask | null = null;
  const notes: ImportNote[] = [];
  const legacy = new Map<LegacyEncoding, { fonts: Set<string>; cells: number }>();

  for (let r = header.dataStart; r <= ws.rowCount; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    const cells = cols.map((c) => {
      const cell = row.getCell(c.col);
      const read = readTableCell(cell);
      if (read.noResult) {
        throw UserError.coded(
          'xlsxFile.formulaNoValue',
          { where: where(r), column: c.caption },
          `${where(r)}, cột “${c.caption}”: ô có công thức nhưng tệp không lưu kết quả, nên không biết giá trị của nó. ` +
            'Hãy mở tệp trong Excel, lưu lại (để Excel tính kết quả) rồi nhập lại.',
        );
      }
      if (read.formula) formulaRows.push(r);
      if (read.legacy) {
        const seen = legacy.get(read.legacy.encoding) ?? { fonts: new Set<string>(), cells: 0 };
        seen.fonts.add(read.legacy.font);
        seen.cells++;
        legacy.set(read.legacy.encoding, seen);
      }
      // A date shown as a month is read as the month (not the 1st): said with its row. Dates shown with their
      // day are what they show and need no note.
      if (read.shown === 'month') notes.push({ kind: 'guessed', code: 'monthDate', params: { column: c.caption, value: read.text }, row: r });
      return { text: read.text, mergedDown: cell.isMerged && cell.master !== cell && Number(cell.master.col) === c.col };
    });
    const texts = cells.map((c) => c.text);
    // Empty, or only values merged down from the row above: nothing new on this row.
    if (cells.every((c) => c.text === '' || c.mergedDown)) continue;
    if (headerSignature(cols.map((c, i) => ({ ...c, caption: texts[i] }))) === signature) continue;
    if (row.hidden) hiddenRows.push(r);

    const stt = numberAt >= 0 ? texts[numberAt] : '';
    const others = texts.filter((_, i) => i !== numberAt && i !== taskAt && texts[i] !== '');

    // A group row: the Roman numeral in the STT column and the title beside it …
    const roman = stt ? romanOf(stt) : null;
    if (roman !== null) {
      const titleText = texts.find((t, i) => i !== numberAt && t !== '') ?? '';
      const inOneCell = romanTitle(stt);
      current = { title: titleText || inOneCell?.title || '', tasks: [] };
      groups.push(current);
      previous = null;
      continue;
    }
    // … or `I. Title` alone on the row (merged across, or in the first column).
    const filled = texts.filter((t) => t !== '');
    if (filled.length === 1 && others.length <= 1) {
      const single = romanTitle(filled[0]);
      if (single && (stt === filled[0] || numberAt < 0 || stt === '')) {
        current = { title: single.title, tasks: [] };
        groups.push(current);
        previous = null;
        continue;
      }
    }

    const taskText = taskAt >= 0 ? texts[taskAt] : '';
    const continues =
      stt === '' &&
      previous !== null &&
      (taskText === '' || startsLowercase(taskText)) &&
      !cells.every((c, i) => c.text === '' || c.mergedDown || i === numberAt);
    if (continues && previous) {
      texts.forEach((t, i) => {
        // A value merged down from the previous row is the same value, not more text.
        if (!t || cells[i].mergedDown) return;
        previous!.texts[i] = previous!.texts[i] ? `${previous!.texts[i]} ${t}` : t;
      });
      joinedRows.push(r);
      continue;
    }

    if (stt === '' && numberAt >= 0) unnumberedRows.push(r);
    if (!current) {
      current = { title: '', tasks: [] };
      groups.push(current);
    }
    previous = { row: r, texts: [...texts] };
    current.tasks.push(previous);
  }

  if (formulaRows.length) {
    const rows = [...new Set(formulaRows)];
    warnings.push(`${where()}: ô có công thức ở dòng ${rowsList(rows)}: đã lấy giá trị Excel tính sẵn, không lấy công thức.`);
  }
  if (joinedRows.length) {
    warnings.push(`${where()}: dòng ${rowsList(joinedRows)} không có STT và viết tiếp nhiệm vụ ở dòng trên (bị ngắt trang): đã nối vào nhiệm vụ đó.`);
  }
  if (unnumberedRows.length) {
    warnings.push(`${where()}: dòng ${rowsList(unnumberedRows)} không có STT: đã đọc là nhiệm vụ mới và đánh số lại.`);
  }
  if (hiddenRows.length) {
    warnings.push(`${where()}: dòng ${rowsList(hiddenRows)} đang bị ẩn: vẫn được đọc.`);
  }
  for (const [encoding, seen] of legacy) {
    notes.unshift({ kind: 'guessed', code: 'encoding', params: { encoding: encoding === 'tcvn3' ? 'TCVN3' : 'VNI', fonts: [...seen.fonts].join(', '), count: seen.cells } });
  }
  return { groups, warnings, notes };
}

/** The label (`PHỤ LỤC`) and title above the table; the `(Ban hành kèm theo …)` line is the program's own. */
export function readTitleBlock(ws: Worksheet, headerRow: number): { label: string; title: string } {
  const lines: string[] = [];
  for (let r = 1; r < headerRow; r++) {
    const row = ws.findRow(r);
    if (!row) continue;
    let text = '';
    row.eachCell((cell) => {
      if (!text) text = readTableCell(cell).text;
    });
    if (text) lines.push(text);
  }
  const labelAt = lines.findIndex((l) => foldForSearch(l).startsWith('phu luc'));
  const label = labelAt >= 0 ? lines[labelAt] : '';
  const after = (labelAt >= 0 ? lines.slice(labelAt + 1) : lines).filter((l) => !l.startsWith('('));
  // Without a label, the issuer's header may sit above the title: the title is the last line.
  const title = labelAt >= 0 ? after.join(' ') : after[after.length - 1] ?? '';
  return { label, title };
}
