/**
 * #23 figures: 40 returns of the sample read in one `read-returns` as a whole process (node's start, loading, reading
 * 40 workbooks, matching, writing; measured from outside by /usr/bin/time, the store copied fresh before each run so
 * every run reads them for the first time), and the tracking view of a 2,000-row plan: the one core call the view
 * makes (`trackingView`), with a return line for every task.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../electron/core/store/open';
import { createPlan } from '../../electron/core/store/plans';
import { trackingView } from '../../electron/core/tracking/status';
import { fillReturn, leadStts, serviceWithFiles } from '../core/fixtures/returns';
import { withRows } from '../core/fixtures/packages';
import { medianMs } from './timing';
import { median, p95 } from './process.bench';
import type { Report } from './bench';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const RUNS = Number(process.env.BENCH_PROCESS_RUNS ?? 7);
const WORDS = ['Đã hoàn thành', 'xong', 'HT', 'đang triển khai (70%)', 'chưa', 'Đang thực hiện'];

/** A store with the sample issued, 40 reporting units, and their 40 returns filled, in `dir`. */
async function fortyReturns(dir: string): Promise<{ store: string; folder: string; planId: number }> {
  const store = join(dir, 'store.sqlite');
  const db = openStore(store);
  const { api, written } = serviceWithFiles(db);
  const { id } = await api.createPlan('sample');
  await api.issuePlan(id, { number: '2142', date: '2023-12-09' });
  for (const d of ['Đồng Xoài', 'Bình Long', 'Phước Long', 'Chơn Thành', 'Bù Đăng', 'Bù Đốp', 'Bù Gia Mập', 'Đồng Phú', 'Hớn Quản', 'Lộc Ninh', 'Phú Riềng']) {
    await api.addReportingUnit(id, `UBND ${d}`, ['ubnd-cap-huyen']);
  }
  for (const c of ['Tân Phú', 'Tân Bình', 'Tân Xuân', 'Tiến Thành', 'Tân Thành', 'Tiến Hưng']) await api.addReportingUnit(id, `UBND phường ${c}`, ['ubnd-cap-xa']);
  await api.writeReturns(id, '2024-q1');
  const folder = join(dir, 'returns');
  mkdirSync(folder);
  for (const [i, f] of written[0].entries()) {
    const stts = await leadStts(f.bytes);
    writeFileSync(join(folder, f.fileName), await fillReturn(f.bytes, Object.fromEntries(stts.map((s, j) => [s, { status: WORDS[(i + j) % WORDS.length], result: `Kết quả ${s}` }]))));
  }
  if (written[0].length !== 40) throw new Error(`expected 40 returns, wrote ${written[0].length}`);
  db.close();
  return { store, folder, planId: id };
}

function timed(argv: string[], dir: string): { cpu: number; wall: number; rssMb: number } {
  const stats = join(dir, 'time.txt');
  const r = spawnSync('/usr/bin/time', ['-o', stats, '-f', '%U %S %e %M', ...argv], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}): ${r.stderr}`);
  const [user, sys, wall, kb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { cpu: user + sys, wall, rssMb: kb / 1024 };
}

export default async function bench(report: Report): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'skh-bench-yearloop-'));
  try {
    const { store, folder, planId } = await fortyReturns(dir);
    const fresh = join(dir, 'run.sqlite');
    spawnSync('npm', ['run', '-s', 'cli', '--', 'help'], { cwd: ROOT, stdio: 'ignore' });
    for (const [name, argv] of [
      ['direct', ['node', 'out/cli/main.js', 'read-returns', String(planId), '--period', '2024-q1', folder, '--db', fresh]],
      ['npm', ['npm', 'run', '-s', 'cli', '--', 'read-returns', String(planId), '--period', '2024-q1', folder, '--db', fresh]],
    ] as const) {
      const runs = [];
      for (let i = 0; i <= RUNS; i++) {
        for (const s of ['', '-wal', '-shm']) rmSync(fresh + s, { force: true });
        copyFileSync(store, fresh);
        const run = timed([...argv], dir);
        if (i > 0) runs.push(run);
      }
      report(`process.read-returns.40.${name}.wall.median`, median(runs.map((r) => r.wall * 1000)), 'ms');
      report(`process.read-returns.40.${name}.wall.p95`, p95(runs.map((r) => r.wall * 1000)), 'ms');
      report(`process.read-returns.40.${name}.cpu.median`, median(runs.map((r) => r.cpu * 1000)), 'ms');
      report(`process.read-returns.40.${name}.rss.max`, Math.max(...runs.map((r) => r.rssMb)), 'MB');
    }

    // The tracking view of a 2,000-row plan, issued, every task with a unit's line in the period.
    const db = openStore(':memory:');
    const { api } = serviceWithFiles(db);
    const big = createPlan(db, withRows(2000));
    await api.issuePlan(big.id, { number: '1', date: '2024-01-05' });
    const view = await api.trackingView(big.id, '2024-q1');
    const { id: periodId } = db.prepare("SELECT id FROM report_periods WHERE plan_id = ? AND key = '2024-q1'").get(big.id) as { id: number };
    const ret = Number(db.prepare("INSERT INTO period_returns (period_id, unit, unit_name, file, content_sha, read_at, matched_by, report) VALUES (?, 'so-noi-vu', 'Sở Nội vụ', 'x.xlsx', 'x', '2024-03-01', 'manifest', '{}')").run(periodId).lastInsertRowid);
    const insert = db.prepare("INSERT INTO return_lines (period_id, row_id, unit, role, status, progress, status_text, result, evidence, difficulties, note, return_id) VALUES (?, ?, ?, 'lead', 'inProgress', 50, 'Đang thực hiện', 'Kết quả', 'Văn bản', '', '', ?)");
    db.transaction(() => view.tasks.forEach((t) => insert.run(periodId, t.rowId, t.lead[0]?.key ?? 'so-noi-vu', ret)))();
    report('tracking.view.2000rows.median', await medianMs(() => trackingView(db, big.id, '2024-q1'), 7, 2), 'ms');
    // CPU of the same call (the machine is shared: wall time includes waiting for a core).
    const cpu: number[] = [];
    for (let i = 0; i < 7; i++) {
      const start = process.cpuUsage();
      trackingView(db, big.id, '2024-q1');
      const used = process.cpuUsage(start);
      cpu.push((used.user + used.system) / 1000);
    }
    report('tracking.view.2000rows.cpu.median', median(cpu), 'ms');
    report('tracking.view.2000rows.bytes', Buffer.byteLength(JSON.stringify(trackingView(db, big.id, '2024-q1'))) / 1024, 'KB');
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
