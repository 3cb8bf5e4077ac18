/**
 * Item 11 of the hardening: the lock follows the store's real path, the host answers 413 to an oversized body
 * without reading it, and one rule for plan years is applied by every way a year comes in.
 */
import { request } from 'node:http';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireStoreLock, lockFileFor, StoreLockedError } from '../../electron/core/store/lock';
import { startHost, TOKEN_HEADER } from '../../electron/core/host/http-host';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import { validateCall } from '../../electron/core/api/validate';
import { insertPackage, listPlans } from '../../electron/core/store/plans';
import { loadSamplePackage } from '../../electron/core/sample';
import { MAX_PLAN_YEAR, MIN_PLAN_YEAR } from '../../electron/core/model/year';
import { UserError } from '../../electron/core/errors';
import { API_REQUEST_MAX_BYTES, IMPORT_BASE64_MAX_CHARS, IMPORT_FILE_MAX_BYTES } from '../../electron/core/files/input-guard';
import { removeTempDirs, tempDir, tempStore } from './helpers';

afterEach(removeTempDirs);

describe('the lock resolves real paths', () => {
  it('a symbolic link to the store, or a path through "..", finds the lock the app holds', () => {
    const dir = tempDir();
    const store = join(dir, 'store.sqlite');
    const release = acquireStoreLock(store, 'app');
    try {
      const link = join(tempDir(), 'link.sqlite');
      symlinkSync(store, link);
      expect(lockFileFor(link)).toBe(lockFileFor(store));
      expect(() => acquireStoreLock(link, 'cli')).toThrow(StoreLockedError);
      mkdirSync(join(dir, 'sub'));
      expect(() => acquireStoreLock(join(dir, 'sub', '..', 'store.sqlite'), 'cli')).toThrow(StoreLockedError);
      expect(JSON.parse(readFileSync(`${store}.lock`, 'utf8'))).toMatchObject({ kind: 'app', pid: process.pid });
    } finally {
      release();
    }
  });
});

/** Sends a POST with a declared length and only `send` bytes of it; resolves with the status and body. */
function post(port: number, token: string, headers: Record<string, string | number>, chunks: Buffer[]): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/importPlan', headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json', ...headers } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    // The rest of a declared body is never sent: the host must answer without waiting for it.
    if (!headers['content-length']) req.end();
  });
}

describe('the host refuses oversized bodies with 413', () => {
  it('declared too large: answered at once, nothing read or stored; streamed too large: answered, not reset', async () => {
    const { db } = tempStore();
    insertPackage(db, loadSamplePackage());
    const host = await startHost({ api: createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload }), staticDir: tempDir() });
    try {
      const MB = 1024 * 1024;
      // The host takes the largest file an import accepts, in base64 (files/input-guard.ts), and not a byte more.
      expect(API_REQUEST_MAX_BYTES).toBeGreaterThan(IMPORT_BASE64_MAX_CHARS + 1000);
      expect(Math.ceil(IMPORT_FILE_MAX_BYTES / 3) * 4).toBe(IMPORT_BASE64_MAX_CHARS);
      const declared = await post(host.port, host.token, { 'content-length': API_REQUEST_MAX_BYTES + 1 }, [Buffer.from('["x.json", "')]);
      expect(declared.status).toBe(413);
      expect(JSON.parse(declared.body)).toMatchObject({ code: 'request.tooLarge', params: { max: `${API_REQUEST_MAX_BYTES / MB} MB` }, userError: true });
      const chunks = Math.ceil(API_REQUEST_MAX_BYTES / MB) + 1;
      const streamed = await post(host.port, host.token, { 'transfer-encoding': 'chunked' }, Array.from({ length: chunks }, () => Buffer.alloc(MB, 0x61)));
      expect(streamed.status).toBe(413);
      expect(listPlans(db)).toHaveLength(1);
    } finally {
      await host.close();
      db.close();
    }
  }, 30_000);
});

describe('plan years: one rule everywhere', () => {
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e instanceof UserError ? e.code : String(e);
    }
    return 'accepted';
  };
  it(`${MIN_PLAN_YEAR}..${MAX_PLAN_YEAR} for a new plan, a changed year, an import and a rollover; nothing stored otherwise`, async () => {
    expect(codeOf(() => validateCall('createPlan', ['blank', 1800]))).toBe('plan.badYear');
    expect(codeOf(() => validateCall('setPlanYear', [1, 99999]))).toBe('plan.badYear');
    expect(codeOf(() => validateCall('proposeRollover', [1, 0]))).toBe('plan.badYear');
    expect(codeOf(() => validateCall('applyRollover', [1, 2201, 'all']))).toBe('plan.badYear');
    expect(codeOf(() => validateCall('createPlan', ['blank', 2025]))).toBe('accepted');
    const { db } = tempStore();
    const api = createService(db, { info: { version: 't', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload });
    const plan = await api.createPlan('sample');
    // The service without the validator in front (the CLI, a checker fix) gets the same coded answer, not a 500.
    await expect(api.proposeRollover(plan.id, 0)).rejects.toMatchObject({ code: 'plan.badYear' });
    expect(codeOf(() => insertPackage(db, { ...loadSamplePackage(), year: 3000 }))).toBe('plan.badYear');
    expect(listPlans(db)).toHaveLength(1);
    db.close();
    const schema = JSON.parse(readFileSync(new URL('../../resources/schema/plan.v1.schema.json', import.meta.url), 'utf8'));
    expect([schema.properties.year.minimum, schema.properties.year.maximum]).toEqual([MIN_PLAN_YEAR, MAX_PLAN_YEAR]);
  });
});
