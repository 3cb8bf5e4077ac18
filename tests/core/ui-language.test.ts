/**
 * The UI language reaches the shell: `setUiLanguage` (the renderer calls it on start and on every switch) hands the
 * language to the desktop, which rebuilds its menu in it (electron/main/menu.ts, words from the catalogue's
 * `menu.*`); the browser host has no menu and accepts the call; any other language is refused before it arrives.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { validateCall } from '../../electron/core/api/validate';
import { openStore } from '../../electron/core/store/open';
import { removeTempDirs, tempDir } from './helpers';

vi.mock('electron', () => ({ Menu: {} }));
afterEach(removeTempDirs);

describe('setUiLanguage', () => {
  it('hands the language to the shell, which words its menu in it', async () => {
    const db = openStore(join(tempDir(), 'u.sqlite'));
    const told: string[] = [];
    const api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'electron' }, deliver: deliverAsDownload, setUiLanguage: (l) => told.push(l) });
    await api.setUiLanguage('en');
    await api.setUiLanguage('vi');
    expect(told).toEqual(['en', 'vi']);
    const { menuTemplate } = await import('../../electron/main/menu');
    expect(menuTemplate(told[0] as 'en', () => undefined).map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    db.close();
  });
  it('is accepted by the browser host (no menu) and refuses a language the catalogue lacks', async () => {
    const db = openStore(join(tempDir(), 'b.sqlite'));
    const api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
    await expect(api.setUiLanguage('en')).resolves.toBeUndefined();
    expect(() => validateCall('setUiLanguage', ['fr'])).toThrow();
    expect(() => validateCall('setUiLanguage', ['vi'])).not.toThrow();
    db.close();
  });
});
