/**
 * The Electron security posture, checked on the policy and on the built app (Electron cannot run here):
 * - the policy itself (electron/core/security/policy.ts): webPreferences, navigation, requests, senders, permissions;
 * - that main wires it in (the window takes the policy's webPreferences, new windows are denied, navigation and
 *   redirects are filtered, permissions are denied, requests leaving the machine are cancelled, and every IPC
 *   handler checks its sender first and validates its arguments) is checked by behaviour in main-smoke.test.ts:
 *   the built main runs under the stand-in Electron, which calls each handler main installed;
 * - out/preload/index.cjs, run with a stand-in `electron`,
 *   exposes exactly `soan` and never ipcRenderer; out/renderer/index.html has a strict CSP and loads only its own
 *   files; the renderer bundle has no Node imports and no URL but XML namespaces and console/doc strings;
 * - validateCall refuses a wrong argument list for every API method.
 * The loopback host (bound to 127.0.0.1, refusing calls without the per-run token) is tested in host.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path, { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS } from '../../electron/core/api/methods';
import { validateCall } from '../../electron/core/api/validate';
import { isUserError } from '../../electron/core/errors';
import { CONTENT_SECURITY_POLICY as HOST_CSP } from '../../electron/core/host/http-host';
import {
  APP_SCHEME, APP_SCHEME_PRIVILEGES, CONTENT_SECURITY_POLICY, isAllowedNavigation, isAllowedRequest, isOwnPage, isTrustedSender, permissionCheckHandler,
  permissionRequestHandler, RENDERER_URL, resolveAppRequest, secureWebPreferences, windowOpenHandler,
} from '../../electron/core/security/policy';
import { ensureBuilt } from './built-app';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT_PRELOAD = join(ROOT, 'out', 'preload', 'index.cjs');
const OUT_HTML = join(ROOT, 'out', 'renderer', 'index.html');
const OUT_ASSETS = join(ROOT, 'out', 'renderer', 'assets');
const MAIN_SRC = join(ROOT, 'electron', 'main', 'index.ts');
const SOURCES = [MAIN_SRC, join(ROOT, 'electron', 'preload', 'index.ts'), join(ROOT, 'electron', 'core', 'security', 'policy.ts'), join(ROOT, 'renderer', 'index.html')];
const RENDERER = RENDERER_URL;

beforeAll(() => ensureBuilt(SOURCES, 'security.test.ts'), 300_000);

describe('the policy (electron/core/security/policy.ts)', () => {
  it('webPreferences: isolated, sandboxed, no Node, web security on, no webview; dev tools only unpackaged', () => {
    const prefs = secureWebPreferences({ preload: '/app/out/preload/index.cjs', packaged: true });
    expect(prefs).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
    expect(secureWebPreferences({ preload: 'p', packaged: false }).devTools).toBe(true);
    // No session partition of its own: the permission and request handlers set on the default session apply.
    expect(prefs).not.toHaveProperty('partition');
    expect(prefs).not.toHaveProperty('session');
  });

  it('navigation: only our own page on app://soan, whatever its #/route', () => {
    expect(RENDERER).toBe('app://soan/index.html');
    expect(isAllowedNavigation(RENDERER)).toBe(true);
    expect(isAllowedNavigation(`${RENDERER}#/plans/3/appendix`)).toBe(true);
    expect(isAllowedNavigation('app://soan/')).toBe(true);
    expect(isAllowedNavigation('APP://SOAN/index.html'), 'scheme and host are case-folded by the URL parser').toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5183/',
      `${RENDERER}?x=1`,
      'app://soan/other.html',
      'app://evil/index.html',
      'app://soan:8080/index.html',
      'app://user@soan/index.html',
      'file:///C:/Program%20Files/Soan/resources/app.asar/out/renderer/index.html',
      'file:///C:/Windows/System32/evil.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
    expect(isOwnPage('http://localhost:5173/')).toBe(false);
  });

  it('app:// is registered standard and secure, without service workers, CSP bypass or CORS', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true, allowServiceWorkers: false, bypassCSP: false, corsEnabled: false, stream: false });
  });

  it('the app:// handler serves only files inside the renderer folder, with their type', () => {
    const root = '/opt/soan/resources/app.asar/out/renderer';
    expect(resolveAppRequest(RENDERER, root)).toEqual({ path: `${root}/index.html`, mimeType: 'text/html; charset=utf-8' });
    expect(resolveAppRequest('app://soan/', root)?.path).toBe(`${root}/index.html`);
    expect(resolveAppRequest('app://soan/assets/index-AbC.js', root)).toEqual({ path: `${root}/assets/index-AbC.js`, mimeType: 'text/javascript; charset=utf-8' });
    expect(resolveAppRequest('app://soan/assets/index.css#x', root)?.mimeType).toBe('text/css; charset=utf-8');
    expect(resolveAppRequest('app://soan/assets/t%E1%BB%87p.css', root)?.path).toBe(`${root}/assets/tệp.css`);
    for (const url of [
      'app://soan/../../secret.html', // folded by the URL parser to /secret.html: inside, but not a file we have
      'app://soan/%2e%2e/%2e%2e/etc/passwd.js', // %2e%2e is a ".." segment to the URL parser: folded, stays inside
      'app://soan/assets%2F..%2F..%2Fx.js',
      'app://soan/assets%5C..%5C..%5Cx.js',
      'app://soan/C:%5CWindows%5Cwin.ini',
      'app://soan/x%00.js',
      'app://soan/%E0%A4%A.js',
      'app://soan/index.html?x=1',
      'app://soan/assets/',
      'app://soan/data.sqlite',
      'app://soan/assets/tool.exe',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const found = resolveAppRequest(url, root);
      if (url === 'app://soan/../../secret.html') expect(found?.path).toBe(`${root}/secret.html`);
      else if (url.includes('%2e%2e')) expect(found?.path).toBe(`${root}/etc/passwd.js`);
      else expect(found, url).toBeNull();
    }
    // Windows paths: the same rules with path.win32, the result inside the root.
    const win = 'C:\\Program Files\\Soạn Kế hoạch\\resources\\app.asar\\out\\renderer';
    expect(resolveAppRequest('app://soan/assets/a.js', win, path.win32)?.path).toBe(`${win}\\assets\\a.js`);
    expect(resolveAppRequest('app://soan/assets%5C..%5C..%5Ca.js', win, path.win32)).toBeNull();
  });

  it('requests: only app:, devtools:, data: and blob: stay; file: and the network are cancelled', () => {
    for (const url of [RENDERER, 'app://soan/assets/index.js', 'devtools://devtools/bundled/inspector.html', 'data:image/png;base64,AA==', 'blob:app://soan/0c7a-11']) {
      expect(isAllowedRequest(url), url).toBe(true);
    }
    for (const url of ['file:///C:/Windows/win.ini', 'http://127.0.0.1/', 'https://example.com/', 'ws://localhost:1/', 'ftp://x/', 'chrome-extension://abc/x.js', 'http://file://x', 'garbage', '']) {
      expect(isAllowedRequest(url), url).toBe(false);
    }
  });

  it('senders: only the main frame of our window showing our page, checked on the app:// origin', () => {
    const ok = { frameUrl: `${RENDERER}#/plans/1/decision`, isMainFrame: true, isOurWindow: true };
    expect(isTrustedSender(ok)).toBe(true);
    // However Chromium spells the page's URL (case of scheme and host, trailing index.html or not), it is ours.
    expect(isTrustedSender({ ...ok, frameUrl: 'APP://Soan/index.html' })).toBe(true);
    expect(isTrustedSender({ ...ok, frameUrl: 'app://soan/' })).toBe(true);
    expect(isTrustedSender({ ...ok, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ok, isOurWindow: false })).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: undefined })).toBe(false);
    for (const frameUrl of ['https://evil.example/', 'app://evil/index.html', 'file:///C:/Program%20Files/Soan/index.html', 'app://soan/other.html', 'about:blank', 'data:text/html,x']) {
      expect(isTrustedSender({ ...ok, frameUrl }), frameUrl).toBe(false);
    }
  });

  it('new windows are denied, every permission request and check is refused', () => {
    expect(windowOpenHandler()).toEqual({ action: 'deny' });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb']) {
      const answers: boolean[] = [];
      permissionRequestHandler({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
    }
    expect(permissionCheckHandler()).toBe(false);
  });

  it('the CSP allows only the app itself and no eval; the host serves the same one', () => {
    const csp = parseCsp(CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(HOST_CSP).toBe(CONTENT_SECURITY_POLICY);
  });
});

function parseCsp(policy: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of policy.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    map.set(name.toLowerCase(), values);
  }
  return map;
}

// ---- main's source, as the TypeScript compiler reads it ----

// ---- the built app ----

describe('the built app (out/)', () => {
  it('out/preload/index.cjs exposes exactly `soan`, one function per API method, and never ipcRenderer', async () => {
    const code = readFileSync(OUT_PRELOAD, 'utf8');
    const exposed: Array<[string, unknown]> = [];
    const invoked: unknown[][] = [];
    const required: string[] = [];
    const ipcRenderer = {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { result: 'ok' };
      },
      on: () => undefined,
      send: () => undefined,
    };
    const electron = { contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.push([key, value]) }, ipcRenderer };
    const module = { exports: {} };
    runInNewContext(code, {
      require: (name: string) => {
        required.push(name);
        if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
        return electron;
      },
      module,
      exports: module.exports,
      console,
    });
    expect(required).toEqual(['electron']);
    expect(exposed.map(([key]) => key)).toEqual(['soan']);
    const soan = exposed[0][1] as Record<string, unknown>;
    expect(Object.keys(soan).sort()).toEqual([...API_METHODS].sort());
    for (const [name, value] of Object.entries(soan)) {
      expect(typeof value, name).toBe('function');
      expect(value, name).not.toBe(ipcRenderer);
    }
    expect(Object.values(soan)).not.toContain(ipcRenderer.invoke);
    expect(await (soan.openPlan as (id: number) => Promise<unknown>)(7)).toBe('ok');
    expect(invoked).toEqual([['soan:openPlan', 7]]);
    // In the code too (comments aside): the only use of ipcRenderer is `ipcRenderer.invoke(`.
    const uncommented = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const uses = uncommented.match(/ipcRenderer\b(\.\w+)?/g) ?? [];
    expect([...new Set(uses)]).toEqual(['ipcRenderer.invoke']);
  });

  it('out/renderer/index.html has a strict CSP and loads only its own files', () => {
    const html = readFileSync(OUT_HTML, 'utf8');
    const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
    expect(metas, 'one CSP meta').toHaveLength(1);
    const csp = parseCsp(metas[0][1]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(metas[0][1]).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|\*|ws:/);
    // Scripts and styles are our own assets: no inline script, nothing remote.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\.\/assets\/[^"]+\.js"/);
      expect(body.trim()).toBe('');
    }
    for (const [, href] of html.matchAll(/\b(?:href|src)="([^"]*)"/gi)) expect(href, href).toMatch(/^\.\/assets\//);
  });

  it('the renderer bundle has no Node imports and no URL but XML namespaces and console/doc strings', () => {
    const files = readdirSync(OUT_ASSETS).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    /** Each URL found, and why it is no request: namespaces are names, the rest are text in messages. */
    const KNOWN = new Map([
      ['http://www.w3.org/2000/svg', 'XML namespace (React DOM)'],
      ['http://www.w3.org/1999/xhtml', 'XML namespace (React DOM)'],
      ['http://www.w3.org/1998/Math/MathML', 'XML namespace (React DOM)'],
      ['http://www.w3.org/1999/xlink', 'XML namespace (React DOM)'],
      ['http://www.w3.org/XML/1998/namespace', 'XML namespace (React DOM)'],
      ['https://react.dev/errors/', "text of React's minified error messages"],
      ['https://locize.com', "text of i18next's console.info notice"],
      ['https://www.i18next.com/translation-function/formatting', "text of an i18next deprecation warning"],
    ]);
    const found = new Set<string>();
    for (const file of files) {
      const js = readFileSync(join(OUT_ASSETS, file), 'utf8');
      expect(js, `${file}: require()`).not.toMatch(/\brequire\s*\(\s*["'`]/);
      expect(js, `${file}: node: import`).not.toMatch(/["'`]node:[a-z_/]+["'`]/);
      expect(js, `${file}: electron`).not.toMatch(/from\s*["']electron["']|import\(\s*["']electron["']\)/);
      expect(js, `${file}: eval`).not.toMatch(/\beval\s*\(|new Function\s*\(/);
      // The API's argument checks (valibot, api/methods.ts) stay on the back end: the renderer takes only types.
      expect(js, `${file}: the validator library`).not.toMatch(/["'](strict_object|safe_integer|min_value)["']/);
      for (const [url] of js.matchAll(/(?:https?|wss?):\/\/[^\s"'`)\\<>]*/g)) found.add(url);
    }
    const unknown = [...found].filter((u) => !KNOWN.has(u));
    expect(unknown, 'URLs in the renderer bundle that are not known to be namespaces or message text').toEqual([]);
  });
});

describe('argument validation for every API method', () => {
  const wrong = (method: string, args: unknown): string => {
    try {
      validateCall(method, args);
    } catch (e) {
      expect(isUserError(e), method).toBe(true);
      return (e as Error).message;
    }
    throw new Error(`${method}: accepted ${JSON.stringify(args)}`);
  };

  it.each([...API_METHODS])('%s refuses a wrong argument list', (method) => {
    // An object where every method's first argument is an id, a text, a choice, or nothing at all.
    expect(wrong(method, [{ __proto__: { polluted: true }, evil: true }])).toMatch(new RegExp(`${method}(#1|: takes at most 0)`));
    expect(wrong(method, new Array(20).fill(1))).toMatch(new RegExp(`${method}`));
    expect(wrong(method, 'not a list')).toContain(method);
    expect(wrong(method, { 0: 1, length: 1 })).toContain(method);
  });

  it('unknown and inherited method names are refused', () => {
    for (const name of ['__proto__', 'constructor', 'hasOwnProperty', 'eval', 'dropDatabase']) expect(wrong(name, [])).toMatch(/Unknown operation/);
  });

});
