/**
 * The import report: what an import of a Word or Excel file recognised, what it guessed (agency splits,
 * numbering, old encodings, dates read as months) with the row it guessed on, and what it left as text.
 * Each note is coded (`code` + `params`); importNoteText gives it in Vietnamese or English from the catalogue
 * below, for the UI's import panel and the CLI alike. Pure, no Node.
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
 * The catalogue of the report's texts, in core so that the CLI (which runs without the renderer) and the
 * UI print the same words: kind names, role names and one text per code, `{{name}}` filled from the note.
 */
export const IMPORT_REPORT_MESSAGES = {
  vi: {
    "kind": {
      "recognised": "Đã nhận ra",
      "guessed": "Đoán — hãy kiểm tra",
      "text": "Giữ nguyên dạng chữ"
    },
    "row": "dòng {{row}}",
    "role": {
      "deadline": "thời hạn hoàn thành",
      "start": "thời gian bắt đầu",
      "lead": "cơ quan chủ trì",
      "cooperate": "cơ quan phối hợp",
      "task": "nội dung nhiệm vụ",
      "number": "số thứ tự",
      "note": "ghi chú",
      "-": "chữ (không có vai trò riêng)"
    },
    "code": {
      "encoding": "Chữ gõ bằng bảng mã cũ {{encoding}} (phông {{fonts}}) đã được chuyển sang Unicode ({{count}} đoạn/ô).",
      "agencySplit": "Cột “{{column}}”: “{{printed}}” được tách thành các cơ quan: {{names}}.",
      "monthDate": "Cột “{{column}}”: ngày hiển thị dạng tháng, đọc là “{{value}}” (không phải ngày mùng 1).",
      "headerChild": "Tiêu đề hai dòng: “{{caption}}” dưới “{{parent}}” là cột {{role}}.",
      "textColumn": "Cột “{{caption}}” không thuộc loại cột nào đã biết: giữ là cột chữ.",
      "legalBases": "Đọc được {{count}} căn cứ pháp lý (mỗi dòng bắt đầu bằng “Căn cứ”, “Thực hiện” là một căn cứ).",
      "bodyNumbering": "Nội dung Kế hoạch đánh số kiểu {{style}}: đọc là kiểu đánh số của kế hoạch (không phải chữ).",
      "subTask": "Nhiệm vụ {{parent}} có {{count}} nhiệm vụ con ({{numbers}}), đọc thành các dòng con.",
      "numberRepeated": "STT “{{stored}}” trùng với dòng trên (Excel lưu 1.10 thành 1.1): đọc là {{read}}.",
      "spanningRow": "Ô “{{columns}}” gộp xuống nhiều dòng: đọc là một dòng cha có {{count}} dòng con.",
      "parentColumn": "Cột “{{columns}}” chứa các dòng cha ở chỗ khác trong bảng: ô ở dòng này đọc là một dòng cha có một dòng con."
    }
  },
  en: {
    "kind": {
      "recognised": "Recognised",
      "guessed": "Guessed — please check",
      "text": "Kept as text"
    },
    "row": "row {{row}}",
    "role": {
      "deadline": "deadline",
      "start": "start date",
      "lead": "lead agency",
      "cooperate": "cooperating agencies",
      "task": "task",
      "number": "number",
      "note": "note",
      "-": "text (no role of its own)"
    },
    "code": {
      "encoding": "Text typed in the old {{encoding}} encoding (fonts {{fonts}}) was converted to Unicode ({{count}} runs/cells).",
      "agencySplit": "Column “{{column}}”: “{{printed}}” was split into agencies: {{names}}.",
      "monthDate": "Column “{{column}}”: a date shown as a month, read as “{{value}}” (not the 1st of the month).",
      "headerChild": "Two-row header: “{{caption}}” under “{{parent}}” is the {{role}} column.",
      "textColumn": "Column “{{caption}}” is not a known kind of column: kept as a text column.",
      "legalBases": "Read {{count}} legal bases (each line starting “Căn cứ” or “Thực hiện” is one).",
      "bodyNumbering": "The Plan body is numbered {{style}}: read as the plan's numbering style (not as text).",
      "subTask": "Task {{parent}} has {{count}} sub-tasks ({{numbers}}), read as its sub-rows.",
      "numberRepeated": "Number “{{stored}}” repeats the row above (Excel stores 1.10 as 1.1): read as {{read}}.",
      "spanningRow": "Cell “{{columns}}” merged down over several rows: read as one parent row with {{count}} sub-rows.",
      "parentColumn": "Column “{{columns}}” holds parent rows elsewhere in the table: this row's cell is read as a parent row with one sub-row."
    }
  },
} as const;

export type ReportLang = keyof typeof IMPORT_REPORT_MESSAGES;

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => (name in values ? String(values[name]) : m));
}

/** The name of a kind of note (`Đoán — hãy kiểm tra`). */
export function importKindText(kind: ImportNoteKind, lang: ReportLang): string {
  return IMPORT_REPORT_MESSAGES[lang].kind[kind];
}

/**
 * One note as a line of text: `dòng 7: Cột “Cơ quan chủ trì”: …` when it has a row. Unknown languages fall
 * back to Vietnamese (the default); a role value is translated before it is filled in.
 */
export function importNoteText(note: ImportNote, lang: string): string {
  const m = IMPORT_REPORT_MESSAGES[lang === 'en' ? 'en' : 'vi'];
  const values: Record<string, string | number> = { ...note.params };
  if (note.code === 'headerChild') values.role = (m.role as Record<string, string>)[String(note.params.role)] ?? String(note.params.role);
  const text = fill(m.code[note.code], values);
  return note.row !== undefined ? `${fill(m.row, { row: note.row })}: ${text}` : text;
}
