/**
 * The plan package: a Decision (Quyết định), the Plan (Kế hoạch) it issues and the Plan's
 * appendix task table (Phụ lục). This is the one model every layer shares: the store loads it,
 * the exchange file serialises it, the exporters print it, the UI shows it.
 *
 * Numbering (I., 1., a), Điều 1., STT 1..n) is never stored: it is derived from position,
 * so moving or deleting something can never leave the numbers wrong.
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
  /** Recipients as written, without the leading `- ` (the exporter adds it). */
  recipients: string[];
  signer: Signer;
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

export interface AppendixRow {
  id?: number;
  cells: Record<string, CellValue>;
}

export interface AppendixGroup {
  id?: number;
  /** Title without its Roman numeral (the program's). */
  title: string;
  rows: AppendixRow[];
}

export interface Appendix {
  /** `PHỤ LỤC` (`PHỤ LỤC I` when there are several). */
  label: string;
  title: string;
  columns: ColumnDef[];
  groups: AppendixGroup[];
}

/** An entry of the plan's agency directory; `key` is stable within the package. */
export interface Agency {
  key: string;
  name: string;
}

export interface PlanPackage {
  /** The drafter's working name, shown in the plans list. */
  title: string;
  /** The year the plan is for. */
  year: number;
  issuer: Issuer;
  /** Null for a standalone Plan (`KH-UBND`), which then carries its own `plan.issuance`. */
  decision: Decision | null;
  plan: Plan;
  appendix: Appendix;
  agencies: Agency[];
}
