/**
 * The built Electron main (out/main/index.js) run under plain Node with a stand-in `electron` module
 * (tests/fixtures/electron-stub), as `--smoke-test`: what the release job runs on the packaged app. Checks the glue
 * that only main has: app:// declared privileged before ready and served by the policy (the page, its assets with
 * their types and CSP, 404 for anything else), the window's preferences and URL, the IPC handlers answering the
 * app:// page and refusing a file:// frame, the exports going through the jobs utility process with its heap
 * cap, and the exit code and report of a passing and a failing run. The security wiring is checked by behaviour:
 * the handlers main installed on the session, on every web contents and on every IPC channel are called with
 * probes by the stand-in, and their answers must be the policy's (electron/core/security/policy.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../electron/core/api/methods';
import {
  APP_SCHEME_PRIVILEGES, CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, RENDERER_URL, secureWebPreferences,
} from '../../electron/core/security/policy';
// @ts-expect-error -- a plain .mjs stand-in without types; only its two probe lists are read.
import { PROBE_PERMISSIONS, PROBE_URLS } from '../fixtures/electron-stub/electron.mjs';
import { ensureBuilt, ROOT } from './built-app';
import { removeTempDirs, tempDir } from './helpers';

const SOURCES = [join(ROOT, 'electron', 'main', 'index.ts'), join(ROOT, 'electron', 'core', 'smoke.ts'), join(ROOT, 'electron', 'core', 'jobs', 'client.ts')];
beforeAll(() => ensureBuilt(SOURCES, 'main-smoke.test.ts'), 300_000);
afterEach(removeTempDirs);

interface StubLog {
  privileged: Array<{ schemes: Array<{ scheme: string; privileges: object }>; beforeReady: boolean }>;
  handled: string[];
  served: Array<{ url: string; status: number; type?: string; csp?: string; hasRoot?: boolean }>;
  windows: Array<{ show: boolean; webPreferences: Record<string, unknown> }>;
  loads: string[];
  ipcChannels: number;
  ipcCalls: Array<{ from: string; plans: number | null; error: string | null }>;
  menus: string[][];
  shell: object[];
  openUnknown: { error?: string; code?: string } | null;
  forks: Array<{ modulePath: string; execArgv: string[]; resources: string | null }>;
  jobMessages: number;
  exitCode: number | null;
  errors: string[];
  security: {
    permissionRequests: Record<string, unknown>;
    permissionChecks: Record<string, unknown>;
    devicePermission: unknown;
    requests: Record<string, unknown>;
    headers: Record<string, string[]> | null;
    contentsCreated: Array<{ navigate: Record<string, unknown>; redirect: Record<string, unknown>; attachWebview: unknown; windowOpen: unknown }>;
  };
  ipcProbe: { channels: number; foreign: Array<{ channel: string; reply: Record<string, unknown> }>; invalid: Array<{ channel: string; reply: Record<string, unknown> }> };
}

function runMain(extraEnv: Record<string, string> = {}) {
  const tmp = tempDir('soan-main-');
  const report = join(tmp, 'report.json');
  const stubLog = join(tmp, 'stub.json');
  const run = spawnSync(process.execPath, ['--import', './tests/fixtures/electron-stub/register.mjs', 'out/main/index.js', '--smoke-test'], {
    cwd: ROOT,
    env: { ...process.env, TMPDIR: tmp, SOAN_SMOKE_REPORT: report, ELECTRON_STUB_LOG: stubLog, ...extraEnv },
    encoding: 'utf8',
    timeout: 150_000,
  });
  return { run, tmp, report: JSON.parse(readFileSync(report, 'utf8')) as Record<string, unknown>, log: JSON.parse(readFileSync(stubLog, 'utf8')) as StubLog };
}

/** The passing run, made once and shared by the tests that read it. */
let passing: ReturnType<typeof runMain> | undefined;
const passingRun = () => (passing ??= runMain());

describe('out/main/index.js --smoke-test, with a stand-in electron', () => {
  it('passes: serves the page from app://, answers the page over IPC, exports through the jobs process, exits 0', () => {
    const { run, tmp, report, log } = passingRun();
    expect(run.status, run.stderr).toBe(0);
    expect(report).toMatchObject({ ok: true, windowLoaded: true, rows: 48, docxRowsRead: 48 });
    expect(log.exitCode).toBe(0);
    // The Vietnamese application menu is installed with the window.
    expect(log.menus).toEqual([['Tệp', 'Sửa', 'Xem', 'Trợ giúp']]);
    // app:// declared once, before the app was ready, with the policy's privileges; one handler.
    expect(log.privileged).toEqual([{ schemes: [{ scheme: 'app', privileges: { ...APP_SCHEME_PRIVILEGES } }], beforeReady: true }]);
    expect(log.handled).toEqual(['app']);
    // The window: hidden for the smoke run, the policy's preferences, the page from app://.
    expect(log.windows).toHaveLength(1);
    expect(log.windows[0].show).toBe(false);
    const { preload: _p, devTools: _d, ...prefs } = secureWebPreferences({ preload: '', packaged: false });
    expect(log.windows[0].webPreferences).toMatchObject(prefs);
    expect(String(log.windows[0].webPreferences.preload)).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
    expect(log.loads).toEqual([RENDERER_URL]);
    // Served: the page with the CSP, its script and stylesheet with their types; anything else 404.
    const page = log.served.find((s) => s.url === RENDERER_URL)!;
    expect(page).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY, hasRoot: true });
    expect(log.served.filter((s) => s.url.endsWith('.js')).map((s) => [s.status, s.type])).toEqual([[200, 'text/javascript; charset=utf-8']]);
    expect(log.served.filter((s) => s.url.endsWith('.css')).map((s) => [s.status, s.type])).toEqual([[200, 'text/css; charset=utf-8']]);
    expect(log.served.find((s) => s.url.endsWith('secret.sqlite'))?.status).toBe(404);
    // One IPC handler per API method; the app:// page is answered, a file:// frame is refused.
    expect(log.ipcChannels).toBe(API_METHODS.length);
    expect(API_METHODS).toContain('openExportedFile');
    expect(API_METHODS).toContain('showExportedFile');
    // "Mở tệp" with an id main never gave: refused with the coded error, and the shell was never asked.
    expect(log.openUnknown).toMatchObject({ userError: true, code: 'export.unknownFile' });
    expect(log.shell).toEqual([]);
    expect(log.ipcCalls).toEqual([
      { from: 'app', plans: 1, error: null },
      { from: 'file', plans: null, error: 'Refused: the request did not come from the app window.' },
    ]);
    // Exports through the utility process (the built worker entry, heap capped): one reply per export.
    expect(log.forks).toEqual([{ modulePath: join(ROOT, 'out', 'main', 'jobs-worker.js'), execArgv: ['--max-old-space-size=1024'], resources: join(ROOT, 'resources') }]);
    expect(log.jobMessages).toBe(2);
    // The temporary store folder is gone; only the smoke run's own Chromium profile folder is left in TMPDIR.
    expect(readdirSync(tmp).filter((f) => f.startsWith('soan-smoke-') && !f.startsWith('soan-smoke-profile-'))).toEqual([]);
  }, 180_000);

  it('wires the security policy: permissions refused, requests and navigation filtered by the policy, IPC sender checked then arguments validated', () => {
    const { log } = passingRun();
    expect(log.errors).toEqual([]);
    const sec = log.security;
    const every = (value: unknown) => Object.fromEntries((PROBE_PERMISSIONS as string[]).map((p) => [p, value]));
    // Every permission request is answered "no", every check is false, devices too.
    expect(sec.permissionRequests).toEqual(every(false));
    expect(sec.permissionChecks).toEqual(every(false));
    expect(sec.devicePermission).toBe(false);
    // Requests: cancelled exactly when the policy says so (the network and file: never reached).
    expect(sec.requests).toEqual(Object.fromEntries((PROBE_URLS as string[]).map((u) => [u, !isAllowedRequest(u)])));
    expect(sec.requests['https://example.com/']).toBe(true);
    expect(sec.requests[RENDERER_URL]).toBe(false);
    // Every response gets the app's CSP, the other headers kept.
    expect(sec.headers).toEqual({ 'X-Test': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    // Every web contents (the window's, the only one here) filters navigation and redirects by the policy,
    // refuses <webview>, and denies every new window.
    expect(sec.contentsCreated).toHaveLength(1);
    const byPolicy = Object.fromEntries((PROBE_URLS as string[]).map((u) => [u, !isAllowedNavigation(u)]));
    for (const wc of sec.contentsCreated) {
      expect(wc.navigate).toEqual(byPolicy);
      expect(wc.redirect).toEqual(byPolicy);
      expect(wc.navigate['https://example.com/']).toBe(true);
      expect(wc.navigate[RENDERER_URL]).toBe(false);
      expect(wc.attachWebview).toBe(true);
      expect(wc.windowOpen).toEqual((PROBE_URLS as string[]).map(() => ({ action: 'deny' })));
    }
    // IPC: every channel refuses a foreign frame before anything else, and refuses from the page an argument
    // list no method takes (validation, before the service runs): a coded user error, never an internal one.
    expect(log.ipcProbe.channels).toBe(API_METHODS.length);
    // The sender's refusal is one answer for every channel, and not the validator's: the sender is checked first.
    const refusal = log.ipcProbe.foreign[0].reply;
    expect(refusal).toMatchObject({ userError: true, code: 'request.notAppWindow', params: {} });
    expect(String(refusal.error)).toMatch(/app window/);
    for (const { channel, reply } of log.ipcProbe.foreign) expect(reply, channel).toEqual(refusal);
    for (const { channel, reply } of log.ipcProbe.invalid) {
      expect(reply.userError, channel).toBe(true);
      expect(String(reply.error), channel).not.toMatch(/^Internal error/);
      expect(reply, channel).not.toHaveProperty('result');
      expect(reply, channel).not.toEqual(refusal);
    }
  }, 180_000);

  it('fails with exit code 1 and a report naming the step when the page cannot load', () => {
    const { run, report, log } = runMain({ ELECTRON_STUB_NO_PROTOCOL: '1' });
    expect(run.status).toBe(1);
    expect(report.ok).toBe(false);
    expect(String(report.error)).toMatch(/smoke test failed at "load the window": the page did not load/);
    expect(log.exitCode).toBe(1);
    expect(log.jobMessages).toBe(0);
  }, 180_000);
});
