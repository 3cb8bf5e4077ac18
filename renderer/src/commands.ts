/**
 * The editor's commands, one name each, shared by the keyboard shortcuts, the help (F1) and the desktop
 * menu: Electron's menu (electron/main/menu.ts) sends the same names as a `soan-command` window event,
 * so a menu item and its shortcut do exactly the same thing.
 */
export const APP_COMMANDS = ['undo', 'redo', 'save', 'saveVersion', 'find', 'replace', 'preview', 'help', 'plans', 'export-docx', 'export-xlsx'] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

/** The window event the desktop menu dispatches (detail: an AppCommand). */
export const COMMAND_EVENT = 'soan-command';

/** Every shortcut the editor knows, for the help: keys, and the locale key of what they do (help.keys.*). */
export const SHORTCUTS: ReadonlyArray<{ keys: string; what: string; where: 'all' | 'grid' | 'body' | 'decision' }> = [
  { keys: 'Ctrl+Z', what: 'undo', where: 'all' },
  { keys: 'Ctrl+Y, Ctrl+Shift+Z', what: 'redo', where: 'all' },
  { keys: 'Ctrl+S', what: 'save', where: 'all' },
  { keys: 'Ctrl+F', what: 'find', where: 'all' },
  { keys: 'Ctrl+H', what: 'replace', where: 'all' },
  { keys: 'Ctrl+P', what: 'preview', where: 'all' },
  { keys: 'F1', what: 'help', where: 'all' },
  { keys: '↑ ↓ ← →, Tab, Shift+Tab', what: 'gridMove', where: 'grid' },
  { keys: 'a–z, 0–9…', what: 'gridType', where: 'grid' },
  { keys: 'Enter, F2', what: 'gridEdit', where: 'grid' },
  { keys: 'Enter / Tab (editing)', what: 'gridCommit', where: 'grid' },
  { keys: 'Esc', what: 'gridCancel', where: 'grid' },
  { keys: 'Delete, Backspace', what: 'gridClear', where: 'grid' },
  { keys: 'Shift+Enter, Alt+Enter', what: 'gridNewline', where: 'grid' },
  { keys: 'Home, End, Ctrl+Home, Ctrl+End, PageUp, PageDown', what: 'gridJump', where: 'grid' },
  { keys: 'Alt+↑, Alt+↓', what: 'gridMoveRow', where: 'grid' },
  { keys: 'Ctrl+Enter, Insert', what: 'gridInsertRow', where: 'grid' },
  { keys: 'Ctrl+Delete', what: 'gridDeleteRow', where: 'grid' },
  { keys: 'Alt+Shift+→, Alt+Shift+←', what: 'gridIndent', where: 'grid' },
  { keys: 'Ctrl+Shift+Enter', what: 'gridInsertChild', where: 'grid' },
  { keys: 'Alt+Shift+-, Alt+Shift++', what: 'gridFold', where: 'grid' },
  { keys: 'Shift+F10, Menu', what: 'gridMenu', where: 'grid' },
  { keys: 'Ctrl+V', what: 'gridPaste', where: 'grid' },
  { keys: 'Enter', what: 'bodyEnter', where: 'body' },
  { keys: 'Tab, Shift+Tab', what: 'bodyIndent', where: 'body' },
  { keys: 'Alt+↑, Alt+↓', what: 'bodyMove', where: 'body' },
  { keys: 'Ctrl+B, Ctrl+I', what: 'bodyEmphasis', where: 'body' },
  { keys: 'Ctrl+Alt+F', what: 'bodyFootnote', where: 'body' },
  { keys: 'Tab, Shift+Tab', what: 'recipientIndent', where: 'decision' },
  { keys: 'Alt+↑, Alt+↓', what: 'listMove', where: 'decision' },
];

/** The command a keydown means, if any (F1, Ctrl+S, Ctrl+F, Ctrl+H, Ctrl+P). */
export function commandOfKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }): AppCommand | null {
  if (e.key === 'F1' && !e.ctrlKey && !e.altKey) return 'help';
  if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return null;
  switch (e.key.toLowerCase()) {
    case 's': return 'save';
    case 'f': return 'find';
    case 'h': return 'replace';
    case 'p': return 'preview';
    default: return null;
  }
}
