/**
 * Imports and exports off the main thread (electron/core/jobs): the built worker entry (out/main/jobs-worker.js)
 * runs under plain Node as a worker_threads Worker and answers through the same Jobs interface the service uses —
 * the same bytes and packages as the direct calls, coded errors kept, and a file that needs more memory than the
 * worker may use fails with its own message while the next job gets a new worker.
 */
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobClient, workerThreadChannel } from '../../electron/core/jobs/client';
import { DIRECT_JOBS } from '../../electron/core/jobs/direct';
import { isUserError, UserError } from '../../electron/core/errors';
import { loadSamplePackage } from '../../electron/core/sample';
import { serializeExchange } from '../../electron/core/exchange/exchange';
import { ensureBuilt, ROOT } from './built-app';

const ENTRY = join(ROOT, 'out', 'main', 'jobs-worker.js');
const SOURCES = ['worker.ts', 'tasks.ts', 'client.ts'].map((f) => join(ROOT, 'electron', 'core', 'jobs', f));

beforeAll(() => ensureBuilt(SOURCES, 'jobs.test.ts'), 300_000);

const rows = (pkg: { appendix: { groups: Array<{ rows: unknown[] }> } }) => pkg.appendix.groups.reduce((n, g) => n + g.rows.length, 0);
const documentXml = async (bytes: Buffer) => (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');

describe('the jobs worker (built entry, worker_threads)', () => {
  const jobs = createJobClient(() => workerThreadChannel(ENTRY));
  afterAll(() => jobs.close());

  it('renders the same DOCX and XLSX as the direct call, as Buffers', async () => {
    const pkg = loadSamplePackage();
    const [viaWorker, direct] = await Promise.all([jobs.renderExport(pkg, 'docx'), DIRECT_JOBS.renderExport(pkg, 'docx')]);
    expect(Buffer.isBuffer(viaWorker.bytes)).toBe(true);
    expect(viaWorker.fileName).toBe(direct.fileName);
    expect(viaWorker.notes).toEqual(direct.notes);
    expect(await documentXml(viaWorker.bytes)).toBe(await documentXml(direct.bytes));
    const xlsx = await jobs.renderExport(pkg, 'xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);

  it('reads a Word file and an exchange file back into the same packages', async () => {
    const pkg = loadSamplePackage();
    const docx = (await DIRECT_JOBS.renderExport(pkg, 'docx')).bytes;
    const [viaWorker, direct] = await Promise.all([jobs.importDocx(docx, 'kh.docx'), DIRECT_JOBS.importDocx(docx, 'kh.docx')]);
    expect(rows(viaWorker.pkg)).toBe(rows(pkg));
    expect(serializeExchange(viaWorker.pkg)).toBe(serializeExchange(direct.pkg));
    expect(viaWorker.warnings).toEqual(direct.warnings);
    const parsed = await jobs.parseExchange(serializeExchange(pkg), 'kh.json');
    expect(serializeExchange(parsed)).toBe(serializeExchange(pkg));
  }, 120_000);

  it('a coded error from the worker keeps its code, values and problems', async () => {
    const bad = JSON.stringify({ format: 'soan-ke-hoach/plan', version: 1, title: 5 });
    const refused = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as UserError);
    const direct = (await refused(DIRECT_JOBS.parseExchange(bad, 'x.json')))!;
    const viaWorker = (await refused(jobs.parseExchange(bad, 'x.json')))!;
    expect(isUserError(direct)).toBe(true);
    expect(isUserError(viaWorker)).toBe(true);
    expect(direct.problems.length).toBeGreaterThan(0);
    expect([viaWorker.message, viaWorker.code, viaWorker.params, viaWorker.problems]).toEqual([direct.message, direct.code, direct.params, direct.problems]);
  });
});

describe('a worker that runs out of memory', () => {
  it('fails the job with job.outOfMemory naming the file, and the next job gets a new worker', async () => {
    // A tiny heap and a big plan (the sample's rows, 40 times over) so that rendering the Word file cannot fit
    // (the workbook is streamed now and would fit).
    const jobs = createJobClient(() => workerThreadChannel(ENTRY, { maxOldGenerationSizeMb: 24 }));
    try {
      const pkg = loadSamplePackage();
      const big = { ...pkg, appendix: { ...pkg.appendix, groups: Array.from({ length: 40 }, () => pkg.appendix.groups).flat() } };
      const failed = await jobs.renderExport(big, 'docx').then(
        () => null,
        (e: unknown) => e as UserError,
      );
      expect(failed, 'the render should not fit in 24 MB').not.toBeNull();
      expect(isUserError(failed)).toBe(true);
      expect(failed!.code).toBe('job.outOfMemory');
      expect(failed!.params?.file).toMatch(/\.docx$/);
      const small = await jobs.parseExchange(serializeExchange(pkg), 'kh.json');
      expect(small.title).toBe(pkg.title);
    } finally {
      jobs.close();
    }
  }, 180_000);
});
