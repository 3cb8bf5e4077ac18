/**
 * The import report: what an import of a Word or Excel file recognised, what it guessed (agency splits,
 * numbering, old encodings, dates read as months) with the row it guessed on, and what it left as text.
 * Each note is coded (`code` + `params`); importNoteText gives it in Vietnamese or English from the catalogue
 * (model/messages), for the UI's import panel and the CLI alike. Pure, no Node.
 */
import { hasMessage, MESSAGE_FILES, messageLang, translate, type MessageLang } from './messages';

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
  /** The Plan body is numbered in decimals (1., 1.1., 1.1.1.): read as its numbering style. params: style. */
  'bodyNumbering',
  /** Sub-numbered tasks (1.1, 1.2 under 1) read as sub-tasks of their parent. params: parent, count, numbers. */
  'subTask',
  /** A number that repeats its neighbour's (Excel keeps 1.10 as 1.1) read as the next one. params: stored, read. */
  'numberRepeated',
  /** Cells merged down over several rows at the left of a table, read as one parent row spanning them. params: columns, count. */
  'spanningRow',
  /** A row whose cell is in a column holding parent rows elsewhere (a parent over one line), read as that parent and the row under it. params: columns. */
  'parentColumn',
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

/**
 * The report's texts (kind names, role names, one text per code) live in the one message catalogue
 * (`model/messages/{vi,en}/import-report.json`, key `importReport`), so the CLI and the UI print the same words.
 */
export const IMPORT_REPORT_MESSAGES = {
  vi: MESSAGE_FILES.vi['import-report.json'].importReport,
  en: MESSAGE_FILES.en['import-report.json'].importReport,
};

export type ReportLang = MessageLang;

/** The name of a kind of note (`Đoán — hãy kiểm tra`). */
export function importKindText(kind: ImportNoteKind, lang: ReportLang): string {
  return translate(`importReport.kind.${kind}`, {}, lang);
}

/**
 * One note as a line of text: `dòng 7: Cột “Cơ quan chủ trì”: …` when it has a row. Unknown languages fall
 * back to Vietnamese (the default); a role value is translated before it is filled in.
 */
export function importNoteText(note: ImportNote, lang: string): string {
  const l = messageLang(lang);
  const values: Record<string, string | number> = { ...note.params };
  if (note.code === 'headerChild' && hasMessage(`importReport.role.${String(note.params.role)}`, l)) {
    values.role = translate(`importReport.role.${String(note.params.role)}`, {}, l);
  }
  const text = translate(`importReport.code.${note.code}`, values, l);
  return note.row !== undefined ? `${translate('importReport.row', { row: note.row }, l)}: ${text}` : text;
}
