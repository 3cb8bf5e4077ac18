/**
 * A cell edit of a 2,000-row plan as the app pays for it over the browser host: the HTTP request, validation,
 * the store's transaction, reading back what changed, and the reply the UI patches itself with — bytes each
 * way and the server's CPU per edit (process CPU over many edits, divided; the client's side of the loopback
 * request runs in this process too, so it is an upper bound). Beside it, what the old path fetched after every
 * edit (the whole plan), and the poll (planRevision against listPlans).
 */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService, deliverAsDownload } from '../../electron/core/api/service';
import type { OpenedPlan } from '../../electron/core/api/contract';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../electron/core/host/http-host';
import { openStore } from '../../electron/core/store/open';
import { insertPackage } from '../../electron/core/store/plans';
import { largePlan } from '../fixtures/large-plan';
import { median, p95 } from './process.bench';
import type { Report } from './bench';

function post(host: RunningHost, method: string, args: unknown[]): Promise<{ ms: number; sent: number; received: number; result: unknown }> {
  const body = JSON.stringify(args);
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: `/api/${method}`, headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json', [TOKEN_HEADER]: host.token } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        // Bytes on the wire: the body plus the response's status line and headers.
        const head = Object.entries(res.headers).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 17);
        resolve({ ms: performance.now() - start, sent: Buffer.byteLength(body), received: all.length + head, result: (JSON.parse(all.toString('utf8')) as { result: unknown }).result });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export default async function editBench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'soan-edit-bench-'));
  const db = openStore(join(dir, 'bench.sqlite'));
  const planId = insertPackage(db, largePlan(2000));
  mkdirSync(join(dir, 'static'));
  writeFileSync(join(dir, 'static', 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  const host = await startHost({ api: createService(db, { info: { version: 'bench', dataFile: 'x', shell: 'browser' }, deliver: deliverAsDownload }), staticDir: join(dir, 'static') });
  try {
    const opened = (await post(host, 'openPlan', [planId])).result as OpenedPlan;
    const rows = opened.pkg.appendix.groups.flatMap((g) => g.rows);
    const edit = (i: number) => post(host, 'editPlan', [planId, 'setCell', [rows[(i * 37) % rows.length].id, 'note', `Ghi chú ${i}`]]);
    for (let i = 0; i < 20; i++) await edit(i); // warm-up
    const N = 200;
    const times: number[] = [];
    let received = 0;
    let sent = 0;
    const cpus: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < N; i++) {
      const c = process.cpuUsage();
      const r = await edit(i + 20);
      const d = process.cpuUsage(c);
      cpus.push((d.user + d.system) / 1000);
      times.push(r.ms);
      received += r.received;
      sent += r.sent;
    }
    const cpu = process.cpuUsage(cpu0);
    report('edit.cell.2000rows.request.median', median(times), 'ms');
    report('edit.cell.2000rows.request.p95', p95(times), 'ms');
    report('edit.cell.2000rows.bytes-down', received / N, 'B');
    report('edit.cell.2000rows.bytes-up', sent / N, 'B');
    report('edit.cell.2000rows.server-cpu', (cpu.user + cpu.system) / 1000 / N, 'ms');
    // Edit by edit (the same upper bound: this process's CPU while the request was out, client side included).
    report('edit.cell.2000rows.server-cpu.median', median(cpus), 'ms');
    report('edit.cell.2000rows.server-cpu.p95', p95(cpus), 'ms');

    // The old path: the edit, then the whole plan fetched again.
    const old: number[] = [];
    let oldBytes = 0;
    const cpu1 = process.cpuUsage();
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      const a = await post(host, 'setCell', [planId, rows[i].id, 'note', `Cũ ${i}`]);
      const b = await post(host, 'openPlan', [planId]);
      old.push(performance.now() - start);
      oldBytes += a.received + b.received;
    }
    const cpuOld = process.cpuUsage(cpu1);
    report('edit.cell.2000rows.reload-path.median', median(old), 'ms');
    report('edit.cell.2000rows.reload-path.bytes-down', oldBytes / 10, 'B');
    report('edit.cell.2000rows.reload-path.server-cpu', (cpuOld.user + cpuOld.system) / 1000 / 10, 'ms');

    const poll = await post(host, 'planRevision', [planId]);
    const list = await post(host, 'listPlans', []);
    report('edit.poll.planRevision.bytes-down', poll.received, 'B');
    report('edit.poll.listPlans.bytes-down', list.received, 'B');
  } finally {
    await host.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
