/**
 * The plan package: a Decision (Quyết định), the Plan (Kế hoạch) it issues and the Plan's
 * appendix task table (Phụ lục). This is the one model every layer shares: the store loads it,
 * the exchange file serialises it, the exporters print it, the UI shows it.
 *
 * Numbers (I., 1., a), Điều 1., STT 1..n) are never stored: they are derived from position,
 * so moving or deleting something can never leave the numbers wrong. What IS stored (model v2)
 * is the numbering *style* — which labels a plan uses per level (`plan.numbering`, `appendix.numbering`).
 *
 * Model v2 (exchange format version 2) adds, all optional so that a v1 package is a valid v2
 * package and means the same: appendix rows as a tree (`AppendixRow.children`), numbering styles,
 * footnotes on runs, sub-item recipients (`+ ` lines), a plan period (`period`), and "unknown"
 * versus "not yet assigned" for an issuance's number and date (`numberUnknown`, `dateUnknown`).
 *
 * `id` fields are store ids. They are absent in a package that has not been saved
 * (an exchange file, a freshly built sample) and are never written to an exchange file.
 */

/** A run of text with optional emphasis. `undefined` inherits the paragraph's style
 * (a part heading is bold unless a run says `bold: false`). */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /**
   * v2: the text of a footnote whose reference mark follows this run (printed as a Word footnote,
   * as a superscript number in the preview). Plain text, NFC; absent or empty: no footnote.
   */
  footnote?: string;
}
export type RichText = Run[];

/** The authority prefix of a signature block (Nghị định 30, Phụ lục I): '' when the head signs. */
export const SIGNER_PREFIXES = ['', 'KT.', 'TM.', 'TL.', 'TUQ.', 'Q.'] as const;
export type SignerPrefix = (typeof SIGNER_PREFIXES)[number];

export interface Signer {
  /** `KT.` a deputy signs for the head; `TM.` on behalf of a collective; '' the head signs. */
  prefix: SignerPrefix;
  /** What follows the prefix: `CHỦ TỊCH` (KT./none) or `ỦY BAN NHÂN DÂN` (TM.). */
  title: string;
  /** The signer's own position under the title, e.g. `PHÓ CHỦ TỊCH` under `KT. CHỦ TỊCH`. Empty when none. */
  deputyTitle: string;
  name: string;
}

/** The body that issues the documents (left column of the header). */
export interface Issuer {
  /** Tên cơ quan chủ quản, optional (empty string when none). */
  parentBody: string;
  /** The issuing body in capitals, lines separated by "\n": `ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC`. */
  name: string;
  /** Place name of the place-date line: `Bình Phước`. */
  place: string;
  /** How the documents cite the issuer in the "(Ban hành kèm theo …)" line: `Ủy ban nhân dân tỉnh`. */
  citedAs: string;
}

/** Number, symbol, date, recipients and signer: what makes a document issued. */
export interface Issuance {
  /** The number, digits only, empty while the draft is unsigned. */
  number: string;
  /** `QĐ-UBND`, `KH-UBND`. */
  symbol: string;
  /** ISO date `YYYY-MM-DD`, or null while the date is not fixed yet. */
  date: string | null;
  /**
   * v2: the number was given but cannot be known (an old plan imported from a scan): an empty `number`
   * then prints `…` instead of the blank left for the signer, and is never reported as "not yet numbered".
   * Absent/false: an empty number is not yet assigned.
   */
  numberUnknown?: boolean;
  /** v2: the same for `date` (null date, but the document was dated). */
  dateUnknown?: boolean;
  /**
   * Recipients as written, one line each, without the leading `- ` of a top-level line (the exporter
   * adds it). v2: a line written `+ …` is a sub-item of the nearest top-level line above it
   * ("- VP UBND tỉnh:" then "+ LĐVP, các phòng, đơn vị;" …); see `recipientTree` for the structured view.
   * The end punctuation (`;`, `:` before sub-items, `.` last) is fixed by the exporters per level.
   */
  recipients: string[];
  signer: Signer;
}

/** v2: one recipient with its sub-items, the structured view of `Issuance.recipients`. */
export interface Recipient {
  /** The line's text without its `- ` / `+ ` mark. */
  text: string;
  /** Sub-items (written `+ …`), without the mark. Empty when none. */
  items: string[];
}

export interface Decision extends Issuance {
  /** Trích yếu; "\n" where the title breaks its line. */
  summary: string;
  /** `CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`. */
  authority: string;
  /** `Căn cứ …` lines as written. */
  legalBases: string[];
  /** `Theo đề nghị của …`, the last line of the legal bases. Empty when none. */
  proposal: string;
  /** Article texts; the label `Điều N.` is the program's. */
  articles: RichText[];
}

/** Kinds of nodes in the Plan body; each has its own numbering style. */
export const BODY_KINDS = ['part', 'item', 'point', 'dash', 'plus', 'paragraph'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/**
 * v2: how one level's label is written. `roman` I, II; `decimal` 1, 2; `alpha` a, b, c, d, đ … (Vietnamese
 * order); `dash` `-`; `plus` `+`; `none` nothing.
 */
export const LABEL_FORMATS = ['roman', 'decimal', 'alpha', 'dash', 'plus', 'none'] as const;
export type LabelFormat = (typeof LABEL_FORMATS)[number];

export interface LevelStyle {
  format: LabelFormat;
  /**
   * Decimal labels that carry their numbered ancestors' numbers: `1.1.`, `1.1.1.` (only ancestors whose
   * format is `decimal` are carried). Ignored for other formats.
   */
  path?: boolean;
  /** What follows a number: `.` (`I.`, `1.`), `)` (`a)`); ignored for `dash`, `plus`, `none`. */
  suffix: '.' | ')' | '';
}

/**
 * v2: the body's numbering style, one entry per kind (= level: part → item → point → dash → plus).
 * A missing kind keeps Nghị định 30's usual label (`I.`, `1.`, `a)`, `-`, `+`); `paragraph` is never labelled.
 * Presets: `BODY_NUMBERING_PRESETS` (numbering.ts).
 */
export type BodyNumbering = Partial<Record<Exclude<BodyKind, 'paragraph'>, LevelStyle>>;

export interface BodyNode {
  id?: number;
  kind: BodyKind;
  /** A heading is set bold (parts are always headings, set in capitals). */
  heading: boolean;
  text: RichText;
  children: BodyNode[];
}

export interface Plan {
  /** Trích yếu of the Plan. */
  summary: string;
  /** Null when the Plan is issued with a Decision; set for a standalone Plan (`KH-UBND`). */
  issuance: Issuance | null;
  body: BodyNode[];
  /** v2: the numbering style chosen for this plan's body; absent or null: Nghị định 30's `I.`/`1.`/`a)`/`-`/`+`. */
  numbering?: BodyNumbering | null;
}

/** How a column's cells hold their value. */
export const COLUMN_KINDS = ['number', 'text', 'agencies'] as const;
export type ColumnKind = (typeof COLUMN_KINDS)[number];
/** What a column means to the program (matrices, checks, deadline reading). null: just text. */
export const COLUMN_ROLES = ['number', 'task', 'lead', 'cooperate', 'deadline', 'note'] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export interface ColumnDef {
  /** Stable key, used as the cell's field name in rows: `task`, `lead`, `product`. */
  key: string;
  caption: string;
  kind: ColumnKind;
  role: ColumnRole | null;
  /** Printed width in millimetres; exporters scale the columns to the page. */
  width: number;
  hidden: boolean;
}

/** One agency named in an agency cell, and the text written after it ("; ", " và ", " thẩm định"). */
export interface Mention {
  agency: string;
  after: string;
}

/** A cell: text for `text` columns, mentions for `agencies` columns; `number` columns hold nothing. */
export type CellValue = string | Mention[];

/**
 * A row of the appendix table. v2: rows form a tree (objective → task → activity; task 1 → 1.1, 1.2).
 *
 * How a parent prints (see `rowLines` in rows.ts): when none of its filled cells is in a column one of its
 * descendants also fills, it **spans** its children — each filled cell is printed once, merged down over the
 * lines of its subtree, and the children fill the other columns of those lines (a framework's objective over
 * three activities). Otherwise (sub-numbered tasks, the same column at every level) it prints on its own line
 * above its children. Either way the number column shows each printed line's own label.
 */
export interface AppendixRow {
  id?: number;
  cells: Record<string, CellValue>;
  /** v2: sub-rows; absent or empty: a leaf. */
  children?: AppendixRow[];
}

export interface AppendixGroup {
  id?: number;
  /** Title without its Roman numeral (the program's). */
  title: string;
  rows: AppendixRow[];
}

/**
 * v2: how the STT column (and group titles) are numbered.
 * - `continuous`: top-level rows 1 … n across the groups (today's and the default); groups I., II.
 * - `per-group`: top-level rows restart in each group; groups I., II.
 * - `hierarchical`: groups 1., 2. and rows carry the group's number: 1.1, 1.2, 2.1 …
 * - `none`: no row numbers (groups keep their Roman numerals).
 * In every numbered style a sub-row carries its parent's label: 1 → 1.1, 1.2; 1.1 → 1.1.1.
 */
export const ROW_NUMBERING_STYLES = ['continuous', 'per-group', 'hierarchical', 'none'] as const;
export type RowNumberingStyle = (typeof ROW_NUMBERING_STYLES)[number];

export interface RowNumbering {
  style: RowNumberingStyle;
  /** The first number (of the table for `continuous`, of each group for `per-group`/`hierarchical`); default 1. */
  start?: number;
}

export interface Appendix {
  /** `PHỤ LỤC` (`PHỤ LỤC I` when there are several). */
  label: string;
  title: string;
  columns: ColumnDef[];
  groups: AppendixGroup[];
  /** v2: row numbering; absent or null: `continuous` from 1. */
  numbering?: RowNumbering | null;
}

/** An entry of the plan's agency directory; `key` is stable within the package. */
export interface Agency {
  key: string;
  name: string;
}

/** v2: the years a plan covers, both included (2021–2030). */
export interface PlanPeriod {
  from: number;
  to: number;
}

export interface PlanPackage {
  /** The drafter's working name, shown in the plans list. */
  title: string;
  /** The year the plan is for; for a plan over a period, its first year (`period.from`). */
  year: number;
  /**
   * v2: a plan for several years (a ten-year plan, 2021–2030); absent or null: the one year `year`.
   * When set, `period.from === year`. Read it with `planPeriod(pkg)`.
   */
  period?: PlanPeriod | null;
  issuer: Issuer;
  /** Null for a standalone Plan (`KH-UBND`), which then carries its own `plan.issuance`. */
  decision: Decision | null;
  plan: Plan;
  appendix: Appendix;
  agencies: Agency[];
  /**
   * v2: the abbreviations this plan uses without spelling them out (`UBND`, `HĐND`, `CCHC` …), which the
   * checker then never asks to write in full; added to its bundled list. Absent or empty: none of its own.
   * Each is one word of letters and digits, NFC, without duplicates (store/check-settings.ts).
   */
  knownAbbreviations?: string[];
  /**
   * v2.1 (#23, the year after the signature): the plan's issues, reporting periods, units, the returns read, the
   * statuses and the reports, as the exchange file carries them (rows named by their place, `RowPath`). Absent on a
   * plan never issued or followed, and on a package loaded for editing (the store keeps it apart: tracking/exchange.ts).
   */
  tracking?: PlanTracking | null;
}

/** A row named by its place: the group's index, then its index among its siblings at each level ([2, 0, 1]). */
export type RowPath = number[];

/** The exchange file's form of a plan's tracking data (v2.1); see electron/core/model/tracking.ts for what each part means. */
export interface PlanTracking {
  /** The plan's own id for its return workbooks (their manifest carries it). */
  uid: string;
  /** The content is frozen as issued (no adjustment open). */
  frozen: boolean;
  adjustment: { since: string; reason: string } | null;
  issues: Array<{
    kind: 'issue' | 'adjustment'; number: string; symbol: string; date: string; issuedAt: string; reason: string;
    /** The signed PDF: its name, size, sha-256 and (in an exchange file) its bytes in base64. */
    pdf: { name: string; size: number; sha256: string; base64?: string } | null;
  }>;
  periods: Array<{ key: string; year: number; code: 'q1' | 'h1' | 'q3' | 'year' | 'custom'; label: string; from: string; cutoff: string; due: string; returnsDue: string; byRule: boolean }>;
  units: Array<{ key: string; name: string; agencies: string[] }>;
  returns: Array<{
    period: string; unit: string; unitName: string; file: string; sha256: string; readAt: string; matchedBy: 'manifest' | 'text';
    /** The report the file got when read (ReturnFileReport). */
    report: Record<string, unknown>;
    lines: Array<{
      row: RowPath; role: 'lead' | 'cooperate'; status: TrackedStatus | null; progress: number | null; statusText: string;
      result: string; evidence: string; difficulties: string; note: string;
    }>;
  }>;
  statuses: Array<{
    period: string; row: RowPath; status?: TrackedStatus; progress?: number | null; result?: string; evidence?: string; difficulties?: string; note?: string; updatedAt: string;
  }>;
  proposals: Array<{
    period: string; unit: string; unitName: string; file: string; sheetRow: number; stt: string; group: string; task: string; deadline: string;
    status: TrackedStatus | null; statusText: string; result: string; evidence: string; note: string; state: 'open' | 'taken' | 'dismissed'; takenRow: RowPath | null;
  }>;
  reports: Array<{
    period: string; template: string; number: string; symbol: string; date: string | null; summary: string; place: string;
    addressees: string[]; recipients: string[]; signer: Signer; body: TrackedReportNode[];
  }>;
}

/** The statuses a task can have (model/tracking.ts TASK_STATUSES). */
export type TrackedStatus = 'done' | 'doneLate' | 'inProgress' | 'notStarted' | 'dropped';

/** A node of a report's body in the exchange file. */
export interface TrackedReportNode {
  kind: BodyKind;
  heading: boolean;
  text: RichText;
  auto: string | null;
  children: TrackedReportNode[];
}
