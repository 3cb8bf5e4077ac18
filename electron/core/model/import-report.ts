/**
 * The import report: what an import of a Word or Excel file recognised, what it guessed (agency splits,
 * numbering, old encodings, dates read as months) with the row it guessed on, and what it left as text.
 * Each note is coded: the UI translates `importReport.<code>` (locales/{vi,en}/imports.json) with the note's
 * params, the CLI prints the same translation (core/import/report-text.ts). Pure types, no Node.
 */

/** recognised: read as the program's own structure; guessed: decided from patterns, check it; text: kept as written. */
export type ImportNoteKind = 'recognised' | 'guessed' | 'text';

export const IMPORT_NOTE_CODES = [
  /** Text in TCVN3/VNI fonts converted to Unicode. params: encoding, fonts, count (runs or cells). */
  'encoding',
  /** An agency cell cut at ", " / " và " / a shared prefix. params: column, printed, names (joined by " | "). */
  'agencySplit',
  /** A date shown as a month (`mm/yyyy`, `mmm-yy`) read as the month. params: column, value. */
  'monthDate',
  /** A two-row header: a child caption under its parent, with the role it was given. params: parent, caption, role. */
  'headerChild',
  /** A column with no known role, kept as a text column. params: caption. */
  'textColumn',
  /** Legal bases cut at each line starting "Căn cứ", "Thực hiện", … params: count. */
  'legalBases',
  /** Sub-numbered tasks (1.1, 1.2 under 1) read as sub-tasks. params: number, parent. */
  'subTask',
  /** A number that repeats its neighbour's (Excel keeps 1.10 as 1.1) read as the next one. params: stored, read. */
  'numberRepeated',
] as const;
export type ImportNoteCode = (typeof IMPORT_NOTE_CODES)[number];

export interface ImportNote {
  kind: ImportNoteKind;
  code: ImportNoteCode;
  params: Record<string, string | number>;
  /** The row of the file (sheet row, or table row in Word) the note is about, when it is about one. */
  row?: number;
}

export interface ImportReport {
  notes: ImportNote[];
}
