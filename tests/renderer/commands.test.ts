import { describe, expect, it, vi } from 'vitest';
import { APP_COMMANDS, SHORTCUTS, commandOfKey } from '../../renderer/src/commands';
import vi_ from '../../renderer/src/locales/vi/editor.json';
import en from '../../renderer/src/locales/en/editor.json';

// menu.ts imports Electron's Menu only to build the menu; the template and the command list need none.
vi.mock('electron', () => ({ Menu: {} }));

describe('commands', () => {
  it('the desktop menu sends exactly the renderer commands', async () => {
    const { MENU_COMMANDS, menuTemplate } = await import('../../electron/main/menu');
    expect([...MENU_COMMANDS]).toEqual([...APP_COMMANDS]);
    const sent: string[] = [];
    const walk = (items: Array<{ click?: () => void; submenu?: unknown }>) => items.forEach((i) => {
      i.click?.();
      if (Array.isArray(i.submenu)) walk(i.submenu as typeof items);
    });
    walk(menuTemplate('vi', (c) => sent.push(c)) as never);
    expect(new Set(sent)).toEqual(new Set(APP_COMMANDS));
    expect(menuTemplate('vi', () => undefined).map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
    expect(menuTemplate('en', () => undefined).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('shortcuts map to commands', () => {
    const k = (key: string, ctrlKey = true) => ({ key, ctrlKey, metaKey: false, altKey: false, shiftKey: false });
    expect(commandOfKey(k('s'))).toBe('save');
    expect(commandOfKey(k('P'))).toBe('preview');
    expect(commandOfKey(k('F1', false))).toBe('help');
    expect(commandOfKey(k('s', false))).toBeNull();
  });

  it('every shortcut of the help is described in Vietnamese and English', () => {
    for (const s of SHORTCUTS) {
      expect((vi_.help.keys as Record<string, string>)[s.what], s.what).toBeTruthy();
      expect((en.help.keys as Record<string, string>)[s.what], s.what).toBeTruthy();
    }
  });
});
