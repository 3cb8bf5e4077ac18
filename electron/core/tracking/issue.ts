/**
 * "Ban hành" (#23): the number and date the e-office gave are recorded (Nghị định 30, art. 15.3: the văn thư numbers
 * the document in the system), optionally with the signed PDF, and the package is frozen as the version of record.
 * A content change after that needs an explicit adjustment ("Điều chỉnh"), which, once issued in turn, makes a new
 * version of record. Tracking data (statuses, returns, reports) is not content and goes on throughout.
 *
 * Store functions: the database is a parameter; each change is one transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../store/open';
import { UserError } from '../errors';
import { loadPlan, planSummary, touch } from '../store/plans';
import { forgetContentHistory } from '../store/history';
import { isValidIsoDate, citation } from '../model/dates';
import { CITED_KIND, DEFAULT_SYMBOL } from '../model/nd30-text';
import { nfc } from '../model/text';
import { ISSUED_PDF_MAX_BYTES, type IssueRecord, type IssueState } from '../model/tracking';
import type { PlanPackage } from '../model/types';

interface TrackingRow {
  uid: string;
  frozen: number;
  adjusting_since: string | null;
  adjusting_reason: string | null;
  adjusting_revision: number | null;
}

interface IssueRow {
  id: number;
  kind: 'issue' | 'adjustment';
  number: string;
  symbol: string;
  date: string;
  issued_at: string;
  reason: string;
  version_id: number | null;
  pdf_name: string | null;
  pdf_size: number | null;
  stored: number;
}

export function trackingRow(db: Db, planId: number): TrackingRow | undefined {
  return db.prepare('SELECT uid, frozen, adjusting_since, adjusting_reason, adjusting_revision FROM plan_tracking WHERE plan_id = ?').get(planId) as
    | TrackingRow
    | undefined;
}

function issueRows(db: Db, planId: number): IssueRow[] {
  return db.prepare(
    `SELECT id, kind, number, symbol, date, issued_at, reason, version_id, pdf_name, pdf_size, (pdf IS NOT NULL) AS stored
     FROM plan_issues WHERE plan_id = ? ORDER BY id`,
  ).all(planId) as IssueRow[];
}

/** How one issue is cited: `Quyết định số 2142/QĐ-UBND ngày 09/12/2023` (a standalone plan: `Kế hoạch số …`). */
function issueCitation(kind: 'decision' | 'plan', row: Pick<IssueRow, 'number' | 'symbol' | 'date'>, year: number): string {
  return citation(CITED_KIND[kind], { number: row.number, symbol: row.symbol, date: row.date }, year);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * How reports and returns cite the plan once issued: `Kế hoạch cải cách hành chính … ban hành kèm theo Quyết định số
 * 2142/QĐ-UBND ngày 09/12/2023 của Ủy ban nhân dân tỉnh`, or for a standalone plan `Kế hoạch số 12/KH-UBND ngày …
 * của … về …`; each adjustment adds `, được điều chỉnh tại Quyết định số …`.
 */
export function planCitation(pkg: PlanPackage, issues: readonly IssueRecord[]): string | null {
  const first = issues.find((i) => i.kind === 'issue') ?? issues[0];
  if (!first) return null;
  const summary = lowerFirst(pkg.plan.summary.replace(/\s*\n\s*/g, ' ').trim());
  const by = pkg.issuer.citedAs.trim();
  const base = pkg.decision
    ? `Kế hoạch ${summary} ban hành kèm theo ${first.citation}${by ? ` của ${by}` : ''}`
    : `${first.citation}${by ? ` của ${by}` : ''} về ${summary}`;
  const adjusted = issues.filter((i) => i.kind === 'adjustment').map((i) => i.citation);
  return adjusted.length ? `${base}, được điều chỉnh tại ${adjusted.join(', ')}` : base;
}

/** Every issue of the plan, oldest first, as the API carries them. */
export function issueRecords(db: Db, planId: number, pkg: Pick<PlanPackage, 'decision' | 'year'>): IssueRecord[] {
  const kind = pkg.decision ? 'decision' : 'plan';
  return issueRows(db, planId).map((r) => ({
    id: r.id,
    kind: r.kind,
    number: r.number,
    symbol: r.symbol,
    date: r.date,
    issuedAt: r.issued_at,
    reason: r.reason,
    versionId: r.version_id,
    pdf: r.pdf_name ? { name: r.pdf_name, size: r.pdf_size ?? 0, stored: r.stored === 1 } : null,
    citation: issueCitation(kind, r, pkg.year),
  }));
}

/** The plan's place in its life (draft, issued, adjusting), its issues and how later documents cite it. */
export function issueState(db: Db, planId: number, pkg: PlanPackage = loadPlan(db, planId, { rows: false }).pkg): IssueState {
  const row = trackingRow(db, planId);
  const issues = issueRecords(db, planId, pkg);
  const status = !row || issues.length === 0 ? 'draft' : row.frozen === 1 ? 'issued' : 'adjusting';
  return {
    status,
    issues,
    adjustment: row && row.frozen === 0 && row.adjusting_since ? { since: row.adjusting_since, reason: row.adjusting_reason ?? '' } : null,
    citation: planCitation(pkg, issues),
  };
}

/** The plan's uid (the return workbooks carry it), made when the plan is first issued. */
export function planUid(db: Db, planId: number): string | null {
  return trackingRow(db, planId)?.uid ?? null;
}

/** Refuses anything but a PDF under the cap, naming the file. */
function checkPdf(name: string, bytes: Buffer): void {
  if (bytes.length > ISSUED_PDF_MAX_BYTES) {
    throw UserError.coded('issue.pdfTooLarge', { file: name, max: ISSUED_PDF_MAX_BYTES / 1024 / 1024 }, `${name}: larger than ${ISSUED_PDF_MAX_BYTES / 1024 / 1024} MB.`);
  }
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw UserError.coded('issue.notPdf', { file: name }, `${name}: not a PDF file.`);
}

export interface IssueInput {
  /** Digits as the e-office gave them. */
  number: string;
  /** ISO date of issue. */
  date: string;
  /** The symbol, when not the plan's own (`QĐ-UBND`). */
  symbol?: string;
  pdf?: { name: string; bytes: Buffer };
}

/** The fields an issue writes: the Decision's, or a standalone plan's own issuance. */
function issuanceBase(hasDecision: boolean): 'decision' | 'plan.issuance' {
  return hasDecision ? 'decision' : 'plan.issuance';
}

/**
 * Records the issue (or, while an adjustment is open, the adjustment's issue): writes the number, symbol and date
 * into the package (so every export prints them), keeps the signed PDF if given, saves the version of record and
 * freezes the content. One transaction; the content's undo history is forgotten (nothing before the issue can be
 * undone into it). Refused for a plan already issued and frozen (`issue.alreadyIssued`), a number that is not digits,
 * a date that is not a date, a PDF that is not one or is too large.
 */
export async function issuePlan(db: Db, planId: number, input: IssueInput): Promise<IssueState> {
  const number = nfc(input.number).trim();
  const date = nfc(input.date).trim();
  if (!/^\d{1,10}$/.test(number)) throw UserError.coded('issue.badNumber', { value: input.number }, `"${input.number}": the number is digits only ("2142").`);
  if (!isValidIsoDate(date)) throw UserError.coded('issue.badDate', { value: input.date }, `"${input.date}" is not a date (YYYY-MM-DD).`);
  if (input.pdf) checkPdf(input.pdf.name, input.pdf.bytes);
  const summary = planSummary(db, planId);
  const before = trackingRow(db, planId);
  if (before?.frozen === 1) {
    const last = issueRows(db, planId).at(-1);
    throw UserError.coded('issue.alreadyIssued', { number: last?.number ?? '', symbol: last?.symbol ?? '' }, `The plan was already issued (${last?.number}/${last?.symbol}).`);
  }
  const base = issuanceBase(summary.hasDecision);
  const symbolField = db.prepare('SELECT value FROM plan_fields WHERE plan_id = ? AND field = ?').get(planId, `${base}.symbol`) as { value: string | null } | undefined;
  const symbol = nfc(input.symbol ?? '').trim() || symbolField?.value?.trim() || DEFAULT_SYMBOL[summary.hasDecision ? 'decision' : 'plan'];
  if (!/^[^\s/]{1,50}$/.test(symbol)) throw UserError.coded('field.symbolFormat', { field: `${base}.symbol`, value: symbol }, `"${symbol}" is a symbol such as QĐ-UBND.`);
  const kind: 'issue' | 'adjustment' = before && issueRows(db, planId).length > 0 ? 'adjustment' : 'issue';
  const versions = await import('../store/versions');
  const pdf = input.pdf ? { name: nfc(input.pdf.name), bytes: input.pdf.bytes, sha: createHash('sha256').update(input.pdf.bytes).digest('hex') } : null;
  db.transaction(() => {
    const setField = db.prepare('INSERT INTO plan_fields (plan_id, field, value) VALUES (?, ?, ?) ON CONFLICT (plan_id, field) DO UPDATE SET value = excluded.value');
    setField.run(planId, `${base}.number`, number);
    setField.run(planId, `${base}.date`, date);
    setField.run(planId, `${base}.symbol`, symbol);
    // Now known: neither is "issued but not known" any more.
    db.prepare('DELETE FROM plan_fields WHERE plan_id = ? AND field IN (?, ?)').run(planId, `${base}.numberUnknown`, `${base}.dateUnknown`);
    const issueId = Number(
      db.prepare(
        `INSERT INTO plan_issues (plan_id, kind, number, symbol, date, issued_at, reason, pdf_name, pdf_size, pdf_sha256, pdf)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(planId, kind, number, symbol, date, new Date().toISOString(), before?.adjusting_reason ?? '', pdf?.name ?? null, pdf?.bytes.length ?? null, pdf?.sha ?? null, pdf?.bytes ?? null)
        .lastInsertRowid,
    );
    if (before) db.prepare('UPDATE plan_tracking SET frozen = 1, adjusting_since = NULL, adjusting_reason = NULL, adjusting_revision = NULL WHERE plan_id = ?').run(planId);
    else db.prepare('INSERT INTO plan_tracking (plan_id, uid, frozen) VALUES (?, ?, 1)').run(planId, randomUUID());
    touch(db, planId, false);
    const name = `${kind === 'issue' ? 'Bản ban hành' : 'Bản điều chỉnh'}: số ${number}/${symbol} ngày ${date.split('-').reverse().join('/')}`;
    const version = versions.saveVersion(db, planId, name);
    db.prepare('UPDATE plan_issues SET version_id = ? WHERE id = ?').run(version.id, issueId);
  })();
  forgetContentHistory(db, planId);
  return issueState(db, planId);
}

/**
 * Opens an adjustment ("Điều chỉnh") of an issued plan: its content may be edited again, to be issued by a new
 * document (its number and date left blank until then). The version of record stays; tracking goes on (rows keep
 * their ids, so their statuses follow them). Refused for a plan that is not issued and frozen.
 */
export function startAdjustment(db: Db, planId: number, reason: string): IssueState {
  const row = trackingRow(db, planId);
  if (!row || row.frozen !== 1) throw UserError.coded('issue.notIssued', {}, 'The plan has not been issued: it can be edited as it is.');
  const why = nfc(reason).trim();
  if (!why) throw UserError.coded('issue.needsReason', {}, 'Say why the plan is adjusted.');
  const { hasDecision } = planSummary(db, planId);
  const base = issuanceBase(hasDecision);
  db.transaction(() => {
    db.prepare('UPDATE plan_tracking SET frozen = 0, adjusting_since = ?, adjusting_reason = ? WHERE plan_id = ?').run(new Date().toISOString(), why, planId);
    // The adjusting document has not been numbered yet: the draft prints the blanks again.
    db.prepare("UPDATE plan_fields SET value = '' WHERE plan_id = ? AND field = ?").run(planId, `${base}.number`);
    db.prepare('UPDATE plan_fields SET value = NULL WHERE plan_id = ? AND field = ?').run(planId, `${base}.date`);
    touch(db, planId, false);
    db.prepare('UPDATE plan_tracking SET adjusting_revision = (SELECT revision FROM plans WHERE id = ?) WHERE plan_id = ?').run(planId, planId);
  })();
  forgetContentHistory(db, planId);
  return issueState(db, planId);
}

/**
 * Closes an adjustment nobody used: the plan is frozen again as last issued, its number and date back. Refused once
 * the content was edited during the adjustment (`issue.adjustmentEdited`: issue the adjustment instead).
 */
export function cancelAdjustment(db: Db, planId: number): IssueState {
  const row = trackingRow(db, planId);
  if (!row || row.frozen !== 0) throw UserError.coded('issue.noAdjustment', {}, 'No adjustment is open.');
  const summary = planSummary(db, planId);
  if (summary.revision !== row.adjusting_revision) throw UserError.coded('issue.adjustmentEdited', {}, 'The content was changed during the adjustment: issue it instead.');
  const last = issueRows(db, planId).at(-1)!;
  const base = issuanceBase(summary.hasDecision);
  db.transaction(() => {
    db.prepare('UPDATE plan_fields SET value = ? WHERE plan_id = ? AND field = ?').run(last.number, planId, `${base}.number`);
    db.prepare('UPDATE plan_fields SET value = ? WHERE plan_id = ? AND field = ?').run(last.date, planId, `${base}.date`);
    db.prepare('UPDATE plan_tracking SET frozen = 1, adjusting_since = NULL, adjusting_reason = NULL, adjusting_revision = NULL WHERE plan_id = ?').run(planId);
    touch(db, planId, false);
  })();
  forgetContentHistory(db, planId);
  return issueState(db, planId);
}

function issueOf(db: Db, planId: number, issueId: number): IssueRow {
  const row = issueRows(db, planId).find((r) => r.id === issueId);
  if (!row) throw UserError.coded('issue.notFound', { id: issueId }, `The plan has no issue ${issueId}.`);
  return row;
}

/** Keeps the signed PDF of an issue (it often comes after the number): replaces one kept before. */
export function attachIssuedPdf(db: Db, planId: number, issueId: number, name: string, bytes: Buffer): IssueState {
  checkPdf(name, bytes);
  issueOf(db, planId, issueId);
  db.prepare('UPDATE plan_issues SET pdf_name = ?, pdf_size = ?, pdf_sha256 = ?, pdf = ? WHERE id = ?').run(
    nfc(name), bytes.length, createHash('sha256').update(bytes).digest('hex'), bytes, issueId,
  );
  return issueState(db, planId);
}

/** The signed PDF of an issue, as kept. Refused when none is kept (`issue.noPdf`). */
export function issuedPdf(db: Db, planId: number, issueId: number): { name: string; bytes: Buffer } {
  issueOf(db, planId, issueId);
  const row = db.prepare('SELECT pdf_name, pdf FROM plan_issues WHERE id = ?').get(issueId) as { pdf_name: string | null; pdf: Buffer | null };
  if (!row.pdf || !row.pdf_name) throw UserError.coded('issue.noPdf', {}, 'No signed PDF is kept with this issue.');
  return { name: row.pdf_name, bytes: row.pdf };
}

/** Refuses tracking a plan that has never been issued: returns and reports cite the issued plan. */
export function requireIssued(db: Db, planId: number): void {
  planSummary(db, planId);
  if (issueRows(db, planId).length === 0) throw UserError.coded('tracking.notIssued', {}, 'The plan has not been issued yet: record its number and date first ("Ban hành").');
}
