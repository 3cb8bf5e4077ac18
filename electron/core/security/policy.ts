/**
 * The app's security posture as data: what the window may do, where it may go, what it may load and which
 * permissions it gets (none). Electron-free, so the tests check exactly what main applies; main only wires
 * these into BrowserWindow, the session and web-contents events.
 */
import nodePath from 'node:path';

/** The page may load only itself: no remote scripts, styles, fonts, frames or connections. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * The BrowserWindow's webPreferences, without the preload path (main adds it): isolated, sandboxed, no Node
 * anywhere in the page, the web security model on, no <webview>, no experimental features, and dev tools
 * only in a development run.
 */
export function secureWebPreferences(options: { preload: string; packaged: boolean }) {
  return {
    preload: options.preload,
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
    devTools: !options.packaged,
  } as const;
}

/**
 * The page is served from a custom scheme, `app://soan/…`, never from file://: one fixed origin whatever folder
 * the app is installed in (no drive letters, spaces or odd folder names in the URL to compare), 'self' in the CSP
 * means only the app's own files, and file:// keeps no privileges (a fuse switches them off in the package).
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'soan';
/** The one page: the renderer's index.html. */
export const RENDERER_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * `protocol.registerSchemesAsPrivileged` privileges of app://: a standard scheme (real origin, relative URLs, local
 * storage) treated as secure (like https), with fetch for the page's own files; no service workers, no CSP bypass,
 * no CORS from other origins.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  allowServiceWorkers: false,
  bypassCSP: false,
  corsEnabled: false,
  stream: false,
} as const;

/** The parts of an app:// URL that identify a page (fragment dropped: the renderer routes by `#/…`), or null for another scheme or host. */
function appUrl(url: string): URL | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  // WHATWG URL gives no origin for a custom scheme ("null") and keeps its host's case (Chromium folds it, app:// being
  // standard), so scheme and host are compared themselves, the host without regard to case.
  return u.protocol === `${APP_SCHEME}:` && u.host.toLowerCase() === APP_HOST && u.username === '' && u.password === '' && u.port === '' ? u : null;
}

/** True for our own page (app://soan/index.html or app://soan/, any `#/route`), nothing else: no query, no other file or scheme. */
export function isOwnPage(url: string): boolean {
  const u = appUrl(url);
  return !!u && (u.pathname === '/index.html' || u.pathname === '/') && u.search === '';
}

/** `will-navigate` / `will-redirect`: the window may only (re)load our own page. */
export function isAllowedNavigation(url: string): boolean {
  return isOwnPage(url);
}

/**
 * An IPC call is trusted only from the main frame of our window showing our own page. The frame's URL is
 * checked by scheme, host and path on the app:// origin, so no spelling of a file path can make it fail.
 */
export function isTrustedSender(sender: { frameUrl: string | undefined; isMainFrame: boolean; isOurWindow: boolean }): boolean {
  return sender.isOurWindow && sender.isMainFrame && sender.frameUrl !== undefined && isOwnPage(sender.frameUrl);
}

/** Content types of the files the renderer build holds; anything else is not served. */
export const APP_MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * The app:// protocol handler's lookup: the file under `root` (the built renderer folder, absolute) that `url` names,
 * with its content type, or null (then 404) for another host, a query, a path that climbs out, an encoded separator,
 * drive colon or NUL, or a type not in APP_MIME_TYPES. `paths` is node:path's API for the running system (path.win32
 * in a test of Windows paths); the result is always inside `root`.
 */
export function resolveAppRequest(url: string, root: string, paths: Pick<typeof nodePath, 'join' | 'relative' | 'isAbsolute'> = nodePath): { path: string; mimeType: string } | null {
  const u = appUrl(url);
  if (!u || u.search !== '') return null;
  const raw = u.pathname === '/' ? ['index.html'] : u.pathname.split('/').slice(1);
  const segments: string[] = [];
  for (const part of raw) {
    let seg: string;
    try {
      seg = decodeURIComponent(part);
    } catch {
      return null;
    }
    // URL parsing already folded "." and ".."; decoded ones (%2e%2e), separators, drive colons and NUL are refused.
    if (seg === '' || seg === '.' || seg === '..' || /[\\/:\0]/.test(seg)) return null;
    segments.push(seg);
  }
  const name = segments[segments.length - 1];
  const dot = name.lastIndexOf('.');
  const mimeType = dot > 0 ? APP_MIME_TYPES[name.slice(dot).toLowerCase()] : undefined;
  if (!mimeType) return null;
  const file = paths.join(root, ...segments);
  const rel = paths.relative(root, file);
  if (rel === '' || rel.startsWith('..') || paths.isAbsolute(rel)) return null;
  return { path: file, mimeType };
}

/** Schemes a request may use: the app's own pages, the dev tools and in-memory data. Anything else (file, http, https, ws …) is cancelled. */
export const ALLOWED_REQUEST_SCHEMES = [`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:'] as const;

/** The session's onBeforeRequest filter: true when the request stays inside the app. */
export function isAllowedRequest(url: string): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  return (ALLOWED_REQUEST_SCHEMES as readonly string[]).includes(protocol);
}

/** New windows (window.open, target=_blank, middle-click) are never opened. */
export function windowOpenHandler(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Every permission request (camera, microphone, notifications, geolocation, clipboard-read, …) is refused. */
export function permissionRequestHandler(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** Every permission check answers "not granted"; devices (HID, serial, USB) likewise. */
export function permissionCheckHandler(): boolean {
  return false;
}
