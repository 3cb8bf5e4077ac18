/**
 * "Mở tệp" / "Mở thư mục" after an export: an id opens only the path main wrote in this session (through the
 * service, as the IPC handler calls it), any other id or a path is refused with a coded error before the shell is
 * asked, and the browser host (no `files`) refuses both with its own code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../electron/core/store/open';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { validateCall } from '../../electron/core/api/validate';
import type { ExportResult } from '../../electron/core/api/contract';
import { createWrittenFiles, writtenFileActions, type ShellLike } from '../../electron/core/files/written-files';
import { removeTempDirs, tempDir } from './helpers';

afterEach(removeTempDirs);

/** A shell that records what it was asked; `openPath` answers `answer` ('' is success). */
function recordingShell(answer = ''): ShellLike & { calls: Array<[string, string]> } {
  const calls: Array<[string, string]> = [];
  return {
    calls,
    openPath: async (path) => {
      calls.push(['open', path]);
      return answer;
    },
    showItemInFolder: (path) => {
      calls.push(['show', path]);
    },
  };
}

/** A desktop-like service: `deliver` writes the export into `dir` and notes it, as main's save dialog does. */
function desktop(shell: ShellLike) {
  const dir = tempDir();
  const written = createWrittenFiles();
  const db = openStore(join(dir, 's.sqlite'));
  const api = createService(db, {
    info: { version: 't', dataFile: 'x', shell: 'electron' },
    deliver: async (file): Promise<ExportResult> => {
      const path = join(dir, file.fileName);
      writeFileSync(path, file.bytes);
      return { kind: 'saved', path, fileId: written.remember(path), notes: file.notes };
    },
    files: writtenFileActions(written, shell),
  });
  return { api, db, dir };
}

const codeOf = async (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => 'no error',
    (e: { code?: string }) => e.code,
  );

describe('written files registry', () => {
  it('maps an id back to the path it was made for, and a new id for each write', () => {
    const files = createWrittenFiles();
    const a = files.remember('/docs/a.docx');
    const b = files.remember('/docs/a.docx');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(files.pathFor(a)).toBe('/docs/a.docx');
    expect(files.pathFor(b)).toBe('/docs/a.docx');
  });

  it('refuses an unknown id, a path and another registry\'s id with export.unknownFile', () => {
    const files = createWrittenFiles();
    const other = createWrittenFiles().remember('/etc/passwd');
    for (const bad of [other, '/docs/a.docx', '', '00000000-0000-4000-8000-000000000000']) {
      expect(() => files.pathFor(bad)).toThrow(expect.objectContaining({ code: 'export.unknownFile' }));
    }
  });
});

describe('openExportedFile / showExportedFile', () => {
  it('open and show exactly the exported file; an unknown id never reaches the shell', async () => {
    const shell = recordingShell();
    const { api, db } = desktop(shell);
    const plan = await api.createPlan('sample');
    const result = await api.exportPlan(plan.id, 'xlsx');
    expect(result.kind).toBe('saved');
    if (result.kind !== 'saved') return;
    await api.openExportedFile(result.fileId);
    await api.showExportedFile(result.fileId);
    expect(shell.calls).toEqual([
      ['open', result.path],
      ['show', result.path],
    ]);
    expect(await codeOf(api.openExportedFile('00000000-0000-4000-8000-000000000000'))).toBe('export.unknownFile');
    expect(await codeOf(api.showExportedFile('00000000-0000-4000-8000-000000000000'))).toBe('export.unknownFile');
    expect(shell.calls).toHaveLength(2);
    db.close();
  });

  it('a file moved away since the export, or one the system cannot open, is a coded message', async () => {
    const shell = recordingShell('No application is associated with the specified file');
    const { api, db } = desktop(shell);
    const plan = await api.createPlan('sample');
    const result = await api.exportPlan(plan.id, 'json');
    if (result.kind !== 'saved') throw new Error('expected a saved file');
    await expect(api.openExportedFile(result.fileId)).rejects.toMatchObject({ code: 'export.cannotOpenFile', params: { detail: 'No application is associated with the specified file' } });
    rmSync(result.path);
    expect(await codeOf(api.showExportedFile(result.fileId))).toBe('export.fileGone');
    expect(await codeOf(api.openExportedFile(result.fileId))).toBe('export.fileGone');
    expect(shell.calls).toEqual([['open', result.path]]);
    db.close();
  });

  it('the browser host (exports are downloads) refuses both with export.openNotHere', async () => {
    const db = openStore(join(tempDir(), 's.sqlite'));
    const api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
    const id = createWrittenFiles().remember('/x');
    expect(await codeOf(api.openExportedFile(id))).toBe('export.openNotHere');
    expect(await codeOf(api.showExportedFile(id))).toBe('export.openNotHere');
    db.close();
  });

  it('the transports accept only an id-shaped string (never a path or a number)', () => {
    expect(() => validateCall('openExportedFile', ['00000000-0000-4000-8000-000000000000'])).not.toThrow();
    for (const bad of [['C:\\\\Windows\\\\notepad.exe'], ['/bin/sh'], [7], []]) {
      expect(() => validateCall('openExportedFile', bad)).toThrow(/Invalid argument openExportedFile#1/);
      expect(() => validateCall('showExportedFile', bad)).toThrow(/Invalid argument showExportedFile#1/);
    }
  });
});
