import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { UserError } from './errors';

export const APP_FOLDER = 'soan-ke-hoach';
export const STORE_FILE = 'soan-ke-hoach.sqlite';
/** The sub-folder of the user data folder that holds the store and its backups, apart from Chromium's profile. */
export const DATA_FOLDER = 'data';

/** The per-user data folder, as Electron's `app.getPath('userData')` would give it on each system. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_FOLDER);
}

/** The plans' folder: `data/` in the user data folder (`%APPDATA%\\soan-ke-hoach\\data` on Windows). */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return join(userDataDir(env, platform), DATA_FOLDER);
}

/** The portable build keeps its data in `data/` beside the .exe (electron-builder's portable launcher sets the variable). */
export function portableDataDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = env.PORTABLE_EXECUTABLE_DIR;
  return dir ? join(dir, 'data') : null;
}

/**
 * Where the store is: `--db FILE` wins, then `SOAN_KE_HOACH_DB`, then — for the portable build, whose
 * launcher sets `PORTABLE_EXECUTABLE_DIR` to the folder of the .exe — `data/` beside the executable,
 * then the plans' folder `dataDir` (default appDataDir()). Returns the args without the `--db` pair and, when the
 * plans' folder was chosen, `legacy`: where versions before it kept the store (the folder above `dataDir`), for
 * moveLegacyStore (electron/core/data-folder.ts).
 */
export function resolveStorePath(args: readonly string[], env: NodeJS.ProcessEnv = process.env, dataDir = appDataDir(env)): { path: string; rest: string[]; legacy: string | null } {
  const rest: string[] = [];
  let path: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--db') {
      path = args[++i] ?? null;
      // A UserError, so the CLI prints one line instead of a stack trace for a mistyped command.
      if (!path) throw UserError.coded('cli.needsValue', { option: '--db' }, '--db needs a file name.');
    } else if (a.startsWith('--db=')) path = a.slice(5);
    else rest.push(a);
  }
  const explicit = path ?? env.SOAN_KE_HOACH_DB;
  if (explicit) return { path: resolve(explicit), rest, legacy: null };
  const portable = portableDataDir(env);
  if (portable) return { path: resolve(portable, STORE_FILE), rest, legacy: null };
  return { path: resolve(dataDir, STORE_FILE), rest, legacy: resolve(dirname(resolve(dataDir)), STORE_FILE) };
}
