/**
 * The app's security posture as data: what the window may do, where it may go, what it may load and which
 * permissions it gets (none). Electron-free, so the tests check exactly what main applies; main only wires
 * these into BrowserWindow, the session and web-contents events.
 */

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

/** A URL without its fragment: the renderer routes by `#/…`, which does not make it another page. */
function withoutHash(url: string): string | null {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** True for our own page (the built index.html, any `#/route`), nothing else: no query, no other file, no scheme. */
export function isOwnPage(url: string, rendererUrl: string): boolean {
  const a = withoutHash(url);
  const b = withoutHash(rendererUrl);
  return a !== null && a === b && a.startsWith('file:');
}

/** `will-navigate` / `will-redirect`: the window may only (re)load our own page. */
export function isAllowedNavigation(url: string, rendererUrl: string): boolean {
  return isOwnPage(url, rendererUrl);
}

/** An IPC call is trusted only from the main frame of our window showing our own page. */
export function isTrustedSender(sender: { frameUrl: string | undefined; isMainFrame: boolean; isOurWindow: boolean }, rendererUrl: string): boolean {
  return sender.isOurWindow && sender.isMainFrame && sender.frameUrl !== undefined && isOwnPage(sender.frameUrl, rendererUrl);
}

/** Schemes a request may use: the app's own files and in-memory data. Anything else (http, https, ws, ftp …) is cancelled. */
export const ALLOWED_REQUEST_SCHEMES = ['file:', 'devtools:', 'data:', 'blob:'] as const;

/** The session's onBeforeRequest filter: true when the request stays on the machine. */
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
