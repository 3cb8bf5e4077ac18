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
import { UserError, badYearError } from '../errors';
import { planPeriod } from '../model/rows';
import type { AppendixRow, BodyNode, CellValue, Decision, Issuance, PlanPackage, RichText } from '../model/types';
import { translate, type MessageLang } from '../model/messages';
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

function checkYear(pkg: PlanPackage, toYear: number): void {
  // The same rule as every plan year (model/year.ts): a coded message, never an internal error.
  if (!isPlanYear(toYear)) throw badYearError(toYear);
  if (!shiftableYear(toYear)) throw new RangeError(`rollover: ${toYear} is not a year`);
  // A period plan (2021–2030) is not rolled over year by year: its next plan is the next period (2031–2040).
  const { from, to } = planPeriod(pkg);
  if (to > from && toYear !== to + 1) {
    const next = to + 1;
    throw UserError.coded(
      'rollover.periodNext',
      { from: String(from), to: String(to), next: String(next), nextTo: String(next + to - from), year: String(toYear) },
      `This plan covers ${from}-${to}: a period plan is not rolled over year by year; its next plan is for ${next}-${next + to - from} (year ${next}).`,
    );
  }
}

/** Title-like places where a period written the plan's own way (`giai đoạn 2021 - 2030`) names the plan itself. */
const OWN_PERIOD_PLACES = new Set(['title', 'decision.summary', 'plan.summary', 'appendix.title']);

/**
 * Every change of year that makes this package the plan for `toYear`, in reading order. Changes (`mode:
 * 'change'`) are the years of the plan's own time; `always` lists the Decision's number and date that the new
 * draft leaves blank; `info` points at cited documents whose year the program never changes.
 */
export function proposeRollover(pkg: PlanPackage, toYear: number): RolloverProposal[] {
  checkYear(pkg, toYear);
  const delta = toYear - pkg.year;
  const period = planPeriod(pkg);
  const periodPlan = period.to > period.from;
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
      // A period plan moving to the next period: its own period in its titles moves with it (both years).
      if (periodPlan && m.cls === 'period' && OWN_PERIOD_PLACES.has(place.path) && ownPeriodAt(place.text, m, period)) {
        const edit = { offset: m.yearAt, from: String(m.year), to: String(m.year + delta) };
        out.push({
          id: `${place.path}@${edit.offset}`,
          path: place.path,
          before: excerpt(place.text, m.start, m.end),
          after: excerpt(place.text, m.start, m.end, edit),
          reason: 'plan-period',
          mode: 'change',
          field: place.field,
          edit,
          why: "the plan's own period",
        });
        continue;
      }
      // A period plan's deadline cells name any year of its period (`Năm 2027`, `Giai đoạn 2021 - 2025` in
      // 2021–2030): each moves with the period to the same place in the next one (→ 2037, 2031 - 2035). A 29/02 that would not exist is left to the drafter.
      if (periodPlan && place.context.deadline && !m.moves && m.year >= period.from && m.year <= period.to && m.form !== 'number') {
        if (m.day && m.day.day === 29 && m.day.month === 2) continue;
        const edit = { offset: m.yearAt, from: String(m.year), to: String(m.year + delta) };
        out.push({
          id: `${place.path}@${edit.offset}`,
          path: place.path,
          before: excerpt(place.text, m.start, m.end),
          after: excerpt(place.text, m.start, m.end, edit),
          reason: 'deadline',
          mode: 'change',
          field: place.field,
          edit,
          why: "a deadline inside the plan's period",
        });
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

/** Whether mention `m` (one end of a range) is one end of the plan's own period `from - to` as written there. */
function ownPeriodAt(text: string, m: YearMention, period: { from: number; to: number }): boolean {
  const range = /(\d{4})\s*[-–]\s*(\d{4})/.exec(text.slice(m.start, m.end));
  return range !== null && Number(range[1]) === period.from && Number(range[2]) === period.to;
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
  checkYear(pkg, toYear);
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
 * One proposal as one line for the command line: place, before and after, tab-separated, then the reason in
 * `lang` (the catalogue's `rollover.reason.*`, with `rollover.mode.*` when it is not a change). Line breaks never
 * occur inside (excerpts are on one line).
 */
export function formatProposal(p: RolloverProposal, lang: MessageLang = 'vi'): string {
  const reason = translate(`rollover.reason.${p.reason}`, {}, lang);
  const shown = p.mode === 'change' ? reason : `${reason} (${translate(`rollover.mode.${p.mode}`, {}, lang)})`;
  return `${p.path}\t${p.before}\t${p.after}\t${shown}`;
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
    // The province's abbreviations do not change with the year.
    ...(pkg.knownAbbreviations?.length ? { knownAbbreviations: [...pkg.knownAbbreviations] } : {}),
  };
}
