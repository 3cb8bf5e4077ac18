/**
 * Reading returns back, in a batch (#23). Each file is matched to its plan, period, unit and rows by its manifest
 * (for certain), or — retyped, re-saved without the hidden sheet, sorted, with columns added — by STT and task text as
 * the merge desk matches rows. Statuses typed in words are read (status-words.ts), each guess reported; a row the
 * unit added is a proposed new task, shown and never taken in silence; a row that cannot be placed is listed with its
 * text; the same return read twice changes nothing; a return of another plan or period is refused with a message.
 * One report per file and a summary. The batch is one transaction (each file a savepoint in it: taken whole or not at
 * all) and one step of the plan's tracking history (undoable as one).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Db } from '../store/open';
import { isUserError } from '../errors';
import { loadPlan } from '../store/plans';
import { recordStep, trackingScope } from '../store/history';
import { similarity } from '../model/word-diff';
import { ROW_MATCH_THRESHOLD } from '../compare';
import { foldForSearch, nfc, slug } from '../model/text';
import type { CodedMessage } from '../model/messages';
import { readStatusWords } from '../model/status-words';
import type { ReportingUnit, ReportPeriod, ReturnFileReport, ReturnNote, ReturnsBatchReport, TaskStatus } from '../model/tracking';
import { planUid, requireIssued } from './issue';
import { listPeriods, periodByKey } from './periods';
import { planTasks, type PlanTask } from './tasks';
import { reportingUnits } from './units';
import type { ParsedReturn, ParsedReturnRow } from './returns-parse';

/** Task text this close to a plan row's (0..1, shared words) confirms a match found by row id or STT. */
const CONFIRM_THRESHOLD = 0.5;
/** A return without manifest is this plan's only when at least this share of its task rows are the plan's tasks. */
const PLAN_SHARE = 0.5;

export interface ReturnFile {
  name: string;
  bytes: Buffer;
}

/** Reads one file's bytes into its rows (the jobs' `parseReturnBook`, in a worker on the desktop). */
export type ParseReturn = (bytes: Buffer, fileName: string) => Promise<ParsedReturn>;

interface LineOut {
  rowId: number;
  role: 'lead' | 'cooperate';
  status: TaskStatus | null;
  progress: number | null;
  statusText: string;
  result: string;
  evidence: string;
  difficulties: string;
  note: string;
}

interface ProposalOut {
  row: number;
  stt: string;
  group: string;
  task: string;
  deadline: string;
  status: TaskStatus | null;
  statusText: string;
  result: string;
  evidence: string;
  note: string;
}

const emptyCounts = (): ReturnFileReport['counts'] => ({ rows: 0, placed: 0, guessed: 0, unplaced: 0, proposed: 0, changed: 0 });

function refused(file: string, message: CodedMessage, notes: ReturnNote[] = [], rows = 0): ReturnFileReport {
  return { file, outcome: 'refused', refusal: message, unit: null, matchedBy: null, counts: { ...emptyCounts(), rows }, notes };
}

/** A thrown coded error as the message of a refusal (`errors.<code>`). */
function codedOf(e: unknown, file: string): CodedMessage {
  if (isUserError(e) && e.code) return { key: `errors.${e.code}`, values: e.params ?? {} };
  return { key: 'tracking.refusal.unreadable', values: { file, detail: (e as Error).message.slice(0, 200) } };
}

const fold = (t: string) => ` ${foldForSearch(t).replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** Which of the plan's periods the lines above the table name: the batch's, another one, or none. */
function periodNamed(lines: readonly string[], period: ReportPeriod, periods: readonly ReportPeriod[]): 'same' | 'none' | ReportPeriod {
  const text = fold(lines.join(' '));
  const named = periods.filter((p) => text.includes(fold(p.label)));
  // "Năm 2025" is inside "Quý I năm 2025": a label inside another label found is not a mention of its own.
  const own = named.filter((p) => !named.some((q) => q !== p && fold(q.label).includes(fold(p.label))));
  if (own.some((p) => p.key === period.key)) return 'same';
  return own[0] ?? 'none';
}

/** Whom a retyped return is from: the "Cơ quan báo cáo:" line, else the file's name, else the tasks it answers. */
function unitOf(parsed: ParsedReturn, units: readonly ReportingUnit[], placed: readonly PlanTask[]): { unit: ReportingUnit; how: 'title' | 'fileName' | 'tasks' } | null {
  for (const line of parsed.titleLines) {
    const m = /^(?:co quan|don vi)(?: bao cao| gui bao cao| thuc hien)?\s*:\s*(.+)$/.exec(foldForSearch(line));
    if (!m) continue;
    const written = line.slice(line.indexOf(':') + 1).trim();
    const same = units.filter((u) => foldForSearch(u.name) === m[1].trim());
    const chosen = same.find((u) => u.name === written) ?? same.find((u) => u.leads > 0) ?? same[0];
    if (chosen) return { unit: chosen, how: 'title' };
    const best = units.map((u) => ({ u, s: similarity(foldForSearch(u.name), m[1]) })).sort((a, b) => b.s - a.s)[0];
    if (best && best.s >= 0.8) return { unit: best.u, how: 'title' };
  }
  const name = `-${slug(basename(parsed.file).replace(/\.[^.]+$/, ''))}-`;
  const byKey = units.filter((u) => name.includes(`-${slug(u.key)}-`)).sort((a, b) => b.key.length - a.key.length)[0];
  if (byKey) return { unit: byKey, how: 'fileName' };
  const byName = units.filter((u) => name.includes(`-${slug(u.name)}-`)).sort((a, b) => b.name.length - a.name.length)[0];
  if (byName) return { unit: byName, how: 'fileName' };
  const votes = units
    .map((u) => ({ u, n: placed.filter((t) => t.lead.some((k) => u.agencies.includes(k))).length }))
    .filter((v) => v.n > 0)
    .sort((a, b) => b.n - a.n);
  if (votes.length && (votes.length === 1 || votes[0].n > votes[1].n)) return { unit: votes[0].u, how: 'tasks' };
  return null;
}

/** The note our workbook pre-fills in block B (`Chủ trì: …`): not something the unit wrote. */
const isLeadNote = (row: ParsedReturnRow, task: PlanTask | undefined) => Boolean(task) && row.note === `Chủ trì: ${task!.leadText}`;

function hasData(row: ParsedReturnRow, task?: PlanTask): boolean {
  return Boolean(row.status || row.result || row.evidence || row.difficulties || row.extra.length || (row.note && !isLeadNote(row, task)));
}

/** Everything a row holds, one line, for the report of a row that could not be placed. */
function rowText(row: ParsedReturnRow): string {
  return [row.stt, row.task, row.deadline, row.status, row.result, row.evidence, row.difficulties, row.note, ...row.extra].filter(Boolean).join(' | ');
}

interface Reading {
  report: ReturnFileReport;
  write?: { unit: ReportingUnit | { key: string; name: string }; sha: string; lines: LineOut[]; proposals: ProposalOut[]; matchedBy: 'manifest' | 'text' };
}

/** Holds one parsed return against the plan: what to write, and its report. Writes nothing. */
function holdAgainstPlan(
  parsed: ParsedReturn, ctx: { uid: string; period: ReportPeriod; periods: ReportPeriod[]; tasks: PlanTask[]; units: ReportingUnit[] },
): Reading {
  const { file } = parsed;
  const notes: ReturnNote[] = parsed.warnings.map((message) => ({ kind: 'warning', message }));
  const taskRows = parsed.rows.filter((r) => r.kind === 'task');
  const manifest = parsed.manifest.state === 'ok' ? parsed.manifest.manifest : null;
  if (manifest) {
    if (manifest.plan.uid !== ctx.uid) return { report: refused(file, { key: 'tracking.refusal.otherPlan', values: { file, plan: manifest.plan.title } }, notes, taskRows.length) };
    if (manifest.period.key !== ctx.period.key) {
      return { report: refused(file, { key: 'tracking.refusal.otherPeriod', values: { file, period: manifest.period.label, expected: ctx.period.label } }, notes, taskRows.length) };
    }
  } else {
    notes.push({ kind: 'info', message: { key: parsed.manifest.state === 'damaged' ? 'tracking.note.manifestDamaged' : 'tracking.note.noManifest', values: { file } } });
    const named = periodNamed(parsed.titleLines, ctx.period, ctx.periods);
    if (named === 'none') notes.push({ kind: 'info', message: { key: 'tracking.note.noPeriod', values: { period: ctx.period.label } } });
    else if (named !== 'same') {
      return { report: refused(file, { key: 'tracking.refusal.otherPeriod', values: { file, period: named.label, expected: ctx.period.label } }, notes, taskRows.length) };
    }
  }

  // Rows to tasks: by the hidden row id, else the STT with its text, else the text alone.
  const leaves = new Map(ctx.tasks.filter((t) => t.leaf).map((t) => [t.rowId, t]));
  const bySTT = new Map(ctx.tasks.map((t) => [t.stt, t]));
  const manifestRows = manifest ? new Map(manifest.rows.map((r) => [r.rowId, r])) : null;
  const placements: Array<{ row: ParsedReturnRow; task: PlanTask; how: 'id' | 'stt' | 'text'; score: number }> = [];
  const placedAt = new Map<number, number>();
  const proposals: ProposalOut[] = [];
  const unplaced: ParsedReturnRow[] = [];
  let group = '';
  for (const row of parsed.rows) {
    if (row.kind === 'group') {
      group = row.task;
      continue;
    }
    let task: PlanTask | undefined;
    let how: 'id' | 'stt' | 'text' = 'id';
    let score = 1;
    if (row.id !== null && leaves.has(row.id) && (!manifestRows || manifestRows.has(row.id))) {
      const t = leaves.get(row.id)!;
      score = row.task ? similarity(row.task, t.task) : 1;
      if (score >= CONFIRM_THRESHOLD) task = t;
      else notes.push({ kind: 'warning', row: row.sheetRow, message: { key: 'tracking.note.idMismatch', values: { row: row.sheetRow, stt: row.stt } } });
    }
    let heading: PlanTask | undefined;
    if (!task && row.stt && bySTT.has(row.stt)) {
      const t = bySTT.get(row.stt)!;
      const s = row.task ? similarity(row.task, t.task) : 1;
      if (s >= CONFIRM_THRESHOLD) {
        if (t.leaf) [task, how, score] = [t, 'stt', s];
        else heading = t;
      }
    }
    if (!task && !heading && row.task) {
      let best: PlanTask | undefined;
      let bestScore = 0;
      for (const t of ctx.tasks) {
        const s = similarity(row.task, t.task);
        if (s > bestScore || (s === bestScore && best && t.stt === row.stt)) [best, bestScore] = [t, s];
      }
      if (best && bestScore >= ROW_MATCH_THRESHOLD) {
        if (best.leaf) [task, how, score] = [best, 'text', bestScore];
        else heading = best;
      }
    }
    if (heading) {
      // A parent row printed as a heading: its sub-rows carry the statuses.
      if (hasData(row)) {
        unplaced.push(row);
        notes.push({ kind: 'unplaced', row: row.sheetRow, message: { key: 'tracking.note.heading', values: { row: row.sheetRow, stt: heading.stt, text: rowText(row) } } });
      }
      continue;
    }
    if (!task) {
      if (row.task) {
        const reading = readStatusWords(row.status);
        proposals.push({ row: row.sheetRow, stt: row.stt, group, task: row.task, deadline: row.deadline, status: reading.status, statusText: row.status, result: row.result, evidence: row.evidence, note: [row.note, ...row.extra].filter(Boolean).join('\n') });
        notes.push({ kind: 'proposed', row: row.sheetRow, message: { key: 'tracking.note.proposed', values: { row: row.sheetRow, stt: row.stt || '-', task: row.task } } });
      } else if (hasData(row)) {
        unplaced.push(row);
        notes.push({ kind: 'unplaced', row: row.sheetRow, message: { key: 'tracking.note.unplaced', values: { row: row.sheetRow, text: rowText(row) } } });
      }
      continue;
    }
    const first = placedAt.get(task.rowId);
    if (first !== undefined) {
      if (hasData(row, task)) {
        unplaced.push(row);
        notes.push({ kind: 'unplaced', row: row.sheetRow, message: { key: 'tracking.note.duplicate', values: { row: row.sheetRow, stt: task.stt, first, text: rowText(row) } } });
      }
      continue;
    }
    placedAt.set(task.rowId, row.sheetRow);
    placements.push({ row, task, how, score });
    if (how === 'text' && row.stt !== task.stt) {
      notes.push({ kind: 'info', row: row.sheetRow, message: { key: 'tracking.note.matchedByText', values: { row: row.sheetRow, stt: row.stt || '-', planStt: task.stt, score: Math.round(score * 100) } } });
    }
  }

  if (!manifest) {
    const counted = placements.length + proposals.length + unplaced.length;
    if (counted === 0 || placements.length / counted < PLAN_SHARE) {
      return { report: refused(file, { key: 'tracking.refusal.notThisPlan', values: { file, placed: placements.length, rows: counted } }, notes, counted) };
    }
  }
  const found = manifest
    ? { unit: ctx.units.find((u) => u.key === manifest.unit.key) ?? { key: manifest.unit.key, name: manifest.unit.name, agencies: [] as string[] }, how: 'manifest' as const }
    : unitOf(parsed, ctx.units, placements.map((p) => p.task));
  if (!found) return { report: refused(file, { key: 'tracking.refusal.unknownUnit', values: { file } }, notes, taskRows.length) };
  const unit = found.unit;
  if (found.how !== 'manifest') notes.push({ kind: 'info', message: { key: 'tracking.note.unitFrom', values: { unit: unit.name, howKey: `tracking.unitFrom.${found.how}` } } });

  const mine = new Set(unit.agencies);
  const lines: LineOut[] = [];
  let guessed = 0;
  const readStatusFromResult = !parsed.columns.includes('status');
  for (const { row, task } of placements) {
    if (!hasData(row, task)) continue;
    const role =
      manifestRows?.get(task.rowId)?.role ??
      (task.lead.some((k) => mine.has(k)) ? 'lead' : task.cooperate.some((k) => mine.has(k)) ? 'cooperate' : null);
    if (role === null) notes.push({ kind: 'warning', row: row.sheetRow, message: { key: 'tracking.note.notAssigned', values: { row: row.sheetRow, stt: task.stt, unit: unit.name } } });
    const statusText = readStatusFromResult ? '' : row.status;
    let reading = readStatusWords(statusText);
    if (readStatusFromResult && row.result) {
      const fromResult = readStatusWords(row.result);
      if (fromResult.status) reading = { ...fromResult, certain: false };
    }
    if (reading.status && !reading.certain) {
      guessed++;
      notes.push({ kind: 'guessed', row: row.sheetRow, message: { key: 'tracking.note.guessed', values: { row: row.sheetRow, stt: task.stt, text: statusText || row.result, statusKey: `tracking.status.${reading.status}` } } });
    } else if (!reading.read) {
      notes.push({ kind: 'warning', row: row.sheetRow, message: { key: 'tracking.note.statusUnread', values: { row: row.sheetRow, stt: task.stt, text: statusText } } });
    }
    lines.push({
      rowId: task.rowId,
      role: role ?? 'cooperate',
      status: reading.status,
      progress: reading.progress,
      statusText,
      result: row.result,
      evidence: row.evidence,
      difficulties: row.difficulties,
      note: [isLeadNote(row, task) ? '' : row.note, ...row.extra].filter(Boolean).join('\n'),
    });
  }
  lines.sort((a, b) => a.rowId - b.rowId);
  const sha = createHash('sha256').update(JSON.stringify({ unit: unit.key, lines, proposals: proposals.map((p) => ({ ...p, row: 0 })), unplaced: unplaced.map(rowText) })).digest('hex');
  return {
    report: {
      file,
      outcome: 'read',
      refusal: null,
      unit: { key: unit.key, name: unit.name },
      matchedBy: manifest ? 'manifest' : 'text',
      counts: { rows: taskRows.length, placed: placements.length, guessed, unplaced: unplaced.length, proposed: proposals.length, changed: 0 },
      notes,
    },
    write: { unit, sha, lines, proposals, matchedBy: manifest ? 'manifest' : 'text' },
  };
}

/** Writes one held return (one transaction): its record, its lines (the newest word of the unit per task), its proposals. */
function writeReturn(db: Db, periodId: number, reading: Required<Reading>): ReturnFileReport {
  const { report, write } = reading;
  const already = db.prepare('SELECT 1 FROM period_returns WHERE period_id = ? AND unit = ? AND content_sha = ?').get(periodId, write.unit.key, write.sha);
  if (already) return { ...report, outcome: 'unchanged', counts: { ...report.counts, changed: 0 } };
  let changed = 0;
  db.transaction(() => {
    const returnId = Number(
      db.prepare('INSERT INTO period_returns (period_id, unit, unit_name, file, content_sha, read_at, matched_by, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        periodId, write.unit.key, write.unit.name, nfc(report.file), write.sha, new Date().toISOString(), write.matchedBy, '{}',
      ).lastInsertRowid,
    );
    const existing = db.prepare('SELECT role, status, progress, status_text, result, evidence, difficulties, note FROM return_lines WHERE period_id = ? AND row_id = ? AND unit = ?');
    const upsert = db.prepare(
      `INSERT INTO return_lines (period_id, row_id, unit, role, status, progress, status_text, result, evidence, difficulties, note, return_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (period_id, row_id, unit) DO UPDATE SET role = excluded.role, status = excluded.status, progress = excluded.progress,
         status_text = excluded.status_text, result = excluded.result, evidence = excluded.evidence, difficulties = excluded.difficulties,
         note = excluded.note, return_id = excluded.return_id`,
    );
    for (const l of write.lines) {
      const before = existing.get(periodId, l.rowId, write.unit.key) as Record<string, unknown> | undefined;
      const values = [l.role, l.status, l.progress, nfc(l.statusText), nfc(l.result), nfc(l.evidence), nfc(l.difficulties), nfc(l.note)];
      const after = { role: values[0], status: values[1], progress: values[2], status_text: values[3], result: values[4], evidence: values[5], difficulties: values[6], note: values[7] };
      if (!before || JSON.stringify(before) !== JSON.stringify(after)) changed++;
      upsert.run(periodId, l.rowId, write.unit.key, ...values, returnId);
    }
    const insertProposal = db.prepare(
      `INSERT INTO return_proposals (period_id, unit, unit_name, file, sheet_row, stt, group_title, task, deadline, status, status_text, result, evidence, note, task_key, state)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')
       ON CONFLICT (period_id, unit, task_key) DO UPDATE SET file = excluded.file, sheet_row = excluded.sheet_row, stt = excluded.stt,
         group_title = excluded.group_title, task = excluded.task, deadline = excluded.deadline, status = excluded.status, status_text = excluded.status_text,
         result = excluded.result, evidence = excluded.evidence, note = excluded.note`,
    );
    for (const p of write.proposals) {
      insertProposal.run(periodId, write.unit.key, write.unit.name, nfc(report.file), p.row, nfc(p.stt), nfc(p.group), nfc(p.task), nfc(p.deadline), p.status, nfc(p.statusText), nfc(p.result), nfc(p.evidence), nfc(p.note), foldForSearch(p.task));
    }
    const done = { ...report, counts: { ...report.counts, changed } };
    db.prepare('UPDATE period_returns SET report = ? WHERE id = ?').run(JSON.stringify(done), returnId);
  })();
  return { ...report, counts: { ...report.counts, changed } };
}

/**
 * Reads a batch of return workbooks for one period of an issued plan: one report per file (read, unchanged or
 * refused, with its notes) and a summary. A file that cannot be read is refused with its reason; the others are read.
 */
export async function readReturns(db: Db, planId: number, periodKey: string, files: readonly ReturnFile[], parse: ParseReturn): Promise<ReturnsBatchReport> {
  requireIssued(db, planId);
  const { id: periodId, period } = periodByKey(db, planId, periodKey);
  const parsed: Array<ParsedReturn | ReturnFileReport> = [];
  for (const f of files) {
    try {
      parsed.push(await parse(f.bytes, f.name));
    } catch (e) {
      if (!isUserError(e)) throw e;
      parsed.push(refused(f.name, codedOf(e, f.name)));
    }
  }
  const { pkg } = loadPlan(db, planId);
  const tasks = planTasks(pkg);
  const ctx = { uid: planUid(db, planId)!, period, periods: listPeriods(db, planId), tasks, units: reportingUnits(db, planId, pkg.agencies, tasks) };
  const reports: ReturnFileReport[] = [];
  // One transaction for the batch (one write to disk, not one per file); each file inside it is its own savepoint
  // (writeReturn's nested transaction), so a file is taken whole or not at all.
  db.transaction(() =>
    recordStep(db, trackingScope(planId), 'readReturns', () => {
      for (const p of parsed) {
        if ('outcome' in p) {
          reports.push(p);
          continue;
        }
        const reading = holdAgainstPlan(p, ctx);
        reports.push(reading.write ? writeReturn(db, periodId, reading as Required<Reading>) : reading.report);
      }
    }),
  ).immediate();
  const sum = (k: keyof ReturnFileReport['counts']) => reports.filter((r) => r.outcome === 'read').reduce((n, r) => n + r.counts[k], 0);
  const sent = new Set((db.prepare('SELECT DISTINCT unit FROM period_returns WHERE period_id = ?').all(periodId) as Array<{ unit: string }>).map((r) => r.unit));
  const expected = ctx.units.filter((u) => u.leads > 0);
  return {
    period,
    files: reports,
    summary: {
      files: reports.length,
      read: reports.filter((r) => r.outcome === 'read').length,
      unchanged: reports.filter((r) => r.outcome === 'unchanged').length,
      refused: reports.filter((r) => r.outcome === 'refused').length,
      placed: sum('placed'),
      guessed: sum('guessed'),
      unplaced: sum('unplaced'),
      proposed: sum('proposed'),
      changed: sum('changed'),
      unitsSent: expected.filter((u) => sent.has(u.key)).length,
      unitsExpected: expected.length,
    },
  };
}
