/**
 * Several files written into a new folder at once (#23: the return workbooks of a period, one per unit): the folder
 * is made beside nothing else (`name`, else `name-2` …, never into an existing folder's files), each file written as
 * every user-named file is (safe-write.ts: temp file and rename, never over the store, its companions or backups).
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RenderedFile } from '../export/render';
import { refusalFor, writeError, writeFileSafely, type SafeWriteOptions } from './safe-write';

/** A folder name for `name` in `parent` that does not exist yet or is empty. */
function freeFolder(parent: string, name: string): string {
  for (let i = 1; ; i++) {
    const candidate = join(parent, i === 1 ? name : `${name}-${i}`);
    if (!existsSync(candidate)) return candidate;
    try {
      if (readdirSync(candidate).length === 0) return candidate;
    } catch {
      // A file of that name: try the next.
    }
  }
}

/** Writes `files` into a new folder `name` inside `parent`; returns the folder and each file's path. */
export function writeFilesToNewFolder(
  parent: string, name: string, files: readonly RenderedFile[], safety: Pick<SafeWriteOptions, 'protect'> = {},
): { folder: string; files: Array<{ fileName: string; path: string }> } {
  const folder = freeFolder(parent, name);
  const refusal = refusalFor(folder, safety);
  if (refusal) throw refusal;
  try {
    mkdirSync(folder, { recursive: true });
  } catch (e) {
    throw writeError(e, folder);
  }
  const written: Array<{ fileName: string; path: string }> = [];
  for (const f of files) {
    const path = join(folder, f.fileName);
    writeFileSafely(path, f.bytes, { ...safety, overwrite: false });
    written.push({ fileName: f.fileName, path });
  }
  return { folder, files: written };
}
