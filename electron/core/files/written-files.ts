/**
 * The files the desktop app wrote in this session (exports through the save dialog), so that the UI can ask to
 * open one or show it in its folder. The renderer never sends a path: it gets an opaque id with the export's
 * result and passes that back; only a path main wrote itself maps to an id, so a compromised page cannot make
 * main open an arbitrary file. Plain Node: the shell (Electron's `shell`) is passed in.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { UserError } from '../errors';

/** What of Electron's `shell` the actions need. `openPath` resolves to '' on success, else the system's message. */
export interface ShellLike {
  openPath(path: string): Promise<string>;
  showItemInFolder(path: string): void;
}

/** The ids of this session's written files. */
export interface WrittenFiles {
  /** Notes a file just written and returns its id (a random UUID; the same path written twice gets a new id). */
  remember(path: string): string;
  /** The path an id stands for; throws the coded `export.unknownFile` for any other id. */
  pathFor(fileId: string): string;
}

export function createWrittenFiles(): WrittenFiles {
  const paths = new Map<string, string>();
  return {
    remember(path) {
      const fileId = randomUUID();
      paths.set(fileId, path);
      return fileId;
    },
    pathFor(fileId) {
      const path = typeof fileId === 'string' ? paths.get(fileId) : undefined;
      if (path === undefined) throw UserError.coded('export.unknownFile', {}, 'That file was not exported in this session, so it cannot be opened from here.');
      return path;
    },
  };
}

/** The API's "open the exported file" and "show it in its folder" (ServiceOptions.files) over a shell. */
export function writtenFileActions(files: WrittenFiles, shell: ShellLike): { open(fileId: string): Promise<void>; show(fileId: string): Promise<void> } {
  /** The path, if the file is still there (it may have been moved or deleted since the export). */
  const existing = (fileId: string): string => {
    const path = files.pathFor(fileId);
    if (!existsSync(path)) throw UserError.coded('export.fileGone', { file: basename(path), path }, `${path}: the file is no longer there (moved or deleted?).`);
    return path;
  };
  return {
    open: async (fileId) => {
      const path = existing(fileId);
      const problem = await shell.openPath(path);
      if (problem) throw UserError.coded('export.cannotOpenFile', { file: basename(path), detail: problem }, `${basename(path)}: the file could not be opened (${problem}).`);
    },
    show: async (fileId) => {
      shell.showItemInFolder(existing(fileId));
    },
  };
}
