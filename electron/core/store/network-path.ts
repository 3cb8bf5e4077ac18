/**
 * Stores on network drives are refused. SQLite's WAL (how the store runs: readers beside one writer, a crash leaves
 * the last commit whole) keeps an index in shared memory that only works on one computer; over SMB or NFS the
 * locks it relies on are unreliable, and two computers can corrupt the file. Running such a store in rollback-
 * journal mode with exclusive locking would keep it whole but block the command line and every second window, and a
 * dropped connection mid-write still risks the file; a local folder plus exchange files (or "export everything") to
 * share plans is the safe way, so the message advises exactly that.
 *
 * `classifyStorePath` is the pure rule (tested on every kind of path); `assertLocalStore` applies it to a real path:
 * on Windows a mapped drive's real path is its UNC path (`Z:\…` → `\\server\share\…`), and on Linux and macOS the
 * file system type of the folder tells NFS, SMB and CIFS.
 */
import { statfsSync } from 'node:fs';
import { dirname, posix, win32 } from 'node:path';
import { UserError } from '../errors';
import { realPathOf } from '../files/safe-write';

/** statfs `f_type` of network file systems: NFS, SMB, CIFS, SMB2/3, Coda, AFS, Ceph, 9P. */
export const NETWORK_FS_TYPES: ReadonlySet<number> = new Set([0x6969, 0x517b, 0xff534d42, 0xfe534d42, 0x73757245, 0x5346414f, 0x00c36400, 0x01021997]);

export type StorePlace = 'local' | 'network';

/**
 * Where a store's path is. `path` is its real path; `fsType` the statfs type of its folder when known.
 * Windows: `\\server\share\…`, `//server/share/…` and `\\?\UNC\server\…` are network; `\\?\C:\…` and `\\.\…` are local.
 */
export function classifyStorePath(path: string, platform: NodeJS.Platform, fsType?: number): StorePlace {
  if (platform === 'win32') {
    if (/^[\\/]{2}\?[\\/]UNC[\\/]/i.test(path)) return 'network';
    if (/^[\\/]{2}[?.][\\/]/.test(path)) return 'local';
    if (/^[\\/]{2}[^\\/]+[\\/][^\\/]+/.test(path)) return 'network';
  }
  if (fsType !== undefined && NETWORK_FS_TYPES.has(fsType)) return 'network';
  return 'local';
}

/** The statfs type of the nearest existing folder of `path`, or undefined where the system does not say. */
function fsTypeOf(path: string): number | undefined {
  for (let dir = dirname(path); ; dir = dirname(dir)) {
    try {
      return statfsSync(dir).type;
    } catch {
      if (dirname(dir) === dir) return undefined;
    }
  }
}

/** Throws the coded refusal when the store at `storePath` is on a network drive or share. */
export function assertLocalStore(storePath: string, platform: NodeJS.Platform = process.platform): void {
  // The real path comes from this system; asked about another one (a test of the Windows rule), the path is taken as given.
  const real = platform === process.platform ? realPathOf(storePath) : storePath;
  const type = platform === 'win32' ? undefined : fsTypeOf(real);
  if (classifyStorePath(real, platform, type) === 'network') {
    const basename = (platform === 'win32' ? win32 : posix).basename;
    throw UserError.coded(
      'store.networkPath',
      { file: basename(storePath), path: real },
      `${basename(storePath)}: the data file is on a network drive (${real}). Soạn Kế hoạch keeps its data in a local folder: ` +
        'two computers writing one file over the network can damage it. Copy it to a folder on this computer (the default data folder), ' +
        'and share plans as exchange files or with "Export everything".',
    );
  }
}
