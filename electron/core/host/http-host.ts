/**
 * The loopback HTTP host: serves the built renderer and the same SoanApi the preload exposes, so the
 * whole app runs in a plain browser (and Playwright drives it). Bound to 127.0.0.1 only; every API call
 * needs this run's token, which only our own page receives (injected into index.html).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiErrorBody, SoanApi } from '../api/contract';
import { validateCall } from '../api/validate';
import { isUserError, UserError } from '../errors';
import { messageLang, translate } from '../model/messages';
import { CONTENT_SECURITY_POLICY } from '../security/policy';
import { API_REQUEST_MAX_BYTES } from '../files/input-guard';

export const TOKEN_HEADER = 'x-soan-token';
/** Large enough for the largest file an import accepts, in base64 or as JSON text (files/input-guard.ts); anything bigger is refused unread. */
const MAX_BODY_BYTES = API_REQUEST_MAX_BYTES;

/** The page may load only itself; the policy lives with the rest of the security posture. */
export { CONTENT_SECURITY_POLICY };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface HostOptions {
  api: SoanApi;
  /** The built renderer (index.html and assets/). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/**
 * A refusal a person may meet in the browser (a wrong address, a file outside the app): a line of the catalogue's
 * `host.*` in the language the browser prefers (Accept-Language: English when it starts with `en`, else Vietnamese).
 */
function refuse(req: IncomingMessage, res: ServerResponse, status: number, key: string): void {
  send(res, status, translate(`host.${key}`, {}, messageLang(req.headers['accept-language'])), 'text/plain; charset=utf-8');
}

/** A coded refusal of an API call: the page's API client shows the catalogue's text of its code in the UI's language. */
function refuseCall(res: ServerResponse, status: number, e: UserError, extra: Record<string, string> = {}): void {
  const body: ApiErrorBody = { error: e.message, userError: true, code: e.code, params: e.params ?? {} };
  send(res, status, JSON.stringify(body), TYPES['.json'], extra);
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    ...extra,
  });
  res.end(body);
}

class BodyTooLarge extends Error {}

/** Reads the body up to MAX_BODY_BYTES; past that it stops reading and rejects with BodyTooLarge. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.pause();
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * 413 with a coded message, then the connection is closed once the answer is out: the rest of the body is never
 * read (a client still sending sees the answer, not a reset).
 */
function tooLarge(req: IncomingMessage, res: ServerResponse): void {
  const max = `${MAX_BODY_BYTES / 1024 / 1024} MB`;
  res.on('finish', () => setTimeout(() => req.socket.destroy(), 100).unref());
  refuseCall(res, 413, UserError.coded('request.tooLarge', { max }, `The request is larger than ${max}; it was not read.`), { Connection: 'close' });
}

async function handleApi(api: SoanApi, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  // Refused from its declared length, before a byte of it is read.
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return tooLarge(req, res);
  let args: unknown;
  try {
    const body = await readBody(req);
    args = body ? JSON.parse(body) : [];
  } catch (e) {
    if (e instanceof BodyTooLarge) return tooLarge(req, res);
    return refuseCall(res, 400, UserError.coded('request.notJson', {}, 'The request is not valid JSON; it was not read.'));
  }
  try {
    validateCall(method, args);
    const fn = api[method as keyof SoanApi] as (...a: unknown[]) => Promise<unknown>;
    const result = await fn(...(args as unknown[]));
    send(res, 200, JSON.stringify({ result: result ?? null }), TYPES['.json']);
  } catch (e) {
    const user = isUserError(e);
    if (!user) console.error(`[host] ${method} failed:`, e);
    const body: ApiErrorBody = { error: user ? e.message : `Internal error: ${(e as Error).message}`, userError: user };
    if (user && e.code) Object.assign(body, { code: e.code, params: e.params ?? {} });
    send(res, user ? 400 : 500, JSON.stringify(body), TYPES['.json']);
  }
}

async function serveStatic(staticDir: string, token: string, urlPath: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const root = resolve(staticDir);
  const relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  const file = normalize(join(root, relative));
  // A path that climbs out of the renderer folder is refused.
  if (file !== root && !file.startsWith(root + sep)) return refuse(req, res, 403, 'forbidden');
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    // Unknown paths get the app itself, so a reload on any route still works.
    if (extname(relative)) return refuse(req, res, 404, 'notFound');
    return serveStatic(staticDir, token, '/', req, res);
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  if (file.endsWith('index.html')) {
    const html = data.toString('utf8').replace('</head>', `<meta name="soan-token" content="${token}"></head>`);
    return send(res, 200, html, type, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Frame-Options': 'DENY' });
  }
  send(res, 200, data, type);
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const server = createServer((req, res) => {
    // Refuse requests addressed to another host name (DNS rebinding): only the loopback address is ours.
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return refuse(req, res, 421, 'misdirected');
    // `new URL` throws on a target like `//[`; thrown here it would be an uncaught exception that ends the host.
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://127.0.0.1');
    } catch {
      return refuse(req, res, 400, 'badRequest');
    }
    // The raw path is checked before anything uses it: a malformed escape would make decodeURIComponent throw
    // inside the async handler (an unhandled rejection that hangs the request and can end the process), and
    // `new URL` silently resolves `..`, so `/../../etc/passwd` would otherwise get the app with a 200
    // instead of the refusal a climbing path deserves.
    let rawPath: string;
    try {
      rawPath = decodeURIComponent((req.url ?? '/').split('?')[0]);
    } catch {
      return refuse(req, res, 400, 'badRequest');
    }
    if (rawPath.split(/[\\/]/).includes('..')) return refuse(req, res, 403, 'forbidden');
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(req, res, 405, 'usePost');
      if (req.headers[TOKEN_HEADER] !== token) {
        return refuseCall(res, 403, UserError.coded('request.badToken', {}, 'Missing or wrong session token.'));
      }
      void handleApi(options.api, url.pathname.slice('/api/'.length), req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, 405, 'methodNotAllowed');
    serveStatic(options.staticDir, token, url.pathname, req, res).catch((e: unknown) => {
      console.error('[host] static file failed:', e);
      if (!res.headersSent) refuse(req, res, 500, 'internal');
      else res.destroy();
    });
  });
  return new Promise((resolveHost, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolveHost({
        url: `http://127.0.0.1:${port}/`,
        port,
        token,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
