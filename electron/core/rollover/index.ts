/**
 * Rollover: "New plan for year N+1 from this one".
 *
 * `proposeRollover` lists every change of year the new plan needs, each with its context, so that the
 * drafter accepts or rejects them one by one (or all); `applyRollover` builds the new package from the
 * accepted ones. The rules that tell a year of the plan's time from a year of a cited document live in
 * `mentions.ts`; the walk over every text of a package in `places.ts`.
 */
import { documentNumber, nd30DateWords } from '../model/dates';
import { isPlanYear } from '../model/year';
import { badYearError } from '../errors';
import type { AppendixRow, BodyNode, CellValue, Decision, Issuance, PlanPackage, RichText } from '../model/types';
import { findYearMentions, shiftEdit, shiftableYear, type MentionClass, type YearMention } from './mentions';
import { editPlace, textPlaces, type FieldRef } from './places';
import type { RolloverReason, RolloverProposal } from '../model/rollover';
export type { RolloverProposal } from '../model/rollover';

export { findYearMentions, shiftEdit } from './mentions';
export type { MentionClass, MentionContext } from './mentions';
export { textPlaces } from './places';


const REASON_OF_CLASS: Partial<Record<MentionClass, RolloverReason>> = {
  'plan-year': 'plan-year',
  'previous-year-result': 'previous-year-result',
  'next-year': 'next-year',
  deadline: 'deadline',
  'signing-date': 'signing-date',
};

const CONTEXT_BEFORE = 50;
const CONTEXT_AFTER = 30;

/** The words around [start, end), cut at spaces, with `…` where the text goes on; the edit applied when given. */
function excerpt(text: string, start: number, end: number, edit?: { offset: number; from: string; to: string }): string {
  let left = Math.max(0, start - CONTEXT_BEFORE);
  if (left > 0) {
    const space = text.indexOf(' ', left);
    if (space !== -1 && space < start) left = space + 1;
  }
  let right = Math.min(text.length, end + CONTEXT_AFTER);
  if (right < text.length) {
    const space = text.lastIndexOf(' ', right);
    if (space >= end) right = space;
  }
  let window = text.slice(left, right);
  if (edit) {
    const at = edit.offset - left;
    window = window.slice(0, at) + edit.to + window.slice(at + edit.to.length);
  }
  return (left > 0 ? '…' : '') + window.replace(/\s+/g, ' ').trim() + (right < text.length ? '…' : '');
}

function checkYear(toYear: number): void {
  // The same rule as every plan year (model/year.ts): a coded message, never an internal error.
  if (!isPlanYear(toYear)) throw badYearError(toYear);
  if (!shiftableYear(toYear)) throw new RangeError(`rollover: ${toYear} is not a year`);
}

/**
 * Every change of year that makes this package the plan for `toYear`, in reading order. Changes (`mode:
 * 'change'`) are the years of the plan's own time; `always` lists the Decision's number and date that the new
 * draft leaves blank; `info` points at cited documents whose year the program never changes.
 */
export function proposeRollover(pkg: PlanPackage, toYear: number): RolloverProposal[] {
  checkYear(toYear);
  const delta = toYear - pkg.year;
  const out: RolloverProposal[] = [];
  for (const place of textPlaces(pkg)) {
    if (place.path === 'title') out.push(...clearedFields(pkg, toYear));
    if (place.path === 'plan.summary' && pkg.plan.issuance) out.push(...clearedIssuance('plan.issuance', pkg.plan.issuance, toYear));
    const mentions = findYearMentions(place.text, pkg.year, place.context);
    if (!mentions.length) continue;
    const proposalLine = place.path === 'decision.proposal';
    for (const m of mentions) {
      const near = Math.abs(m.year - pkg.year) <= 1;
      if (proposalLine) {
        // The proposal line cites last year's Tờ trình: its number and date belong to that document and are
        // never changed; the drafter replaces them when the new Tờ trình arrives.
        if (near) out.push(info(place.path, place.field, place.text, m, 'cited-proposal'));
        continue;
      }
      if (m.cls === 'cited-title') {
        if (near) out.push(info(place.path, place.field, place.text, m, 'cited-title'));
        continue;
      }
      const reason = REASON_OF_CLASS[m.cls];
      const edit = reason ? shiftEdit(place.text, m, delta) : null;
      if (!reason || !edit) continue;
      out.push({
        id: `${place.path}@${edit.offset}`,
        path: place.path,
        before: excerpt(place.text, m.start, m.end),
        after: excerpt(place.text, m.start, m.end, edit),
        reason,
        mode: 'change',
        field: place.field,
        edit,
        why: m.why,
      });
    }
  }
  return out;
}

function info(path: string, field: FieldRef, text: string, m: YearMention, reason: RolloverReason): RolloverProposal {
  const shown = excerpt(text, m.start, m.end);
  return { id: `${path}@${m.yearAt}`, path, before: shown, after: shown, reason, mode: 'info', field, why: m.why };
}

/** The Decision's number and date: the new draft is unsigned, so both are left blank (never shifted). */
function clearedFields(pkg: PlanPackage, toYear: number): RolloverProposal[] {
  return pkg.decision ? clearedIssuance('decision', pkg.decision, toYear) : [];
}

function clearedIssuance(base: 'decision' | 'plan.issuance', iss: Issuance, toYear: number): RolloverProposal[] {
  const out: RolloverProposal[] = [];
  if (iss.number.trim()) {
    out.push({
      id: `${base}.number@0`,
      path: `${base}.number`,
      before: documentNumber(iss.number, iss.symbol),
      after: documentNumber('', iss.symbol),
      reason: 'decision-number',
      mode: 'always',
      field: { kind: 'field', field: `${base}.number` },
      why: 'a new draft is not numbered yet',
    });
  }
  if (iss.date !== null) {
    out.push({
      id: `${base}.date@0`,
      path: `${base}.date`,
      before: nd30DateWords(iss.date, toYear - 1),
      after: nd30DateWords(null, toYear),
      reason: 'signing-date',
      mode: 'always',
      field: { kind: 'field', field: `${base}.date` },
      why: 'a new draft is not signed yet: the date is cleared, not shifted',
    });
  }
  return out;
}

/**
 * The new package for `toYear`: a copy (the input is never changed) with the accepted changes applied inside
 * their runs, `year` set, the Decision's (or a standalone Plan's) number and date cleared, and no store ids
 * (it is a new plan). Unknown ids in `accepted` are ignored.
 */
export function applyRollover(pkg: PlanPackage, toYear: number, accepted: Set<string> | 'all'): PlanPackage {
  checkYear(toYear);
  const next = copyWithoutIds(pkg);
  for (const p of proposeRollover(pkg, toYear)) {
    if (p.mode !== 'change' || !p.edit) continue;
    if (accepted !== 'all' && !accepted.has(p.id)) continue;
    editPlace(next, p.field, p.edit.offset, p.edit.from, p.edit.to);
  }
  next.year = toYear;
  // A period plan (2021–2030) moves as a whole and keeps its length (→ 2031–2040).
  if (next.period) next.period = { from: toYear, to: toYear + (next.period.to - next.period.from) };
  // Next year's documents are not issued yet: their number and date are blanks again, never "unknown".
  for (const iss of [next.decision, next.plan.issuance]) {
    if (!iss) continue;
    iss.number = '';
    iss.date = null;
    delete iss.numberUnknown;
    delete iss.dateUnknown;
  }
  return next;
}

/**
 * One proposal as one line for the command line: place, before and after, tab-separated, then the reason code
 * (`always`/`info` marked). Line breaks never occur inside (excerpts are on one line).
 */
export function formatProposal(p: RolloverProposal): string {
  const reason = p.mode === 'change' ? p.reason : `${p.reason} (${p.mode})`;
  return `${p.path}\t${p.before}\t${p.after}\t${reason}`;
}

// ---- a deep copy that drops store ids ----

const runsCopy = (rich: RichText): RichText => rich.map((r) => ({ ...r }));

function issuanceCopy<T extends Issuance>(i: T): T {
  return { ...i, recipients: [...i.recipients], signer: { ...i.signer } };
}

function rowCopy(r: AppendixRow): AppendixRow {
  const cells: Record<string, CellValue> = {};
  for (const key in r.cells) cells[key] = cellCopy(r.cells[key]);
  return r.children?.length ? { cells, children: r.children.map(rowCopy) } : { cells };
}

function bodyCopy(node: BodyNode): BodyNode {
  return { kind: node.kind, heading: node.heading, text: runsCopy(node.text), children: node.children.map(bodyCopy) };
}

function cellCopy(value: CellValue): CellValue {
  return typeof value === 'string' ? value : value.map((m) => ({ ...m }));
}

function copyWithoutIds(pkg: PlanPackage): PlanPackage {
  const d = pkg.decision;
  const decision: Decision | null = d
    ? { ...issuanceCopy(d), legalBases: [...d.legalBases], articles: d.articles.map(runsCopy) }
    : null;
  return {
    title: pkg.title,
    year: pkg.year,
    issuer: { ...pkg.issuer },
    decision,
    plan: {
      summary: pkg.plan.summary,
      issuance: pkg.plan.issuance ? issuanceCopy(pkg.plan.issuance) : null,
      body: pkg.plan.body.map(bodyCopy),
      ...(pkg.plan.numbering ? { numbering: structuredClone(pkg.plan.numbering) } : {}),
    },
    appendix: {
      label: pkg.appendix.label,
      title: pkg.appendix.title,
      columns: pkg.appendix.columns.map((c) => ({ ...c })),
      groups: pkg.appendix.groups.map((g) => ({
        title: g.title,
        rows: g.rows.map(rowCopy),
      })),
      // v2: the numbering styles and the period travel with the plan.
      ...(pkg.appendix.numbering ? { numbering: { ...pkg.appendix.numbering } } : {}),
    },
    agencies: pkg.agencies.map((a) => ({ ...a })),
    ...(pkg.period ? { period: { ...pkg.period } } : {}),
  };
}
