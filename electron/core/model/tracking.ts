/**
 * The year after the signature (#23), as data the whole program shares: the issued state of a plan, the reporting
 * periods of Công văn 581/BNV-CCHC, the statuses a task can have, what a tracking view, a batch of returns and a
 * report draft hold. Pure types and small pure functions: no Node, no store, so the renderer imports it through the
 * API contract.
 *
 * Words printed in documents (the statuses of the return's drop-down, the periods' names) are Vietnamese document
 * text, like nd30-text.ts: the same whatever the interface language; the UI words the codes itself.
 */
import type { CodedMessage } from './messages';
import type { BodyKind, PlanPeriod, RichText, Signer, TrackedStatus } from './types';

// ---------------------------------------------------------------- statuses

/**
 * What a department says of one task in one period. `done` Đã hoàn thành; `doneLate` Hoàn thành quá hạn;
 * `inProgress` Đang thực hiện (also "đúng/chậm tiến độ", a percentage); `notStarted` Chưa thực hiện;
 * `dropped` Không thực hiện / đề nghị điều chỉnh.
 */
export const TASK_STATUSES = ['done', 'doneLate', 'inProgress', 'notStarted', 'dropped'] as const satisfies readonly TrackedStatus[];
export type TaskStatus = TrackedStatus;

/** The words of each status as the return's drop-down, the report and the status table print them. */
export const STATUS_WORDS: Readonly<Record<TaskStatus, string>> = {
  done: 'Đã hoàn thành',
  doneLate: 'Hoàn thành quá hạn',
  inProgress: 'Đang thực hiện',
  notStarted: 'Chưa thực hiện',
  dropped: 'Không thực hiện/đề nghị điều chỉnh',
};

/** Statuses that count as done in the completion rate (the PAR Index counts a task done late as done). */
export function isDone(status: TaskStatus | null): boolean {
  return status === 'done' || status === 'doneLate';
}

/** Statuses that end a task: it can no longer be overdue. */
export function isClosed(status: TaskStatus | null): boolean {
  return isDone(status) || status === 'dropped';
}

// ---------------------------------------------------------------- periods

/** `q1` quarter 1, `h1` six months, `q3` quarter 3, `year` the year, `custom` a period the secretariat adds. */
export const PERIOD_CODES = ['q1', 'h1', 'q3', 'year', 'custom'] as const;
export type PeriodCode = (typeof PERIOD_CODES)[number];
export type StandardPeriodCode = Exclude<PeriodCode, 'custom'>;
export const STANDARD_PERIODS: readonly StandardPeriodCode[] = ['q1', 'h1', 'q3', 'year'];

/** One reporting period of a plan, its dates ISO (`YYYY-MM-DD`). */
export interface ReportPeriod {
  /** `2025-q1`, `2025-h1`, `2025-q3`, `2025-year`, `2025-custom-1`: what the CLI's `--period` names. */
  key: string;
  year: number;
  code: PeriodCode;
  /** `Quý I năm 2025`, `6 tháng đầu năm 2025`, `Năm 2025` (document text). */
  label: string;
  /** First day the figures count (15/12 of the previous year for q1, h1 and year). */
  from: string;
  /** The cut-off: the last day the figures count; a task due before it and not done is overdue. */
  cutoff: string;
  /** When the report is due to the Ministry (day 20 of the cut-off's month by the rule). */
  due: string;
  /** When departments' returns are due to the secretariat (the province's own date; by default the cut-off). */
  returnsDue: string;
  /** True while the dates are the rule's (Công văn 581/BNV-CCHC); false once the secretariat changed one. */
  byRule: boolean;
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/**
 * Công văn 581/BNV-CCHC: q1 15/12 (previous year) → 14/3, due 20/3; h1 15/12 → 14/6, due 20/6; q3 15/6 → 14/9,
 * due 20/9; year 15/12 → 14/12, due 20/12.
 */
const RULE: Readonly<Record<StandardPeriodCode, { from: [number, number, number]; cutoff: [number, number]; due: [number, number] }>> = {
  q1: { from: [-1, 12, 15], cutoff: [3, 14], due: [3, 20] },
  h1: { from: [-1, 12, 15], cutoff: [6, 14], due: [6, 20] },
  q3: { from: [0, 6, 15], cutoff: [9, 14], due: [9, 20] },
  year: { from: [-1, 12, 15], cutoff: [12, 14], due: [12, 20] },
};

/** The period's name as documents print it, capitalised (`Quý I năm 2025`). */
export function standardPeriodLabel(code: StandardPeriodCode, year: number): string {
  switch (code) {
    case 'q1':
      return `Quý I năm ${year}`;
    case 'h1':
      return `6 tháng đầu năm ${year}`;
    case 'q3':
      return `Quý III năm ${year}`;
    case 'year':
      return `Năm ${year}`;
  }
}

/** A standard period of `year` with the rule's dates. */
export function rulePeriod(code: StandardPeriodCode, year: number): ReportPeriod {
  const r = RULE[code];
  const cutoff = iso(year, r.cutoff[0], r.cutoff[1]);
  return {
    key: `${year}-${code}`,
    year,
    code,
    label: standardPeriodLabel(code, year),
    from: iso(year + r.from[0], r.from[1], r.from[2]),
    cutoff,
    due: iso(year, r.due[0], r.due[1]),
    returnsDue: cutoff,
    byRule: true,
  };
}

/** Every standard period of a plan: q1, h1, q3 and year of each of its years (a 2021–2030 plan reports per year). */
export function rulePeriods(period: PlanPeriod): ReportPeriod[] {
  const out: ReportPeriod[] = [];
  for (let y = period.from; y <= period.to; y++) for (const code of STANDARD_PERIODS) out.push(rulePeriod(code, y));
  return out;
}

/** `quý I năm 2025`: the label inside a sentence (first letter lower case, as the report's summary writes it). */
export function periodWordsInText(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

// ---------------------------------------------------------------- issued state

/** One issue of the plan: the first (`issue`) or the issue of an adjustment (`adjustment`, "điều chỉnh"). */
export interface IssueRecord {
  id: number;
  kind: 'issue' | 'adjustment';
  /** Digits as the e-office gave them (`2142`). */
  number: string;
  /** `QĐ-UBND` (a standalone plan: `KH-UBND`). */
  symbol: string;
  /** ISO date of issue. */
  date: string;
  /** When it was recorded here (ISO timestamp). */
  issuedAt: string;
  /** Why the plan was adjusted (an adjustment's), '' for the first issue. */
  reason: string;
  /** The saved version holding the package as issued (the version of record); null if its snapshot is not here. */
  versionId: number | null;
  /** The signed PDF kept with it: its name and size in bytes; `stored` false when only its name came with an exchange file. */
  pdf: { name: string; size: number; stored: boolean } | null;
  /** `Quyết định số 2142/QĐ-UBND ngày 09/12/2023`: how later documents cite this issue. */
  citation: string;
}

/**
 * A plan's place in its life: `draft` (never issued, every edit allowed), `issued` (the content is frozen as issued:
 * edits of the content are refused; tracking goes on), `adjusting` (after "Điều chỉnh": the content may be edited
 * until the adjustment is issued, which makes a new version of record).
 */
export type IssueStatus = 'draft' | 'issued' | 'adjusting';

export interface IssueState {
  status: IssueStatus;
  /** Every issue, oldest first: the first issue, then each adjustment's. */
  issues: IssueRecord[];
  /** The adjustment under way: since when and why; null otherwise. */
  adjustment: { since: string; reason: string } | null;
  /**
   * How reports and returns cite the plan: `Kế hoạch … ban hành kèm theo Quyết định số 2142/QĐ-UBND ngày 09/12/2023
   * của Ủy ban nhân dân tỉnh` (an adjusted plan adds `, được điều chỉnh tại Quyết định số …`); null for a draft.
   */
  citation: string | null;
}

/** The most a signed PDF kept in the store may weigh (bytes): a scanned 80-page plan is well under it. */
export const ISSUED_PDF_MAX_BYTES = 20 * 1024 * 1024;

// ---------------------------------------------------------------- reporting units

/**
 * Who sends a return. By default every agency of the directory that leads or cooperates on a task (`custom`: false,
 * its key the agency's key). The secretariat can add units that answer for agencies (the 11 districts answering for
 * "UBND cấp huyện"); an agency a custom unit answers for gets no default unit of its own.
 */
export interface ReportingUnit {
  key: string;
  name: string;
  /** The directory agencies (keys) whose tasks this unit reports on. */
  agencies: string[];
  custom: boolean;
  /** Tasks (leaf rows) it reports on as a lead, and as a cooperating agency. */
  leads: number;
  cooperates: number;
}

// ---------------------------------------------------------------- the tracking view

/** What one unit's return said of one task. */
export interface ReturnLine {
  unit: string;
  unitName: string;
  role: 'lead' | 'cooperate';
  status: TaskStatus | null;
  /** A percentage the unit wrote (`đạt 70%`), else null. */
  progress: number | null;
  /** The status cell as typed (`xong`, `HT`, `Đang triển khai (70%)`). */
  statusText: string;
  result: string;
  evidence: string;
  difficulties: string;
  note: string;
  /** The file it was read from. */
  file: string;
  readAt: string;
}

/** The secretariat's own word on a task (it has the last word): each field set overrides what the returns say; absent = not set. */
export interface StatusOverride {
  status?: TaskStatus;
  progress?: number | null;
  result?: string;
  evidence?: string;
  difficulties?: string;
  note?: string;
  updatedAt: string;
}

/** A patch of the secretariat's word (`setTaskStatus`): only the fields given change. */
export type StatusPatch = Omit<StatusOverride, 'updatedAt'>;

/** The fields of an override that can be cleared one by one (`clearTaskStatus`). */
export const STATUS_FIELDS = ['status', 'progress', 'result', 'evidence', 'difficulties', 'note'] as const;
export type StatusField = (typeof STATUS_FIELDS)[number];

/** One task (a leaf row of the appendix) in one period, as the tracking view, `status --json` and the report read it. */
export interface TaskLine {
  rowId: number;
  /** The STT the appendix prints (`12`, `1.2`). */
  stt: string;
  groupId: number;
  /** Index of its group (0-based) and the group's title. */
  group: number;
  groupTitle: string;
  task: string;
  /** Lead agencies (a sub-row without one takes its parent's), keys and names. */
  lead: Array<{ key: string; name: string }>;
  /** The lead cell as printed (`Sở Nội vụ; UBND cấp huyện`). */
  leadText: string;
  deadline: string;
  /** Last day of the deadline as the deadline reader understood it (ISO), or null (ongoing, recurring, unreadable). */
  deadlineEnd: string | null;
  status: TaskStatus | null;
  progress: number | null;
  result: string;
  evidence: string;
  difficulties: string;
  note: string;
  /** The deadline ended before the period's cut-off and the task is not done (nor dropped). */
  overdue: boolean;
  /** Where the status comes from: the secretariat's word, the returns, or nothing yet. */
  source: 'secretariat' | 'returns' | null;
  /** The files the returns' words came from. */
  sourceFiles: string[];
  /** Units expected to report it as a lead, and how many of them did. */
  expected: number;
  reportedBy: number;
  /** Every return's line on it (leads and cooperating units). */
  returns: ReturnLine[];
  override: StatusOverride | null;
}

/** Counts of a set of tasks. `rate` is (done + doneLate) / total, 0..1 (0 when there is no task). */
export interface StatusCounts {
  total: number;
  done: number;
  doneLate: number;
  inProgress: number;
  notStarted: number;
  dropped: number;
  /** No status yet (no return said anything, the secretariat neither). */
  unreported: number;
  overdue: number;
  rate: number;
}

export interface GroupRate {
  groupId: number;
  /** `I`, `II` … (or `1`, `2` under hierarchical numbering). */
  label: string;
  title: string;
  counts: StatusCounts;
}

export interface AgencyRate {
  key: string;
  name: string;
  /** Over the tasks the agency leads. */
  counts: StatusCounts;
}

/** Whether a unit has sent its return for the period. */
export interface UnitReturnState {
  key: string;
  name: string;
  /** Tasks it reports on as a lead. */
  leads: number;
  files: Array<{ file: string; readAt: string }>;
  sent: boolean;
  /** Its first return was read after the period's `returnsDue` date. */
  late: boolean;
}

/** Filters of the tracking view; the rates are always over the whole plan. */
export interface TrackingFilter {
  /** Tasks this directory agency leads. */
  agency?: string;
  groupId?: number;
  status?: TaskStatus | 'unreported';
  overdue?: boolean;
}

export interface TrackingView {
  period: ReportPeriod;
  issue: IssueState;
  /** The tasks (leaf rows) in the appendix's order, after the filter. */
  tasks: TaskLine[];
  /** Over all tasks of the plan. */
  totals: StatusCounts;
  groups: GroupRate[];
  agencies: AgencyRate[];
  units: UnitReturnState[];
  /** Units with tasks to report on whose return has not been read yet. */
  missing: Array<{ key: string; name: string }>;
  /** Proposed new tasks read from returns, not yet taken or dismissed. */
  openProposals: number;
}

// ---------------------------------------------------------------- reading returns

/** One note of a return's report: a coded message and the sheet row it is about. */
export interface ReturnNote {
  /** `guessed` a status read from words; `unplaced` a row that could not be placed (its text is kept here); `proposed` a new task; `info`; `warning`. */
  kind: 'guessed' | 'unplaced' | 'proposed' | 'info' | 'warning';
  message: CodedMessage;
  /** Sheet row, when the note is about one. */
  row?: number;
}

/** What reading one file did. */
export interface ReturnFileReport {
  file: string;
  /** `read`: its words were taken; `unchanged`: the same return was read before, nothing changed; `refused`: nothing taken. */
  outcome: 'read' | 'unchanged' | 'refused';
  /** Why it was refused (coded: another plan, another period, not a return, unreadable …). */
  refusal: CodedMessage | null;
  unit: { key: string; name: string } | null;
  /** `manifest`: matched for certain by its hidden sheet; `text`: by STT and task text (a retyped or re-saved sheet). */
  matchedBy: 'manifest' | 'text' | null;
  counts: {
    /** Task rows read in the file. */
    rows: number;
    /** Rows placed on a task of the plan. */
    placed: number;
    /** Statuses read from words (each has a note). */
    guessed: number;
    /** Rows that could not be placed (each listed in a note with its text). */
    unplaced: number;
    /** New tasks the unit added (proposed, never taken in silence). */
    proposed: number;
    /** Tasks whose stored words changed. */
    changed: number;
  };
  notes: ReturnNote[];
}

export interface ReturnsBatchReport {
  period: ReportPeriod;
  files: ReturnFileReport[];
  summary: {
    files: number;
    read: number;
    unchanged: number;
    refused: number;
    placed: number;
    guessed: number;
    unplaced: number;
    proposed: number;
    changed: number;
    /** Units that have sent a return for the period, of those expected (after this batch). */
    unitsSent: number;
    unitsExpected: number;
  };
}

/** A return read earlier (`listReturns`): the file, who sent it, when, and its report. */
export interface ReturnRecord {
  id: number;
  period: string;
  unit: string;
  unitName: string;
  file: string;
  readAt: string;
  matchedBy: 'manifest' | 'text';
  report: ReturnFileReport;
}

/** A task a unit added to its return: shown to the secretariat, never taken in silence. */
export interface ReturnProposal {
  id: number;
  period: string;
  unit: string;
  unitName: string;
  file: string;
  /** The sheet row it was on, its STT as typed and the group heading above it in the sheet. */
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
  state: 'open' | 'taken' | 'dismissed';
  /** The plan row made from it when taken. */
  takenRowId: number | null;
}

// ---------------------------------------------------------------- the report

/** A node of the report's body, as the plan body's (`BodyNode`) with `auto` telling which filled part made it. */
export interface ReportNode {
  id: number;
  kind: BodyKind;
  heading: boolean;
  text: RichText;
  /**
   * The template's fill that wrote it (`totals`, `group:<groupId>:figures` …) while nobody has edited it:
   * `refreshReportFigures` rewrites such nodes with the latest figures; null once edited (the narrative is the drafter's).
   */
  auto: string | null;
  children: ReportNode[];
}

/** The report's scalar fields, edited with `setReportField`. */
export const REPORT_FIELDS = ['number', 'symbol', 'date', 'summary', 'place', 'signer.prefix', 'signer.title', 'signer.deputyTitle', 'signer.name'] as const;
export type ReportField = (typeof REPORT_FIELDS)[number];
/** The report's lists, each replaced whole with `setReportList`. */
export const REPORT_LISTS = ['addressees', 'recipients'] as const;
export type ReportList = (typeof REPORT_LISTS)[number];

/** The Báo cáo of one period: its ND30 fields, its body (editable like the plan's) and the figures it was filled with. */
export interface ReportDraft {
  id: number;
  period: ReportPeriod;
  /** The template it was made from (`resources/report-templates/<key>.json`). */
  template: string;
  /** Digits, empty while unsigned (`Số:      /BC-UBND`). */
  number: string;
  symbol: string;
  date: string | null;
  /** Trích yếu: `Kết quả thực hiện công tác cải cách hành chính quý I năm 2025`. */
  summary: string;
  /** The place of the place-date line (by default the plan issuer's). */
  place: string;
  /** `Kính gửi:` lines (`Bộ Nội vụ`). */
  addressees: string[];
  /** `Nơi nhận:` lines, as the Decision's (without the leading `- `). */
  recipients: string[];
  signer: Signer;
  body: ReportNode[];
  /** Bumped by every change of the report. */
  revision: number;
  updatedAt: string;
}

/** A report template (data, one file per province or usage): `listReportTemplates` lists them. */
export interface ReportTemplateInfo {
  key: string;
  name: string;
}

/** The report's tracking history (status fixes, report edits, batches of returns): its next undo and redo. */
export interface TrackingHistoryState {
  undo: string | null;
  redo: string | null;
}

/** A file the program wrote into a folder, or the files of a batch for the browser to download. */
export type FilesResult =
  | { kind: 'saved'; folder: string; files: Array<{ fileName: string; path: string }> }
  | { kind: 'cancelled' }
  | { kind: 'download'; files: Array<{ fileName: string; mime: string; base64: string }> };

/** A file given to a method that reads several at once (returns): its name and bytes in base64. */
export interface UploadedFile {
  name: string;
  base64: string;
}
