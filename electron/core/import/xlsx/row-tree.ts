/**
 * Numbering as the file has it: tasks numbered 1, 1.1, 1.2, 2 become a parent with its sub-tasks (model v2
 * `AppendixRow.children`), whatever file they come from (shared by the Word and Excel readers). Excel keeps
 * a sub-number typed as a number without its trailing zero (1.10 is stored as 1.1): a number that would
 * repeat an earlier sibling but is the next one with its zero dropped is read as the next one, and the
 * report names its row. Numbers themselves are not stored: the program numbers rows from their place.
 */
import type { AppendixGroup, AppendixRow, CellValue, ColumnDef, Mention, RowNumbering } from '../../model/types';
import type { ImportNote } from '../../model/import-report';

export interface NumberedTask {
  /** The file's row (for the report). */
  row: number;
  /** The STT as read ('' when none). */
  stt: string;
  value: AppendixRow;
  /** Rows the file already puts under this one (a parent merged down over their lines), nested by number in turn. */
  children?: readonly NumberedTask[];
}

interface Open {
  path: number[];
  row: AppendixRow;
  fileRow: number;
  label: string;
  /** Last child number seen under this node. */
  lastChild: number;
  children: string[];
}

/** `a)`, `b.`, `đ)`: a sub-item of the numbered row above it (`1.` then `a)`, `b)`). */
function isLetter(stt: string): boolean {
  return /^[a-zđ][).]$/u.test(stt.trim());
}

/** `1`, `1.2`, `1.2.3.` → [1], [1, 2], [1, 2, 3]; anything else null. */
function pathOf(stt: string): number[] | null {
  const t = stt.trim().replace(/\.$/, '');
  return /^\d{1,4}(\.\d{1,4})*$/.test(t) ? t.split('.').map(Number) : null;
}

/**
 * Nests the tasks of each group by their numbers and says what it did. Returns the groups with row trees,
 * the report notes (`subTask` per parent, `numberRepeated` per repaired number) and the numbering style
 * the file uses: `per-group` when a later group starts again at 1, else null (the default, continuous).
 */
export function nestByNumber(groups: ReadonlyArray<{ title: string; tasks: readonly NumberedTask[] }>): {
  groups: AppendixGroup[];
  notes: ImportNote[];
  numbering: RowNumbering | null;
} {
  const notes: ImportNote[] = [];
  let restarts = false;
  let topSeen = 0;
  /** One list of siblings nested by number; `tops` gets the first and last top-level numbers. */
  const nest = (tasks: readonly NumberedTask[], tops: { first: number | null; last: number }): AppendixRow[] => {
    const roots: AppendixRow[] = [];
    const stack: Open[] = [];
    const close = (until: number) => {
      while (stack.length > until) {
        const o = stack.pop()!;
        if (o.children.length) {
          notes.push({ kind: 'recognised', code: 'subTask', params: { parent: o.label, count: o.children.length, numbers: o.children.join(', ') }, row: o.fileRow });
        }
      }
    };
    for (const t of tasks) {
      // Rows the file put under this one by its merges keep their place, nested by their own numbers.
      if (t.children?.length) (t.value.children ??= []).push(...nest(t.children, { first: null, last: 0 }));
      // `a)` under `1.`: a sub-item of the deepest numbered row open.
      if (isLetter(t.stt) && stack.length) {
        const parent = stack[stack.length - 1];
        (parent.row.children ??= []).push(t.value);
        parent.children.push(t.stt.trim().slice(0, -1));
        continue;
      }
      let path = pathOf(t.stt);
      if (path && path.length > 1) {
        // Excel's 1.10 → 1.1: the number is not after its previous sibling, but the next one is it without its zero.
        const parent = stack[path.length - 2];
        if (parent && parent.path.join('.') === path.slice(0, -1).join('.')) {
          const expected = parent.lastChild + 1;
          const last = path[path.length - 1];
          const storedAs = Number(`${path.slice(0, -1).join('.')}.${expected}`);
          if (last <= parent.lastChild && Number(t.stt) === storedAs) {
            const read = [...path.slice(0, -1), expected];
            notes.push({ kind: 'guessed', code: 'numberRepeated', params: { stored: t.stt, read: read.join('.') }, row: t.row });
            path = read;
          }
        }
      }
      // The deepest open task whose number is this one's prefix is its parent.
      let depth = 0;
      if (path) {
        while (depth < stack.length && depth < path.length - 1 && stack[depth].path.join('.') === path.slice(0, depth + 1).join('.')) depth++;
      }
      const isChild = !!path && path.length > 1 && depth === path.length - 1;
      close(isChild ? depth : 0);
      if (isChild) {
        const parent = stack[depth - 1];
        (parent.row.children ??= []).push(t.value);
        parent.lastChild = path![path!.length - 1];
        parent.children.push(path!.join('.'));
      } else {
        roots.push(t.value);
        if (path && path.length === 1) {
          if (tops.first === null) tops.first = path[0];
          tops.last = path[0];
        }
      }
      if (path) stack.push({ path, row: t.value, fileRow: t.row, label: path.join('.'), lastChild: 0, children: [] });
      else stack.length = 0;
    }
    close(0);
    return roots;
  };
  const out = groups.map((g, gi) => {
    const tops = { first: null as number | null, last: 0 };
    const rows = nest(g.tasks, tops);
    // A later group whose first task is 1 again, after the table counted past it: numbered per group.
    if (gi > 0 && tops.first === 1 && topSeen >= 1) restarts = true;
    topSeen = Math.max(topSeen, tops.last);
    return { title: g.title, rows };
  });
  return { groups: out, notes, numbering: restarts ? { style: 'per-group' } : null };
}

/** A table's task as the readers have it: the file's row and the text of each column, in column order. */
export interface TableTask {
  row: number;
  texts: string[];
  /** Rows the table puts under this one (a parent row merged down over their lines). */
  children?: readonly TableTask[];
}

/**
 * The tasks of a Word or Excel table as rows of the plan, nested by their numbers (nestByNumber): a text column
 * takes the cell's text, an agency column the mentions `directory` makes of it (it splits the cell and notes its
 * guesses by file row); number columns hold nothing. `numberAt` is the STT column (-1 when there is none).
 */
export function rowsFromTable(
  groups: ReadonlyArray<{ title: string; tasks: readonly TableTask[] }>,
  columns: readonly ColumnDef[],
  directory: { mentions(key: string, text: string, row: number): Mention[] },
  numberAt: number,
): ReturnType<typeof nestByNumber> {
  const task = (t: TableTask): NumberedTask => {
    const cells: Record<string, CellValue> = {};
    columns.forEach((c, i) => {
      if (c.kind === 'number') return;
      cells[c.key] = c.kind === 'agencies' ? directory.mentions(c.key, t.texts[i], t.row) : t.texts[i];
    });
    const out: NumberedTask = { row: t.row, stt: numberAt >= 0 ? t.texts[numberAt] : '', value: { cells } };
    if (t.children?.length) out.children = t.children.map(task);
    return out;
  };
  return nestByNumber(groups.map((g) => ({ title: g.title, tasks: g.tasks.map(task) })));
}
