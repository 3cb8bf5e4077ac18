/**
 * The desktop application menu (Tệp, Sửa, Xem, Trợ giúp / File, Edit, View, Help), in the UI's language.
 * Each item runs the renderer's own command of the same name (renderer/src/commands.ts, the typed list
 * APP_COMMANDS) by dispatching a `soan-command` window event in the page, so a menu item and its shortcut
 * do exactly the same thing and the preload needs no new channel. Glue only: main/index.ts calls
 * `installAppMenu(mainWindow, lang)` after creating the window (and again when the language changes).
 */
import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { translate, type MessageLang } from '../core/model/messages';

/** The renderer's commands (kept equal to APP_COMMANDS in renderer/src/commands.ts; a test checks it). */
export const MENU_COMMANDS = ['undo', 'redo', 'save', 'saveVersion', 'find', 'replace', 'preview', 'help', 'plans', 'export-docx', 'export-xlsx'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

type Lang = MessageLang;

type LabelKey = MenuCommand | 'file' | 'edit' | 'view' | 'helpMenu' | 'quit' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'zoomIn' | 'zoomOut' | 'zoomReset';

/** The menu's words come from the one catalogue (`menu.*` in electron/core/model/messages). */
function label(lang: Lang, key: LabelKey): string {
  return translate(`menu.${key}`, {}, lang);
}

/** Runs a renderer command in the window's page (the same event the renderer's shortcuts use). */
export function sendCommand(win: BrowserWindow, command: MenuCommand): void {
  if (win.isDestroyed()) return;
  void win.webContents.executeJavaScript(`window.dispatchEvent(new CustomEvent('soan-command', { detail: ${JSON.stringify(command)} }))`, true).catch(() => undefined);
}

/**
 * The menu's template, for a language. Accelerators are shown for the renderer's shortcuts but
 * `registerAccelerator: false`, so the page's own key handling (which knows about input methods and
 * fields being typed in) stays the one that runs them.
 */
export function menuTemplate(lang: Lang, run: (command: MenuCommand) => void): MenuItemConstructorOptions[] {
  const l = (key: LabelKey) => label(lang, key);
  const item = (command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label: l(command), accelerator, registerAccelerator: false, click: () => run(command),
  });
  return [
    { label: l('file'), submenu: [item('plans'), { type: 'separator' }, item('save', 'CmdOrCtrl+S'), item('saveVersion'), { type: 'separator' }, item('export-docx'), item('export-xlsx'), { type: 'separator' }, { role: 'quit', label: l('quit') }] },
    { label: l('edit'), submenu: [item('undo', 'CmdOrCtrl+Z'), item('redo', 'CmdOrCtrl+Y'), { type: 'separator' }, { role: 'cut', label: l('cut') }, { role: 'copy', label: l('copy') }, { role: 'paste', label: l('paste') }, { role: 'selectAll', label: l('selectAll') }, { type: 'separator' }, item('find', 'CmdOrCtrl+F'), item('replace', 'CmdOrCtrl+H')] },
    { label: l('view'), submenu: [item('preview', 'CmdOrCtrl+P'), { type: 'separator' }, { role: 'zoomIn', label: l('zoomIn') }, { role: 'zoomOut', label: l('zoomOut') }, { role: 'resetZoom', label: l('zoomReset') }] },
    { label: l('helpMenu'), submenu: [item('help', 'F1')] },
  ];
}

/** Sets the application menu for `win` in `lang`. */
export function installAppMenu(win: BrowserWindow, lang: Lang = 'vi'): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(lang, (command) => sendCommand(win, command))));
}
