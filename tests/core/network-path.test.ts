/** Stores on network drives are refused with advice; the rule is a pure function of the real path and the file system type. */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { assertLocalStore, classifyStorePath } from '../../electron/core/store/network-path';
import { openStore } from '../../electron/core/store/open';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

describe('classifyStorePath', () => {
  it.each([
    ['\\\\server\\share\\soan\\soan-ke-hoach.sqlite', 'win32', undefined, 'network'],
    ['//server/share/soan-ke-hoach.sqlite', 'win32', undefined, 'network'],
    ['\\\\?\\UNC\\server\\share\\x.sqlite', 'win32', undefined, 'network'],
    ['\\\\?\\C:\\Users\\a\\x.sqlite', 'win32', undefined, 'local'],
    ['\\\\.\\C:\\x.sqlite', 'win32', undefined, 'local'],
    ['C:\\Users\\a\\AppData\\Roaming\\soan-ke-hoach\\soan-ke-hoach.sqlite', 'win32', undefined, 'local'],
    ['/mnt/share/x.sqlite', 'linux', 0x6969, 'network'], // NFS
    ['/mnt/share/x.sqlite', 'linux', 0xff534d42, 'network'], // CIFS
    ['/mnt/share/x.sqlite', 'linux', 0xfe534d42, 'network'], // SMB2/3
    ['/home/a/.config/soan-ke-hoach/x.sqlite', 'linux', 0xef53, 'local'], // ext4
    ['//not-unc-on-posix/x.sqlite', 'linux', 0xef53, 'local'],
  ] as const)('%s on %s (fs %s) is %s', (path, platform, fsType, expected) => {
    expect(classifyStorePath(path, platform, fsType)).toBe(expected);
  });
});

describe('opening a store', () => {
  it('a local folder opens; a UNC path is refused with advice before anything is created', () => {
    const local = join(tempDir(), 'store.sqlite');
    expect(() => assertLocalStore(local)).not.toThrow();
    openStore(local).close();
    const unc = '\\\\server\\share\\soan-ke-hoach.sqlite';
    try {
      assertLocalStore(unc, 'win32');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'store.networkPath', params: { file: 'soan-ke-hoach.sqlite' } });
      expect((e as Error).message).toMatch(/local folder/);
    }
    if (process.platform !== 'win32') expect(existsSync(unc)).toBe(false);
  });
});
