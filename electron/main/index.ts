/**
 * Electron main: thin glue. Opens the store through openAppStore (path from --db, SOAN_KE_HOACH_DB, the
 * portable folder or userData; lock, backups, disk errors), answers the
 * SoanApi over IPC after checking the sender and the arguments, shows save dialogs for exports, and
 * locks the window down (isolation, sandbox, CSP, no navigation, no new windows, no permissions).
 * Everything testable lives in electron/core; this file cannot be run on the build machine.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session, shell, utilityProcess, type IpcMainInvokeEvent } from 'electron';
import { mkdtempSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiErrorBody, ExportResult, SoanApi } from '../core/api/contract';
import { API_METHODS } from '../core/api/methods';
import { validateCall } from '../core/api/validate';
import { errorText, isUserError, UserError } from '../core/errors';
import { translate } from '../core/model/messages';
import type { RenderedFile } from '../core/export/render';
import {
  APP_SCHEME, APP_SCHEME_PRIVILEGES, CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, isTrustedSender, permissionCheckHandler,
  permissionRequestHandler, RENDERER_URL, resolveAppRequest, secureWebPreferences, windowOpenHandler,
} from '../core/security/policy';
import { portableDataDir, userDataDir } from '../core/paths';
import { settleStorePath } from '../core/data-folder';
import { resourcesDir, setResourcesDir } from '../core/resources';
import { openAppStore, type AppStore } from '../core/app-store';
import { writeFileSafely } from '../core/files/safe-write';
import { writeFilesToNewFolder } from '../core/files/folder-write';
import { createWrittenFiles, writtenFileActions } from '../core/files/written-files';
import { runSmokeTest } from '../core/smoke';
import { createJobClient, WORKER_HEAP_MB, type JobChannel } from '../core/jobs/client';
import type { JobReply } from '../core/jobs/tasks';
import { flushBeforeClose } from './flush-on-close';
import { installAppMenu } from './menu';

// Built as ESM into out/main/: the renderer and preload sit beside it in out/.
const here = fileURLToPath(new URL('.', import.meta.url));
// The renderer's files, served as app://soan/… (RENDERER_URL is its index.html).
const rendererRoot = join(here, '../renderer');
let mainWindow: BrowserWindow | null = null;
/** The UI's language as the renderer last said (setUiLanguage): the menu is built in it. */
let uiLanguage: 'vi' | 'en' = 'vi';

/** h6 (#16 one voice): the renderer switched language; the menu follows at once. */
function setUiLanguage(lang: 'vi' | 'en'): void {
  uiLanguage = lang;
  if (mainWindow && !mainWindow.isDestroyed()) installAppMenu(mainWindow, lang);
}
let store: AppStore | null = null;

// app:// must be declared privileged before the app is ready: a standard, secure scheme with the page's own origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

// The data folder is %APPDATA%\soan-ke-hoach whatever productName the installer gives the app (Electron would
// use "Soạn Kế hoạch"); the portable build keeps the store (resolveStorePath) and Chromium's profile beside its .exe.
// `--smoke-test` (the release job's check of a packaged build) runs in a Chromium profile of its own, so it never
// meets a running copy's single-instance lock or profile, and two smoke runs can go at once.
const smokeTest = process.argv.includes('--smoke-test');
const portableDir = portableDataDir(process.env);
app.setPath('userData', smokeTest ? mkdtempSync(join(tmpdir(), 'soan-smoke-profile-')) : portableDir ? join(portableDir, 'profile') : userDataDir());

// A second instance focuses the first instead of opening the same store twice.
const isFirstInstance = smokeTest || app.requestSingleInstanceLock();
if (!isFirstInstance) app.quit();
app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
});

/** Only our own page (any #/route of it), in our window's main frame, may call the API. */
function senderIsOurs(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return isTrustedSender({
    frameUrl: frame?.url,
    isMainFrame: !!frame && frame === event.sender.mainFrame,
    isOurWindow: !!mainWindow && event.sender === mainWindow.webContents,
  });
}

/**
 * Imports and exports run in a utility process (out/main/jobs-worker.js, the core's same functions): parsing a
 * large Word file or writing a large workbook never blocks this thread, so the window stays responsive, and a file
 * that needs more than WORKER_HEAP_MB ends that process with a message instead of the app.
 */
function utilityChannel(): JobChannel {
  const child = utilityProcess.fork(join(here, 'jobs-worker.js'), [], {
    serviceName: 'Soạn Kế hoạch: nhập, xuất tệp',
    stdio: 'inherit',
    execArgv: [`--max-old-space-size=${WORKER_HEAP_MB}`],
    // The process has its own module state: tell it where resources/ (the exchange schema) is, as main knows it.
    env: { ...process.env, SOAN_KE_HOACH_RESOURCES: resourcesDir() },
  });
  let fatal = false;
  let killed = false;
  child.on('error', () => (fatal = true));
  return {
    postMessage: (m) => child.postMessage(m),
    onMessage: (l) => child.on('message', (m: JobReply) => l(m)),
    onExit: (l) => child.on('exit', (code) => {
      if (!killed) l({ outOfMemory: fatal, detail: `exit code ${code}` });
    }),
    kill: () => {
      killed = true;
      child.kill();
    },
  };
}
const jobs = createJobClient(utilityChannel);

// The files exported in this session: "Mở tệp" / "Mở thư mục" name one by the id it got here, never by a path.
const writtenFiles = createWrittenFiles();
const fileActions = writtenFileActions(writtenFiles, shell);

/** "Export everything": the user picks the folder the new export folder goes into. */
async function chooseExportFolder(): Promise<string | null> {
  const options = { defaultPath: app.getPath('documents'), properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
  const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return choice.canceled || !choice.filePaths[0] ? null : choice.filePaths[0];
}

async function saveWithDialog(file: RenderedFile): Promise<ExportResult> {
  const options = {
    defaultPath: join(app.getPath('documents'), file.fileName),
    filters: [{ name: file.fileName.split('.').pop()!.toUpperCase(), extensions: [file.fileName.split('.').pop()!] }],
  };
  const choice = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { kind: 'cancelled' };
  // The dialog asked before replacing a file; the store, its companions and backups are refused (core/files/safe-write).
  writeFileSafely(choice.filePath, file.bytes, { overwrite: true });
  return { kind: 'saved', path: choice.filePath, fileId: writtenFiles.remember(choice.filePath), notes: file.notes };
}

function registerApi(api: SoanApi): void {
  for (const method of API_METHODS) {
    ipcMain.handle(`soan:${method}`, async (event, ...args: unknown[]) => {
      if (!senderIsOurs(event)) {
        const refused = UserError.coded('request.notAppWindow', {}, 'Refused: the request did not come from the app window.');
        return { error: refused.message, userError: true, code: refused.code, params: refused.params } satisfies ApiErrorBody;
      }
      try {
        validateCall(method, args);
        const fn = api[method] as (...a: unknown[]) => Promise<unknown>;
        return { result: (await fn(...args)) ?? null };
      } catch (e) {
        const user = isUserError(e);
        if (!user) console.error(`[main] ${method} failed:`, e);
        const body: ApiErrorBody = { error: user ? e.message : `Internal error: ${(e as Error).message}`, userError: user };
        if (user && e.code) Object.assign(body, { code: e.code, params: e.params ?? {} });
        return body;
      }
    });
  }
}

/** app://soan/<file>: the renderer's built files (inside app.asar when packaged), nothing else; 404 otherwise. */
function serveApp(): void {
  // Worded in the UI's language, as the browser host words its refusals (host.*).
  const notFound = () => new Response(translate('host.notFound', {}, uiLanguage), { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  protocol.handle(APP_SCHEME, async (request) => {
    const found = resolveAppRequest(request.url, rendererRoot);
    if (!found) return notFound();
    try {
      const body = await readFile(found.path);
      return new Response(new Uint8Array(body), {
        headers: { 'Content-Type': found.mimeType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff' },
      });
    } catch {
      return notFound();
    }
  });
}

function lockDown(): void {
  serveApp();
  session.defaultSession.setPermissionRequestHandler(permissionRequestHandler);
  session.defaultSession.setPermissionCheckHandler(permissionCheckHandler);
  session.defaultSession.setDevicePermissionHandler(permissionCheckHandler);
  // The app never talks to the network: any request that is not for the app:// page or in-memory data is cancelled.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url) });
  });
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(windowOpenHandler);
  });
}

function createWindow(options: { show?: boolean } = {}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 800,
    minWidth: 1000,
    minHeight: 600,
    title: 'Soạn Kế hoạch',
    show: false,
    webPreferences: secureWebPreferences({ preload: join(here, '../preload/index.cjs'), packaged: app.isPackaged }),
  });
  mainWindow = window;
  // Typed text still in the page is saved before the window closes; the menu (Tệp, Sửa, Xem, Trợ giúp) runs the page's own commands.
  flushBeforeClose(window);
  installAppMenu(window, uiLanguage);
  if (options.show !== false) window.once('ready-to-show', () => window.show());
  window.on('closed', () => (mainWindow = null));
  void window.loadURL(RENDERER_URL);
  return window;
}

/** Resolves once the page has loaded and React has rendered into #root with `window.soan` present (20 s at most). */
async function pageRendered(window: BrowserWindow): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    window.webContents.once('did-finish-load', () => resolve());
    window.webContents.once('did-fail-load', (_e, code, description) => reject(new Error(`the page did not load (${code} ${description})`)));
  });
  const deadline = Date.now() + 20_000;
  for (;;) {
    const rendered = (await window.webContents.executeJavaScript(
      "typeof window.soan === 'object' && (document.getElementById('root')?.childElementCount ?? 0) > 0",
    )) as boolean;
    if (rendered) return;
    if (Date.now() > deadline) throw new Error('the page loaded but the app did not render');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * `--smoke-test`: the core's smoke run (temporary store, hidden window over it, DOCX and XLSX exported and read back)
 * with exit code 0 on success, 1 on failure; the report goes to standard output and, when SOAN_SMOKE_REPORT names a
 * file, there as JSON (a packaged Windows app has no console).
 */
function runSmoke(): void {
  const report = async (body: object) => {
    const text = JSON.stringify(body, null, 2);
    console.log(text);
    if (process.env.SOAN_SMOKE_REPORT) await writeFile(process.env.SOAN_SMOKE_REPORT, text).catch(() => undefined);
  };
  const watchdog = setTimeout(() => void report({ ok: false, error: 'smoke test timed out after 180 s' }).finally(() => app.exit(2)), 180_000);
  runSmokeTest({
    version: app.getVersion(),
    shell: 'electron',
    // The exports go through the utility process, as the app's do: the smoke run proves it starts in the package.
    jobs,
    written: writtenFiles,
    files: fileActions,
    log: (line) => console.log(line),
    loadWindow: async (api) => {
      lockDown();
      registerApi(api);
      await pageRendered(createWindow({ show: false }));
    },
  }).then(
    (result) => report(result).finally(() => { clearTimeout(watchdog); app.exit(0); }),
    (e: unknown) => report({ ok: false, error: (e as Error).message }).finally(() => { clearTimeout(watchdog); app.exit(1); }),
  );
}

app.whenReady().then(async () => {
  // The second instance only hands over to the first (which focuses its window); it never touches the store.
  if (!isFirstInstance) return;
  if (app.isPackaged) setResourcesDir(join(process.resourcesPath, 'resources'));
  if (smokeTest) return runSmoke();
  let storePath: string;
  try {
    // The plans live in their own folder (%APPDATA%\soan-ke-hoach\data); a store left by an older version in the
    // profile folder is backed up and moved there first (core: settleStorePath).
    ({ path: storePath } = await settleStorePath(process.argv.slice(1), process.env, (m) => console.error(`[main] ${m}`)));
    // One writer per store (another user session's app, the browser host or a CLI import holding it is named
    // in the message; the single-instance lock above only covers this user's app), the sample on first start,
    // a backup on start and daily, and a full or read-only disk turned into one clear message.
    store = openAppStore({
      storePath,
      info: { version: app.getVersion(), dataFile: storePath, shell: 'electron' },
      deliver: saveWithDialog,
      // #23: the return workbooks of a period go into a new folder inside the one the user picks.
      deliverFiles: async (files, folderName) => {
        const parent = await chooseExportFolder();
        if (!parent) return { kind: 'cancelled' };
        return { kind: 'saved', ...writeFilesToNewFolder(parent, folderName, files, { protect: [storePath] }) };
      },
      files: fileActions,
      jobs,
      chooseExportFolder,
      warn: (m) => console.error(`[main] ${m}`),
      setUiLanguage,
    });
  } catch (e) {
    dialog.showErrorBox('Soạn Kế hoạch', isUserError(e) ? errorText(e) : String(e));
    app.exit(1);
    return;
  }
  lockDown();
  registerApi(store.api);
  createWindow();
});

app.on('window-all-closed', () => {
  const closing = store;
  store = null;
  jobs.close();
  void (closing?.close() ?? Promise.resolve()).finally(() => app.quit());
});
