/**
 * The Electron security posture, checked on the built app and on main's source (Electron cannot run here):
 * - the policy itself (electron/core/security/policy.ts): webPreferences, navigation, requests, senders, permissions;
 * - electron/main/index.ts, parsed with the TypeScript compiler: the window takes the policy's webPreferences,
 *   new windows are denied, navigation and redirects are filtered, permissions are denied, requests leaving the
 *   machine are cancelled, and every IPC handler checks its sender first and validates its arguments;
 * - out/main/index.js carries those same preferences; out/preload/index.cjs, run with a stand-in `electron`,
 *   exposes exactly `soan` and never ipcRenderer; out/renderer/index.html has a strict CSP and loads only its own
 *   files; the renderer bundle has no Node imports and no URL but XML namespaces and console/doc strings;
 * - validateCall refuses a wrong argument list for every API method.
 * The loopback host (bound to 127.0.0.1, refusing calls without the per-run token) is tested in host.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path, { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
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
const OUT_MAIN = join(ROOT, 'out', 'main', 'index.js');
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

describe('electron/main/index.ts uses the policy', () => {
  const source = ts.createSourceFile(MAIN_SRC, readFileSync(MAIN_SRC, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const nodes: ts.Node[] = [];
  const collect = (n: ts.Node) => {
    nodes.push(n);
    ts.forEachChild(n, collect);
  };
  collect(source);
  const calls = nodes.filter(ts.isCallExpression);
  /** Calls of `<anything>.name(...)`, e.g. method('setWindowOpenHandler'). */
  const method = (name: string) => calls.filter((c) => ts.isPropertyAccessExpression(c.expression) && c.expression.name.text === name);
  const calleeText = (c: ts.CallExpression) => c.expression.getText(source);
  const functionBody = (fn: ts.Node | undefined): string => {
    expect(fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)), 'a handler written in place').toBeTruthy();
    return (fn as ts.ArrowFunction).body.getText(source);
  };

  it('imports its security decisions from electron/core/security/policy', () => {
    const fromPolicy = source.statements
      .filter(ts.isImportDeclaration)
      .filter((d) => (d.moduleSpecifier as ts.StringLiteral).text === '../core/security/policy')
      .flatMap((d) => {
        const bindings = d.importClause?.namedBindings;
        return bindings && ts.isNamedImports(bindings) ? bindings.elements.map((e) => e.name.text) : [];
      });
    expect(fromPolicy).toEqual(
      expect.arrayContaining([
        'secureWebPreferences', 'isAllowedNavigation', 'isAllowedRequest', 'isTrustedSender', 'permissionRequestHandler', 'permissionCheckHandler', 'windowOpenHandler',
      ]),
    );
  });

  it('new BrowserWindow({ webPreferences: secureWebPreferences(…) }), nothing overriding it', () => {
    const windows = nodes.filter((n): n is ts.NewExpression => ts.isNewExpression(n) && n.expression.getText(source) === 'BrowserWindow');
    expect(windows.length).toBeGreaterThanOrEqual(1);
    for (const w of windows) {
      const options = w.arguments?.[0];
      expect(options && ts.isObjectLiteralExpression(options), 'options written in place').toBe(true);
      const props = (options as ts.ObjectLiteralExpression).properties;
      expect(props.some(ts.isSpreadAssignment), 'no spread into the window options').toBe(false);
      const prefs = props.filter((p) => p.name?.getText(source) === 'webPreferences');
      expect(prefs).toHaveLength(1);
      const init = (prefs[0] as ts.PropertyAssignment).initializer;
      expect(ts.isCallExpression(init) && calleeText(init)).toBe('secureWebPreferences');
      const arg = (init as ts.CallExpression).arguments[0] as ts.ObjectLiteralExpression;
      expect(arg.properties.map((p) => p.name?.getText(source)).sort()).toEqual(['packaged', 'preload']);
    }
    // Nowhere in main is a protection switched off or a page loaded from a URL.
    const text = source.getFullText();
    expect(text).not.toMatch(/nodeIntegration\w*\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false|webSecurity\s*:\s*false|webviewTag\s*:\s*true/);
    // The page comes from app:// only: loadURL with the policy's RENDERER_URL, never loadFile or another URL.
    expect(method('loadFile')).toHaveLength(0);
    expect(method('loadURL').length).toBeGreaterThan(0);
    for (const c of method('loadURL')) expect(c.arguments.map((a) => a.getText(source))).toEqual(['RENDERER_URL']);
    expect(method('openExternal')).toHaveLength(0);
    expect(method('appendSwitch')).toHaveLength(0);
  });

  it('setWindowOpenHandler denies; will-navigate and will-redirect are filtered; <webview> is refused', () => {
    const open = method('setWindowOpenHandler');
    expect(open.length).toBeGreaterThan(0);
    for (const c of open) expect(c.arguments[0].getText(source)).toBe('windowOpenHandler');
    const on = (event: string) => method('on').filter((c) => ts.isStringLiteral(c.arguments[0]) && c.arguments[0].text === event);
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(on(event), event).toHaveLength(1);
      const body = functionBody(on(event)[0].arguments[1]);
      expect(body).toMatch(/if \(!isAllowedNavigation\(url\)\) event\.preventDefault\(\)/);
    }
    expect(functionBody(on('will-attach-webview')[0]?.arguments[1])).toMatch(/event\.preventDefault\(\)/);
    // Registered for every web contents, not just the one window.
    const created = on('web-contents-created')[0];
    expect(created, "app.on('web-contents-created', …)").toBeTruthy();
    expect(functionBody(created.arguments[1])).toContain('setWindowOpenHandler(windowOpenHandler)');
  });

  it('app:// is declared privileged at load (before ready) and served by the policy\'s resolveAppRequest, 404 otherwise', () => {
    const declared = method('registerSchemesAsPrivileged');
    expect(declared).toHaveLength(1);
    expect(calleeText(declared[0])).toBe('protocol.registerSchemesAsPrivileged');
    expect(declared[0].arguments[0].getText(source)).toBe('[{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]');
    // At the top level of the module: Electron accepts it only before the app is ready.
    expect(ts.isExpressionStatement(declared[0].parent) && declared[0].parent.parent === source).toBe(true);
    const handled = method('handle').filter((c) => calleeText(c) === 'protocol.handle');
    expect(handled).toHaveLength(1);
    expect(handled[0].arguments[0].getText(source)).toBe('APP_SCHEME');
    const body = functionBody(handled[0].arguments[1]);
    expect(body).toMatch(/const found = resolveAppRequest\(request\.url, rendererRoot\);\s+if \(!found\) return new Response\('Not found', \{ status: 404 \}\);/);
    expect(body).toContain("'Content-Security-Policy': CONTENT_SECURITY_POLICY");
    expect(method('registerFileProtocol')).toHaveLength(0);
    expect(method('interceptFileProtocol')).toHaveLength(0);
  });

  it('permissions are denied on the session; requests that leave the machine are cancelled', () => {
    const args = (name: string) => method(name).map((c) => `${c.expression.getText(source)}(${c.arguments.map((a) => a.getText(source)).join(', ')})`);
    expect(args('setPermissionRequestHandler')).toEqual(['session.defaultSession.setPermissionRequestHandler(permissionRequestHandler)']);
    expect(args('setPermissionCheckHandler')).toEqual(['session.defaultSession.setPermissionCheckHandler(permissionCheckHandler)']);
    expect(args('setDevicePermissionHandler')).toEqual(['session.defaultSession.setDevicePermissionHandler(permissionCheckHandler)']);
    const before = method('onBeforeRequest');
    expect(before).toHaveLength(1);
    expect(before[0].expression.getText(source)).toBe('session.defaultSession.webRequest.onBeforeRequest');
    expect(functionBody(before[0].arguments.at(-1))).toMatch(/callback\(\{ cancel: !isAllowedRequest\(details\.url\) \}\)/);
  });

  it('every ipcMain handler checks the sender first, then validates the arguments before the service runs', () => {
    const ipc = calls.filter((c) => ts.isPropertyAccessExpression(c.expression) && c.expression.expression.getText(source) === 'ipcMain');
    expect(ipc.length).toBeGreaterThan(0);
    for (const c of ipc) {
      const name = (c.expression as ts.PropertyAccessExpression).name.text;
      expect(name, 'only invoke-style handlers (ipcMain.handle), whose reply is checked data').toBe('handle');
      const fn = c.arguments[1] as ts.ArrowFunction;
      expect(ts.isArrowFunction(fn)).toBe(true);
      const event = fn.parameters[0].name.getText(source);
      const rest = fn.parameters[1];
      expect(rest.dotDotDotToken, 'arguments gathered as a list').toBeTruthy();
      const body = fn.body as ts.Block;
      const first = body.statements[0];
      expect(first.getText(source)).toMatch(new RegExp(`^if \\(!senderIsOurs\\(${event}\\)\\) return \\{ error:`));
      const text = body.getText(source);
      const validate = text.indexOf(`validateCall(method, ${rest.name.getText(source)})`);
      expect(validate, 'validateCall(method, args)').toBeGreaterThan(0);
      expect(validate, 'validated before the call').toBeLessThan(text.indexOf('await fn('));
    }
    // The channel names come from the one method list.
    const loop = ipc[0].parent?.parent?.parent;
    expect(loop && ts.isForOfStatement(loop) && loop.expression.getText(source)).toBe('API_METHODS');
    // senderIsOurs is the policy's isTrustedSender.
    const sender = source.statements.find((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && s.name?.text === 'senderIsOurs');
    expect(sender?.body?.getText(source)).toMatch(/return isTrustedSender\(/);
  });
});

// ---- the built app ----

describe('the built app (out/)', () => {
  it('out/main/index.js carries the policy and wires it in', () => {
    const main = readFileSync(OUT_MAIN, 'utf8');
    const prefs = secureWebPreferences({ preload: '', packaged: true });
    const fn = main.match(/function secureWebPreferences\(options\) \{[\s\S]*?\n\}/)?.[0];
    expect(fn, 'secureWebPreferences is bundled into main').toBeTruthy();
    for (const [key, value] of Object.entries(prefs)) {
      if (key === 'preload' || key === 'devTools') continue;
      expect(fn, key).toMatch(new RegExp(`\\b${key}: ${value},?\\n`));
    }
    expect(fn).toMatch(/devTools: !options\.packaged/);
    expect(main).toMatch(/webPreferences: secureWebPreferences\(\{/);
    expect(main).toContain('setWindowOpenHandler(windowOpenHandler)');
    expect(main).toContain('setPermissionRequestHandler(permissionRequestHandler)');
    expect(main).toContain('cancel: !isAllowedRequest(details.url)');
    expect(main).toContain('"will-navigate"');
    expect(main).toMatch(/validateCall\(method, args\)/);
    expect(main).not.toMatch(/nodeIntegration: true|contextIsolation: false|sandbox: false|webSecurity: false/);
  });

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

  it('the loopback host: bound to 127.0.0.1, refusing calls without the token — tested in host.test.ts', () => {
    const hostTest = readFileSync(join(ROOT, 'tests', 'core', 'host.test.ts'), 'utf8');
    expect(hostTest).toContain("it('listens on 127.0.0.1 only'");
    expect(hostTest).toContain("it('refuses API calls without the token or with a wrong one (403)");
  });
});
