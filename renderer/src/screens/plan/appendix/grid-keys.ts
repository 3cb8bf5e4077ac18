/**
 * The grid's keyboard model, as a spreadsheet has it, as a pure function of the key and the cell kind:
 * the grid turns the returned action into selection moves, edits and store commands. Kept apart from
 * React so that it is unit-tested key by key (tests/renderer/grid-keys.test.ts).
 */

/** The parts of a keydown the model looks at. */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  /** True while an input method composes (or sends key code 229). */
  composing?: boolean;
  /** The physical key (`Minus`, `Equal`, `NumpadAdd`): Alt+Shift+- and + are read by place, whatever the layout types. */
  code?: string;
}

/** What the active cell is: a task row's cell of some column kind, or a group's title. */
export type CellKind = 'number' | 'text' | 'agencies' | 'group';

export type GridKeyAction =
  /** Move the selection by rows (over items that hold cells) and columns. */
  | { kind: 'move'; rows: number; cols: number }
  /** Home/End (row start/end) and Ctrl+Home/End (first/last row). */
  | { kind: 'edge'; where: 'rowStart' | 'rowEnd' | 'first' | 'last' }
  /**
   * Open the cell's editor. `keep`: with its content, caret at the end (Enter, F2); otherwise the content
   * is replaced by what is being typed: the key's own character goes into the editor (the grid focuses the
   * editor during the keydown and lets the browser insert the character, so input methods keep working).
   */
  | { kind: 'edit'; keep: boolean }
  /** Empty the cell (Delete, Backspace). */
  | { kind: 'clear' }
  | { kind: 'moveRow'; dir: -1 | 1 }
  | { kind: 'insertRow' }
  /** Insert a sub-row under the active row (Ctrl+Shift+Enter). */
  | { kind: 'insertChild' }
  | { kind: 'deleteRow' }
  /** Indent (1: under the row above, Alt+Shift+→) or outdent (-1, Alt+Shift+←) the row, as Word's outline does. */
  | { kind: 'indent'; dir: 1 | -1 }
  /** Collapse (Alt+Shift+-) or expand (Alt+Shift++) the row's sub-rows, as Word's outline does. */
  | { kind: 'fold'; open: boolean }
  /** Open the row's context menu (the Menu key, Shift+F10). */
  | { kind: 'menu' }
  /** A key that must do nothing here, not even its default (Space would scroll the grid). */
  | { kind: 'swallow' }
  /** Not the grid's: let the browser or an outer handler have it. */
  | { kind: 'none' };

/** Rows PageUp/PageDown move by. */
export const PAGE_ROWS = 8;

/** True for a key that types a character (a letter, a digit, a space, a Vietnamese letter from a layout). */
export function isTypedCharacter(e: KeyInput): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  return [...e.key].length === 1;
}

/** The grid's answer to a keydown on the active cell while no editor is open. */
export function gridKey(e: KeyInput, cell: CellKind): GridKeyAction {
  const editable = cell !== 'number';
  if (e.composing) return editable ? { kind: 'edit', keep: false } : { kind: 'swallow' };
  const { key } = e;
  if (e.altKey && !e.ctrlKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
    return cell === 'group' ? { kind: 'none' } : { kind: 'moveRow', dir: key === 'ArrowUp' ? -1 : 1 };
  }
  const ctrl = e.ctrlKey || e.metaKey;
  if (e.altKey && e.shiftKey && !ctrl && cell !== 'group') {
    if (key === 'ArrowRight') return { kind: 'indent', dir: 1 };
    if (key === 'ArrowLeft') return { kind: 'indent', dir: -1 };
    if (e.code === 'Minus' || e.code === 'NumpadSubtract' || key === '-' || key === '_') return { kind: 'fold', open: false };
    if (e.code === 'Equal' || e.code === 'NumpadAdd' || key === '+' || key === '=') return { kind: 'fold', open: true };
  }
  if (e.altKey) return { kind: 'none' };
  if (key === 'ContextMenu' || (key === 'F10' && e.shiftKey && !ctrl)) return cell === 'group' ? { kind: 'none' } : { kind: 'menu' };
  switch (key) {
    case 'ArrowUp': return { kind: 'move', rows: -1, cols: 0 };
    case 'ArrowDown': return { kind: 'move', rows: 1, cols: 0 };
    case 'ArrowLeft': return { kind: 'move', rows: 0, cols: -1 };
    case 'ArrowRight': return { kind: 'move', rows: 0, cols: 1 };
    case 'Tab': return ctrl ? { kind: 'none' } : { kind: 'move', rows: 0, cols: e.shiftKey ? -1 : 1 };
    case 'PageUp': return { kind: 'move', rows: -PAGE_ROWS, cols: 0 };
    case 'PageDown': return { kind: 'move', rows: PAGE_ROWS, cols: 0 };
    case 'Home': return { kind: 'edge', where: ctrl ? 'first' : 'rowStart' };
    case 'End': return { kind: 'edge', where: ctrl ? 'last' : 'rowEnd' };
    case 'Insert': return cell === 'group' || !ctrl ? { kind: 'insertRow' } : { kind: 'none' };
    case 'Enter':
      if (ctrl && e.shiftKey) return cell === 'group' ? { kind: 'none' } : { kind: 'insertChild' };
      if (ctrl) return { kind: 'insertRow' };
      if (e.shiftKey) return { kind: 'move', rows: -1, cols: 0 };
      return editable ? { kind: 'edit', keep: true } : { kind: 'move', rows: 1, cols: 0 };
    case 'F2': return editable ? { kind: 'edit', keep: true } : { kind: 'swallow' };
    case 'Delete':
      if (ctrl) return cell === 'group' ? { kind: 'none' } : { kind: 'deleteRow' };
      return editable && cell !== 'group' ? { kind: 'clear' } : { kind: 'swallow' };
    case 'Backspace':
      // As in a spreadsheet: Backspace empties the cell and opens it for typing.
      return editable && cell !== 'group' ? { kind: 'clear' } : { kind: 'swallow' };
    default:
      break;
  }
  if (!ctrl && isTypedCharacter(e)) return editable ? { kind: 'edit', keep: false } : { kind: 'swallow' };
  return { kind: 'none' };
}

/** How an editor was left: where the selection goes next. `blur`: the focus went elsewhere, leave it there. */
export type EditorExit = 'stay' | 'next' | 'prev' | 'down' | 'up' | 'blur';

/** The selection's move (rows, columns) after an editor closes this way. */
export function exitMove(exit: EditorExit): { rows: number; cols: number } | null {
  switch (exit) {
    case 'down': return { rows: 1, cols: 0 };
    case 'up': return { rows: -1, cols: 0 };
    case 'next': return { rows: 0, cols: 1 };
    case 'prev': return { rows: 0, cols: -1 };
    case 'stay': return { rows: 0, cols: 0 };
    case 'blur': return null;
  }
}
