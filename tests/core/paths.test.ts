/** Where the store lives: --db, SOAN_KE_HOACH_DB, the portable build's folder beside the .exe, the user's data folder. */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FOLDER, appDataDir, DATA_FOLDER, portableDataDir, resolveStorePath, STORE_FILE, userDataDir } from '../../electron/core/paths';

describe('store path', () => {
  const portable = { PORTABLE_EXECUTABLE_DIR: resolve('/media/usb/SoanKeHoach') };

  it('the portable build keeps the store in data/ beside the executable', () => {
    expect(portableDataDir(portable)).toBe(join(portable.PORTABLE_EXECUTABLE_DIR, 'data'));
    expect(resolveStorePath([], portable, '/home/u/.config/soan-ke-hoach')).toEqual({
      path: resolve(portable.PORTABLE_EXECUTABLE_DIR, 'data', STORE_FILE),
      rest: [],
      legacy: null,
    });
  });

  it('--db and SOAN_KE_HOACH_DB still win over the portable folder', () => {
    expect(resolveStorePath(['--db', '/tmp/a.sqlite'], portable, '/data').path).toBe(resolve('/tmp/a.sqlite'));
    expect(resolveStorePath([], { ...portable, SOAN_KE_HOACH_DB: '/tmp/b.sqlite' }, '/data').path).toBe(resolve('/tmp/b.sqlite'));
  });

  it('without the portable variable (installed build, CLI) the store is in data/ of the user data folder, the old place named', () => {
    expect(portableDataDir({})).toBeNull();
    expect(portableDataDir({ PORTABLE_EXECUTABLE_DIR: '' })).toBeNull();
    expect(resolveStorePath([], {}, '/u/soan/data')).toEqual({ path: resolve('/u/soan/data', STORE_FILE), rest: [], legacy: resolve('/u/soan', STORE_FILE) });
    expect(userDataDir({ APPDATA: 'C:\\Users\\an\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\an\\AppData\\Roaming', APP_FOLDER));
    expect(appDataDir({ APPDATA: 'C:\\Users\\an\\AppData\\Roaming' }, 'win32')).toBe(join('C:\\Users\\an\\AppData\\Roaming', APP_FOLDER, DATA_FOLDER));
    expect(appDataDir({ XDG_CONFIG_HOME: '/home/an/.config' }, 'linux')).toBe(join('/home/an/.config', APP_FOLDER, 'data'));
    // --db and the variable name a file of their own: nothing to move.
    expect(resolveStorePath(['--db', '/tmp/a.sqlite'], {}, '/u/soan/data').legacy).toBeNull();
  });
});
