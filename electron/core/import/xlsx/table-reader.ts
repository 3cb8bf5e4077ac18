/**
 * The one appendix table reader, whatever file the table comes from (cells in, rows out). The Word reader
 * (import/docx/appendix.ts) and the Excel reader (sheet-grid.ts) each only turn their table into a neutral
 * grid of cells — text, horizontal span, "merged down from the row above" — and this module finds the
 * header, maps the columns, reads group rows, parent rows spanning their children (vertical merges),
 * rows split across pages, numbers and repeated headers, with the same warnings for both.
 */
import type { ColumnRole } from '../../model/types';
import { foldForSearch } from '../../model/text';
import { UserError } from '../../errors';
import type { ImportNote } from '../../model/import-report';
import { codedText, type CodedMessage, type MessageValues } from '../../model/messages';
import type { LegacyEncoding } from '../../model/legacy-encoding';
import { captionRole, childColumn, headerSignature, type HeaderColumn } from './header';
import { romanOf, romanTitle, rowsList, startsLowercase } from './row-rules';
import type { ShownAs } from './cells';

/** One cell of a grid row: the text of the cell that starts at grid column `start`, or of the cell merged down into it. */
export interface GridCell {
  text: string;
  /** First grid column of the cell (Word: 0-based grid column; Excel: 1-based sheet column). */
  start: number;
  /** Grid columns the cell covers. */
  span: number;
  /** Covered by a vertical merge (Word `vMerge` continue, Excel merged range): `text` is the merge's. */
  mergedDown: boolean;
  /** What reading the cell's value found (Excel): a formula's cached result, none at all, an old encoding, a format. */
  read?: { formula?: boolean; noResult?: boolean; legacy?: { encoding: LegacyEncoding; font: string }; shown?: ShownAs };
}

export interface GridRow {
  /** The row in the file, for messages: 1-based table row (Word) or sheet row (Excel). */
  index: number;
  /** Marked to repeat at the top of each page (Word `w:tblHeader`). */
  header: boolean;
  /** Hidden in the file (Excel). */
  hidden?: boolean;
  /** Cells by their first grid column, left to right. */
  cells: GridCell[];
}

export interface FoundTableHeader {
  /** `index` of the first header row. */
  row: number;
  /** Position in the grid rows of the first row after the header (and the `(1) (2) (3)` row). */
  dataStart: number;
  columns: Array<HeaderColumn & { span: number }>;
}

function isHeader(columns: readonly { role: ColumnRole | null }[]): boolean {
  const roles = new Set(columns.map((c) => c.role));
  return roles.has('task') && (roles.has('number') || roles.has('lead') || roles.has('cooperate') || roles.has('deadline'));
}

/**
 * The captions of a header starting at position `r`. A caption spanning columns (`Cơ quan thực hiện` over
 * `Chủ trì | Phối hợp`) takes its sub-captions from the row below.
 */
function captionsAt(rows: readonly GridRow[], r: number): { columns: FoundTableHeader['columns']; rows: number } {
  const top = rows[r];
  const below = rows[r + 1];
  const columns: FoundTableHeader['columns'] = [];
  let twoRows = false;
  for (const cell of top.cells) {
    const subs = cell.span > 1 && below ? below.cells.filter((b) => b.start >= cell.start && b.start < cell.start + cell.span && b.text) : [];
    if (subs.length > 1) {
      twoRows = true;
      subs.forEach((s, i) => {
        const end = i + 1 < subs.length ? subs[i + 1].start : cell.start + cell.span;
        columns.push({ ...childColumn(cell.text, s.text, s.start), span: end - s.start });
      });
      continue;
    }
    if (!cell.text || cell.mergedDown) continue;
    columns.push({ col: cell.start, span: cell.span, caption: cell.text.replace(/\s*\n\s*/g, ' '), role: captionRole(cell.text) });
  }
  // Columns whose caption spans both header rows were merged down: the row below repeats them.
  return { columns, rows: twoRows ? 2 : 1 };
}

/** A row of column numbers under the header: `(1) (2) (3)` or `1 2 3`. */
function isColumnNumberRow(row: GridRow | undefined, columns: FoundTableHeader['columns']): boolean {
  if (!row) return false;
  const texts = columns.map((c) => textIn(row, c)).filter(Boolean);
  if (texts.length < 3 || texts.length < columns.length - 1) return false;
  return texts.every((t, i) => t.replace(/[()]/g, '') === String(i + 1));
}

/**
 * The table's header: the first row, from the top, whose captions name a task column and one more known
 * column, looked for among the rows whose `index` is at most `lastIndex` (a title typed in the table's first
 * rows in Word; a title block and the issuer's header above the table in a sheet).
 */
export function findTableHeader(rows: readonly GridRow[], lastIndex: number): FoundTableHeader | null {
  for (let r = 0; r < rows.length && rows[r].index <= lastIndex; r++) {
    const { columns, rows: used } = captionsAt(rows, r);
    if (!isHeader(columns)) continue;
    let dataStart = r + used;
    if (isColumnNumberRow(rows[dataStart], columns)) dataStart++;
    return { row: rows[r].index, dataStart, columns };
  }
  return null;
}

/** The cells a row holds under a header column: those starting inside the column's span. */
function cellsIn(row: GridRow, column: { col: number; span: number }): GridCell[] {
  return row.cells.filter((c) => c.start >= column.col && c.start < column.col + column.span);
}

/** The text a row holds under a header column: the cells starting inside the column's span, joined. */
function textIn(row: GridRow, column: { col: number; span: number }): string {
  return cellsIn(row, column)
    .filter((c) => c.text)
    .map((c) => c.text)
    .join(' ');
}

/** A row of the table as read, before agency cells are split: texts by column index in `header.columns`. */
export interface RawTask {
  /** File row where the task starts (for messages; in Word counted on through the continuing tables). */
  row: number;
  texts: string[];
  /** Rows this one spans (a vertical merge over their lines): its children, in order. */
  children?: RawTask[];
}
export interface RawGroup {
  title: string;
  tasks: RawTask[];
}

export interface RawTable {
  groups: RawGroup[];
  /** Coded warnings (`importWarning.*`), worded by the reader's language. */
  warnings: CodedMessage[];
  /** Dates read as their format shows them, text converted from old encodings. */
  notes: ImportNote[];
  /** Groups numbered 1, 2 (a number with its title spanned across): the table is numbered hierarchically. */
  numberedGroups: boolean;
}

/** A vertical merge over lines `from`..`to` (positions in the part's rows) starting at grid column `start`. */
interface Extent {
  from: number;
  to: number;
}

/**
 * Where each cell of each row sits vertically: the first and last row position of the merge it belongs to
 * (a cell alone: its own row). A merged-down cell continues the cell at the same grid column in the row above.
 */
function extentsOf(rows: readonly GridRow[]): Array<Map<number, Extent>> {
  const out: Array<Map<number, Extent>> = [];
  rows.forEach((row, r) => {
    const here = new Map<number, Extent>();
    for (const c of row.cells) {
      const above = c.mergedDown && r > 0 ? out[r - 1].get(c.start) : undefined;
      if (above) {
        above.to = r;
        here.set(c.start, above);
      } else here.set(c.start, { from: r, to: r });
    }
    out.push(here);
  });
  return out;
}

/** An open parent row: the vertical merge it is printed as, and the task it became. */
interface OpenParent {
  extent: Extent;
  task: RawTask;
}

/** A row read with nothing under it: how many parents it sits under, and the list that holds it. */
interface Leaf {
  task: RawTask;
  depth: number;
  list: RawTask[];
}

/**
 * A parent with a single line prints no merge (the exporter merges only over two lines or more, and Word/Excel
 * cannot merge one line): its cells sit on its child's line. A column that holds parents at one depth of the
 * table's merges (objectives at the top, tasks under them) and never holds a row's own text deeper than that is a
 * parent column; a row at or above that depth with text in it and text of its own elsewhere is split into that
 * parent and the row under it. Returns the parents made (the rows are changed in place).
 */
function splitParents(leaves: readonly Leaf[], ownedAt: ReadonlyArray<ReadonlySet<number>>, ownDepth: readonly number[], numberAt: number): RawTask[] {
  const level = ownedAt.map((set, i) => {
    if (i === numberAt || set.size !== 1) return -1;
    const [at] = set;
    return ownDepth[i] <= at ? at : -1;
  });
  const made: RawTask[] = [];
  if (level.every((l) => l < 0)) return made;
  for (const leaf of leaves) {
    const texts = leaf.task.texts;
    const levels = [...new Set(level.filter((l, i) => l >= leaf.depth && texts[i] !== ''))].sort((a, b) => a - b);
    if (levels.length === 0) continue;
    const own = texts.map((t, i) => (i !== numberAt && levels.includes(level[i]) ? '' : t));
    if (!own.some((t, i) => i !== numberAt && t !== '')) continue;
    let top: RawTask | null = null;
    let inner: RawTask | null = null;
    for (const l of levels) {
      const parent: RawTask = { row: leaf.task.row, texts: texts.map((t, i) => (i !== numberAt && level[i] === l ? t : '')), children: [] };
      if (inner) inner.children!.push(parent);
      else top = parent;
      inner = parent;
      made.push(parent);
    }
    leaf.task.texts = own;
    inner!.children!.push(leaf.task);
    leaf.list[leaf.list.indexOf(leaf.task)] = top!;
  }
  return made;
}

/**
 * Reads the rows under the header (and the parts that continue the table: a Word table pasted page by page)
 * into groups and tasks. A row whose STT is a Roman numeral (or whose only text is `I. Title`) starts a group.
 * Cells merged down over several lines at the left of a row (after the STT) are a parent row spanning the rows
 * of those lines (an objective over its tasks, a task over its activities), nested by their extents; any other
 * merged cell is each line's value (one lead agency merged over three tasks). A row with no STT whose text
 * carries on the previous task (a page break split it: its text starts in lower case, or it has no task text)
 * is joined to that task. Nothing is guessed beyond that: a row with no STT that starts a sentence is a task.
 * Throws UserError (naming the row and column) for a formula cell the file holds no result for.
 *
 * `where(row)` names the table (and the row) in warnings and errors: values with a `whereKey`
 * (`importWarning.where.sheetRow` and its file, sheet, row), worded by the reader's language.
 */
export function readTableRows(parts: ReadonlyArray<{ rows: readonly GridRow[] }>, header: FoundTableHeader, where: (row?: number) => MessageValues): RawTable {
  const cols = header.columns;
  const numberAt = cols.findIndex((c) => c.role === 'number');
  const taskAt = cols.findIndex((c) => c.role === 'task');
  const signature = headerSignature(cols);
  const groups: RawGroup[] = [];
  const warnings: CodedMessage[] = [];
  const formulaRows: number[] = [];
  const joinedRows: number[] = [];
  const unnumberedRows: number[] = [];
  const hiddenRows: number[] = [];
  const notes: ImportNote[] = [];
  const legacy = new Map<LegacyEncoding, { fonts: Set<string>; cells: number }>();
  let repeatedHeaders = 0;
  let numberedGroups = false;
  let romanGroups = false;
  let current: RawGroup | null = null;
  let previous: RawTask | null = null;
  let parents: OpenParent[] = [];
  // Parents open when the table went on in a new table (a table pasted page by page: merges cannot cross it).
  let carried: RawTask[] = [];
  const spanning: Array<{ task: RawTask; columns: string[] }> = [];
  // What the table says about its columns, for rows whose parent is on their own line (see splitParents).
  const ownedAt = cols.map(() => new Set<number>());
  const ownDepth = cols.map(() => -1);
  const leaves: Leaf[] = [];
  const newGroup = (title: string) => {
    current = { title: title.replace(/\s*\n\s*/g, ' '), tasks: [] };
    groups.push(current);
    previous = null;
    parents = [];
    carried = [];
  };

  // Rows are counted on through the tables that continue the first, so a task's row is one place.
  let rowOffset = 0;
  parts.forEach((part, partIndex) => {
    const start = partIndex === 0 ? header.dataStart : 0;
    if (partIndex > 0) rowOffset += parts[partIndex - 1].rows.length;
    const extents = extentsOf(part.rows);
    // Merges do not run from one table into the next: the parents open at its end are carried into it, for the rows
    // that leave their columns empty.
    if (partIndex > 0) carried = [...carried, ...parents.map((p) => p.task)];
    parents = [];
    for (let r = start; r < part.rows.length; r++) {
      const row = part.rows[r];
      const cells = cols.map((c) => cellsIn(row, c));
      cells.forEach((inColumn, i) => {
        for (const cell of inColumn) {
          const read = cell.read;
          if (!read || cell.mergedDown) continue;
          if (read.noResult) {
            throw UserError.coded(
              'xlsxFile.formulaNoValue',
              { ...where(row.index), column: cols[i].caption },
              `${codedText({ key: String(where(row.index).whereKey), values: where(row.index) })}, cột “${cols[i].caption}”: ô có công thức nhưng tệp không lưu kết quả, nên không biết giá trị của nó. ` +
                'Hãy mở tệp trong Excel, lưu lại (để Excel tính kết quả) rồi nhập lại.',
            );
          }
          if (read.formula) formulaRows.push(row.index);
          if (read.legacy) {
            const seen = legacy.get(read.legacy.encoding) ?? { fonts: new Set<string>(), cells: 0 };
            seen.fonts.add(read.legacy.font);
            seen.cells++;
            legacy.set(read.legacy.encoding, seen);
          }
          // A date shown as a month is read as the month (not the 1st): said with its row.
          if (read.shown === 'month') notes.push({ kind: 'guessed', code: 'monthDate', params: { column: cols[i].caption, value: cell.text }, row: row.index });
        }
      });
      const texts = cells.map((inColumn) =>
        inColumn
          .filter((c) => c.text)
          .map((c) => c.text)
          .join(' '),
      );
      const merged = cells.map((inColumn) => inColumn.length > 0 && inColumn[0].mergedDown);
      // Empty, or only values merged down from the row above: nothing new on this row.
      if (texts.every((t, i) => t === '' || merged[i])) continue;
      // The header again: repeated on each page (w:tblHeader) or typed again mid-table; and its number row.
      if (row.header || headerSignature(cols.map((c, i) => ({ ...c, caption: texts[i] }))) === signature) {
        repeatedHeaders++;
        continue;
      }
      if (texts.every((t, i) => foldForSearch(t).replace(/[()]/g, '') === String(i + 1))) continue;
      if (row.hidden) hiddenRows.push(row.index);

      const stt = numberAt >= 0 ? texts[numberAt] : '';
      const others = texts.filter((_, i) => i !== numberAt && i !== taskAt && texts[i] !== '');

      // A group row: the Roman numeral in the STT column and the title beside it …
      if (stt && romanOf(stt) !== null) {
        romanGroups = true;
        newGroup(texts.find((t, i) => i !== numberAt && t !== '') ?? '');
        continue;
      }
      // … or, under hierarchical numbering, a number with the title spanned across every other column (`1 | Title`);
      // under Roman groups such a row is a numbered row whose text spans the table (an objective over `1.1`, `1.2`).
      const titleAt = texts.findIndex((t, i) => i !== numberAt && t !== '');
      if (
        !romanGroups &&
        titleAt >= 0 &&
        /^\d{1,3}\.?$/.test(stt) &&
        cols.length >= 3 &&
        cols.every((_, i) => i === numberAt || i === titleAt || cells[i].length === 0) &&
        !merged[titleAt]
      ) {
        numberedGroups = true;
        newGroup(texts[titleAt]);
        continue;
      }
      // … or `II. Title` alone on the row (one cell spanned across, or in the first column).
      const filled = texts.filter((t) => t !== '');
      if (filled.length === 1 && others.length <= 1) {
        const single = romanTitle(filled[0]);
        if (single) {
          romanGroups = true;
          newGroup(single.title);
          continue;
        }
      }

      // The parents this line sits under: the merges over several lines at the left of the row, outermost
      // first, each inside the one before (the STT column goes with the parent whose merge it matches).
      const extentOf = (i: number): Extent | null => {
        const first = cells[i][0];
        return first ? (extents[r].get(first.start) ?? null) : null;
      };
      const chain: Extent[] = [];
      const owner = new Array<number>(cols.length).fill(-1);
      for (let i = 0; i < cols.length; i++) {
        if (i === numberAt) continue;
        const e = extentOf(i);
        if (!e || e.from === e.to) {
          // Under a carried parent, its column is left empty: look on for a merge of the next level.
          if (carried.length && texts[i] === '' && ownedAt[i].size > 0) continue;
          break;
        }
        const last = chain[chain.length - 1];
        if (last === e || (last && last.from === e.from && last.to === e.to)) {
          owner[i] = chain.length - 1;
          continue;
        }
        if (last && !(e.from >= last.from && e.to <= last.to)) break;
        chain.push(e);
        owner[i] = chain.length - 1;
      }
      // Other cells merged over exactly a parent's lines are that parent's too (the exporter merges them all).
      for (let i = 0; i < cols.length; i++) {
        if (owner[i] >= 0) continue;
        const e = extentOf(i);
        if (!e || e.from === e.to) continue;
        const at = chain.findIndex((p) => p.from === e.from && p.to === e.to);
        if (at >= 0 && (i !== numberAt || at === 0)) owner[i] = at;
      }

      // Carried parents stay open while the rows leave their columns empty.
      let kept = 0;
      while (kept < carried.length && carried[kept].texts.every((t, i) => i === numberAt || t === '' || texts[i] === '')) kept++;
      carried = carried.slice(0, kept);
      const base = carried.length;
      const under = (): RawTask[] => (base ? carried[base - 1].children! : current!.tasks);

      // Close the parents this line is not under; open the ones it starts.
      let keep = 0;
      while (keep < parents.length && keep < chain.length && parents[keep].extent === chain[keep]) keep++;
      const opened = keep < chain.length;
      parents = parents.slice(0, keep);
      for (let d = keep; d < chain.length; d++) {
        const task: RawTask = { row: rowOffset + row.index, texts: texts.map((t, i) => (owner[i] === d ? t : '')), children: [] };
        spanning.push({ task, columns: cols.filter((_, i) => owner[i] === d && i !== numberAt && texts[i]).map((c) => c.caption) });
        texts.forEach((t, i) => {
          if (owner[i] === d && i !== numberAt && t) ownedAt[i].add(base + d);
        });
        if (!current) newGroup('');
        const into: RawTask[] = d > 0 ? parents[d - 1].task.children! : under();
        into.push(task);
        parents.push({ extent: chain[d], task });
      }
      const own = texts.map((t, i) => (owner[i] >= 0 ? '' : t));
      const ownMerged = merged.map((m, i) => m && owner[i] < 0);
      // The line only carries on its parents (a parent's first line with nothing of its own).
      if (own.every((t, i) => t === '' || ownMerged[i])) {
        previous = null;
        continue;
      }

      const ownStt = numberAt >= 0 ? own[numberAt] : '';
      const taskText = taskAt >= 0 ? own[taskAt] : '';
      const continues = !opened && ownStt === '' && previous !== null && (taskText === '' || startsLowercase(taskText));
      if (continues && previous) {
        const prev: RawTask = previous;
        own.forEach((t, i) => {
          // A value merged down from the previous row is the same value, not more text.
          if (!t || ownMerged[i] || i === numberAt) return;
          prev.texts[i] = prev.texts[i] ? `${prev.texts[i]} ${t}` : t;
        });
        joinedRows.push(row.index);
        continue;
      }

      // A row under a parent that holds the STT is numbered by it.
      const parentNumbered = numberAt >= 0 && (owner[numberAt] >= 0 || (chain.length === 0 && base > 0 && carried[base - 1].texts[numberAt] !== ''));
      if (ownStt === '' && numberAt >= 0 && !parentNumbered) unnumberedRows.push(row.index);
      if (!current) newGroup('');
      previous = { row: rowOffset + row.index, texts: own };
      const into: RawTask[] = parents.length ? parents[parents.length - 1].task.children! : under();
      into.push(previous);
      leaves.push({ task: previous, depth: base + chain.length, list: into });
      own.forEach((t, i) => {
        if (t && i !== numberAt) ownDepth[i] = Math.max(ownDepth[i], base + chain.length);
      });
    }
  });

  if (formulaRows.length) {
    const rows = [...new Set(formulaRows)];
    warnings.push({ key: 'importWarning.formulaRows', values: { ...where(), ...rowsList(rows) } });
  }
  if (joinedRows.length) {
    warnings.push({ key: 'importWarning.joinedRows', values: { ...where(), ...rowsList(joinedRows) } });
  }
  if (unnumberedRows.length) {
    warnings.push({ key: 'importWarning.unnumberedRows', values: { ...where(), ...rowsList(unnumberedRows) } });
  }
  if (hiddenRows.length) {
    warnings.push({ key: 'importWarning.hiddenRows', values: { ...where(), ...rowsList(hiddenRows) } });
  }
  if (repeatedHeaders > 0) {
    // Not a problem: noted so a drafter who counts rows knows where they went.
    warnings.push({ key: 'importWarning.repeatedHeaders', values: { ...where(), count: repeatedHeaders } });
  }
  for (const p of splitParents(leaves, ownedAt, ownDepth, numberAt)) {
    notes.push({ kind: 'recognised', code: 'parentColumn', params: { columns: cols.filter((_, i) => p.texts[i] && i !== numberAt).map((c) => c.caption).join('”, “') }, row: p.row });
  }
  for (const p of spanning) {
    if (p.task.children?.length) notes.push({ kind: 'recognised', code: 'spanningRow', params: { columns: p.columns.join('”, “'), count: p.task.children.length }, row: p.task.row });
  }
  for (const [encoding, seen] of legacy) {
    notes.unshift({ kind: 'guessed', code: 'encoding', params: { encoding: encoding === 'tcvn3' ? 'TCVN3' : 'VNI', fonts: [...seen.fonts].join(', '), count: seen.cells } });
  }
  return { groups, warnings, notes, numberedGroups };
}
