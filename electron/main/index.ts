/**
 * Electron main: thin glue. Opens the store (path from --db, SOAN_KE_HOACH_DB or userData), answers the
 * SoanApi over IPC after checking the sender and the arguments, shows save dialogs for exports, and
 * locks the window down (isolation, sandbox, CSP, no navigation, no new windows, no permissions).
 * Everything testable lives in electron/core; this file cannot be run on the build machine.
 */
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { API_METHODS, type ExportResult, type SoanApi } from '../core/api/contract';
import { createService } from '../core/api/service';
import { validateCall } from '../core/api/validate';
import { isUserError } from '../core/errors';
import type { RenderedFile } from '../core/export/render';
import { CONTENT_SECURITY_POLICY } from '../core/host/http-host';
import { resolveStorePath } from '../core/paths';
import { setResourcesDir } from '../core/resources';
import { loadSamplePackage } from '../core/sample';
import { installSampleOnFirstRun } from '../core/store/first-run';
import { openStore, type Db } from '../core/store/open';

// Built as ESM into out/main/: the renderer and preload sit beside it in out/.
const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '../renderer/index.html');
const rendererUrl = pathToFileURL(rendererIndex).href;
let mainWindow: BrowserWindow | null = null;
let db: Db | null = null;

// A second instance focuses the first instead of opening the same store twice.
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

/** Only our own page, loaded from our own file, may call the API. */
function senderIsOurs(event: IpcMainInvokeEvent): boolean {
  return event.senderFrame?.url === rendererUrl && event.sender === mainWindow?.webContents;
}

async function saveWithDialog(file: RenderedFile): Promise<ExportResult> {
  const options = {
    defaultPath: join(app.getPath('documents'), file.fileName),
    filters: [{ name: file.fileName.split('.').pop()!.toUpperCase(), extensions: [file.fileName.split('.').pop()!] }],
  };
  const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
  await writeFile(choice.filePath, file.bytes);
  return { kind: 'saved', path: choice.filePath, notes: file.notes };
}

function registerApi(api: SoanApi): void {
  for (const method of API_METHODS) {
    ipcMain.handle(`soan:${method}`, async (event, ...args: unknown[]) => {
      if (!senderIsOurs(event)) return { error: 'Refused: the request did not come from the app window.', userError: true };
      try {
        validateCall(method, args);
        const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
        return { result: (await fn(...args)) ?? null };
      } catch (e) {
        const user = isUserError(e);
        if (!user) console.error(`[main] ${method} failed:`, e);
        return { error: user ? (e as Error).message : `Internal error: ${(e as Error).message}`, userError: user };
      }
    });
  }
}

function lockDown(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  // The app never talks to the network: any request that is not our own file is cancelled.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith('file://') || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (url !== rendererUrl) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function createWindow(): void {
  mainWindow = new BrowserWindow({
    width: 1366,
    height: 800,
    minWidth: 1000,
    minHeight: 600,
    title: 'Soạn Kế hoạch',
    show: false,
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('closed', () => (mainWindow = null));
  void mainWindow.loadFile(rendererIndex);
}

app.whenReady().then(() => {
  if (app.isPackaged) setResourcesDir(join(process.resourcesPath, 'resources'));
  const { path: storePath } = resolveStorePath(process.argv.slice(1), process.env, app.getPath('userData'));
  try {
    db = openStore(storePath);
  } catch (e) {
    dialog.showErrorBox('Soạn Kế hoạch', isUserError(e) ? e.message : String(e));
    app.exit(1);
    return;
  }
  installSampleOnFirstRun(db, loadSamplePackage);
  lockDown();
  registerApi(createService(db, { info: { version: app.getVersion(), dataFile: storePath, shell: 'electron' }, deliver: saveWithDialog }));
  createWindow();
});

app.on('window-all-closed', () => {
  db?.close();
  app.quit();
});
