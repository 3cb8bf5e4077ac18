/** The loopback HTTP host: loopback only, token, CSP, argument checks, traversal and DNS-rebinding refusals, edits reach the store. */
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../electron/core/host/http-host';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import type { Db } from '../../electron/core/store/open';
import { insertPackage, listPlans, loadPlan } from '../../electron/core/store/plans';
import { loadSamplePackage } from '../../electron/core/sample';
import { errorText, UserError } from '../../electron/core/errors';
import { removeTempDirs, tempDir, tempStore } from './helpers';

const SECRET = 'TOP-SECRET-OUTSIDE-THE-STATIC-FOLDER';

let db: Db;
let host: RunningHost;
let planId: number;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request: the path is sent exactly as given (fetch would normalise `..`). */
function send(method: string, path: string, { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path, headers: { host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(5000, () => req.destroy(new Error(`timeout: ${method} ${path}`)));
    req.on('error', reject);
    req.end(body);
  });
}

function api(method: string, args: unknown[], token: string | null = host.token): Promise<Reply & { json: { result?: unknown; error?: string; userError?: boolean } }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers[TOKEN_HEADER] = token;
  return send('POST', `/api/${method}`, { headers, body: JSON.stringify(args) }).then((r) => ({ ...r, json: JSON.parse(r.body) }));
}

beforeAll(async () => {
  const root = tempDir('skh-host-');
  const staticDir = join(root, 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>Soạn</title></head><body>app</body></html>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  // A file next to the static folder that must never be served.
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'secret'), SECRET);
  db = tempStore().db;
  planId = insertPackage(db, loadSamplePackage());
  host = await startHost({ api: createService(db, { info: { version: 'test', dataFile: 'store.sqlite', shell: 'browser' }, deliver: deliverAsDownload }), staticDir });
});

afterAll(async () => {
  await host?.close();
  db?.close();
  removeTempDirs();
});

describe('http host', () => {
  it('listens on 127.0.0.1 only', () => {
    const address = host.server.address();
    expect(typeof address === 'object' && address !== null && address.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('GET / serves the page with the session token injected and a Content-Security-Policy', async () => {
    const r = await send('GET', '/');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/text\/html/);
    expect(r.body).toContain(`<meta name="soan-token" content="${host.token}"></head>`);
    expect(r.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(r.headers['x-frame-options']).toBe('DENY');
    // A client-side route gets the app too; a missing asset is a 404.
    expect((await send('GET', '/plans/3')).body).toContain('soan-token');
    expect((await send('GET', '/assets/app.js')).body).toBe('console.log(1)');
    expect((await send('GET', '/assets/missing.js')).status).toBe(404);
  });

  it('words a refused page in the language the browser asks for: Vietnamese unless it prefers English', async () => {
    const vi = await send('GET', '/assets/missing.js');
    expect(vi.body).toBe('Không tìm thấy tệp này.');
    expect(vi.headers['content-type']).toBe('text/plain; charset=utf-8');
    const en = await send('GET', '/assets/missing.js', { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.body).toBe('This file was not found.');
    expect((await send('PUT', '/', { headers: { 'accept-language': 'vi-VN' } })).body).toBe('Chỉ đọc được trang bằng yêu cầu GET hoặc HEAD.');
  });

  it('refuses API calls without the token or with a wrong one (403), answers with it (200)', async () => {
    const none = await api('listPlans', [], null);
    expect(none.status).toBe(403);
    expect(none.json.result).toBeUndefined();
    const wrong = await api('listPlans', [], 'f'.repeat(48));
    expect(wrong.status).toBe(403);
    // Coded, so the page's API client words the refusal in the UI's language.
    expect(wrong.json).toMatchObject({ userError: true, code: 'request.badToken', params: {} });
    expect(errorText(UserError.coded('request.badToken', {}, ''), 'vi')).toMatch(/^Yêu cầu không mang đúng mã phiên/);
    const ok = await api('listPlans', []);
    expect(ok.status).toBe(200);
    expect(ok.json.result).toEqual(JSON.parse(JSON.stringify(listPlans(db))));
    expect((ok.json.result as Array<{ rowCount: number }>)[0].rowCount).toBe(48);
    expect((await send('GET', '/api/listPlans', { headers: { [TOKEN_HEADER]: host.token } })).status).toBe(405);
  });

  it('a bad argument is a 400 naming the argument; an unknown method is a 400', async () => {
    const bad = await api('openPlan', ['x']);
    expect(bad.status).toBe(400);
    expect(bad.json).toMatchObject({ userError: true });
    expect(bad.json.error).toMatch(/openPlan#1/);
    const extra = await api('listPlans', [1]);
    expect(extra.status).toBe(400);
    const unknown = await api('dropDatabase', []);
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatch(/dropDatabase/);
    for (const name of ['__proto__', 'constructor', 'toString']) expect((await api(name, [])).status, name).toBe(400);
    const notJson = await send('POST', '/api/listPlans', { headers: { [TOKEN_HEADER]: host.token }, body: '{' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body)).toMatchObject({ userError: true, code: 'request.notJson' });
    const notList = await send('POST', '/api/listPlans', { headers: { [TOKEN_HEADER]: host.token }, body: '{"a":1}' });
    expect(notList.status).toBe(400);
  });

  it('an unknown id is a 400 with the UserError message, its code and params', async () => {
    const r = await api('openPlan', [98765]);
    expect(r.status).toBe(400);
    expect(r.json).toEqual({ error: 'No plan has the id 98765.', userError: true, code: 'plan.notFound', params: { id: 98765 } });
    const unnamed = await api('renamePlan', [planId, '   ']);
    expect(unnamed.json).toEqual({ error: 'A plan needs a name.', userError: true, code: 'plan.needsName', params: {} });
  });

  it('never serves a file outside the static folder', async () => {
    const paths = [
      '/../../etc/passwd',
      '/../secret.txt',
      '/../secret',
      '/..%2fsecret.txt',
      '/..%2fsecret',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      `/${'..%2f'.repeat(12)}etc%2fpasswd`,
    ];
    for (const path of paths) {
      const r = await send('GET', path);
      expect([403, 404], `${path} → ${r.status}`).toContain(r.status);
      expect(r.body, path).not.toContain(SECRET);
      expect(r.body, path).not.toMatch(/root:.*:0:0:/);
    }
  });

  it('a malformed percent-escape or request target is a 400 and the host keeps serving', async () => {
    for (const path of ['/%E0%A4%A', '/%zz', '/api/%E0%A4%A', '//[', '//[::1']) {
      const r = await send('GET', path);
      expect(r.status, path).toBe(400);
    }
    expect((await send('GET', '/')).status).toBe(200);
  });

  it('refuses a Host header of another name (DNS rebinding) with 421', async () => {
    for (const name of ['evil.example', `evil.example:${0}`, '127.0.0.1.evil.example', 'localhost.evil.example']) {
      const page = await send('GET', '/', { headers: { host: name } });
      expect(page.status, name).toBe(421);
      expect(page.body).not.toContain(host.token);
    }
    const call = await send('POST', '/api/listPlans', { headers: { host: 'evil.example', [TOKEN_HEADER]: host.token }, body: '[]' });
    expect(call.status).toBe(421);
    expect((await send('GET', '/', { headers: { host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it('an edit through POST /api/setField is in the store afterwards', async () => {
    const before = loadPlan(db, planId).summary.revision;
    const r = await api('setField', [planId, 'issuer.place', 'Thành phố Đồng Xoài'.normalize('NFD')]);
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ result: null });
    const after = loadPlan(db, planId);
    expect(after.pkg.issuer.place).toBe('Thành phố Đồng Xoài');
    expect(after.summary.revision).toBe(before + 1);
    const refused = await api('setField', [planId, 'decision.date', '2023-02-30']);
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatch(/2023-02-30/);
    expect(loadPlan(db, planId).summary.revision).toBe(before + 1);
  });
});
