/**
 * Punctuation the decree fixes, as pure functions: the exporter applies them and reports each change,
 * so the drafter learns what was corrected instead of finding the signed copy differs from the draft.
 *
 * - Legal bases: one per line, `;` at the end of each, `.` at the end of the last (the proposal line
 *   `Theo đề nghị của …` is the last when there is one).
 * - Recipients: `- ` at the start (the exporter's, not the data's), `;` at the end of each, the last one
 *   `Lưu: VT, …` ending with `.`. v2: a line written `+ …` is a sub-item printed `+ …`; the line it
 *   hangs from ends with `:` ("- VP UBND tỉnh:"), sub-items with `;`, the last line of all with `.`.
 *
 * Pure (no DOCX): the exporter and the preview both print through these.
 */

import type { CodedMessage } from './messages';

/** Marks a line may wrongly end with; they are replaced by the right one. */
const END_MARKS = /[\s;,.:]+$/u;

export interface EndFix {
  text: string;
  /** What was changed (`exportNote.addedEnd` …, without its `where`); null when the text was right. */
  change: { key: string; values: Record<string, string> } | null;
}

/** Makes `text` end with exactly `mark`. Trailing spaces are trimmed silently. */
export function endWith(text: string, mark: ';' | '.' | ':'): EndFix {
  const trimmed = text.replace(/\s+$/u, '');
  if (trimmed === '') return { text: '', change: null };
  const tail = END_MARKS.exec(trimmed)?.[0] ?? '';
  const body = trimmed.slice(0, trimmed.length - tail.length).replace(/\s+$/u, '');
  const fixed = body + mark;
  if (fixed === trimmed) return { text: fixed, change: null };
  const old = tail.replace(/\s+/gu, '');
  if (old === '') return { text: fixed, change: { key: 'exportNote.addedEnd', values: { mark } } };
  return { text: fixed, change: { key: 'exportNote.replacedEnd', values: { old, mark } } };
}

/** The export note of one change, `where` naming the line as the drafter sees it (`Căn cứ 2`, `Nơi nhận 3`). */
function note(key: string, where: string, values: Record<string, string> = {}): CodedMessage {
  return { key, values: { where, ...values } };
}

export interface LegalBasesFix {
  bases: string[];
  proposal: string;
  /** The export notes (coded, translated by the catalogue's `exportNote.*`). */
  fixes: CodedMessage[];
}

/** `Căn cứ …;` each on its own line, the last line (the proposal when present) ending with `.`. */
export function fixLegalBases(bases: readonly string[], proposal: string): LegalBasesFix {
  const fixes: CodedMessage[] = [];
  // A basis pasted with line breaks inside is still one basis: join its lines.
  const joined = bases.map((raw) => (raw ?? '').replace(/\s*\n\s*/gu, ' ').trim());
  const prop = (proposal ?? '').replace(/\s*\n\s*/gu, ' ').trim();
  let last = -1;
  joined.forEach((text, i) => {
    if (text !== '') last = i;
  });
  const out: string[] = [];
  // Messages in the drafter's order, numbered as the drafter sees the lines (empty ones included).
  joined.forEach((text, i) => {
    if (text === '') {
      fixes.push(note('exportNote.emptyLine', `Căn cứ ${i + 1}`));
      return;
    }
    const r = endWith(text, i === last && prop === '' ? '.' : ';');
    if (r.change) fixes.push(note(r.change.key, `Căn cứ ${i + 1}`, r.change.values));
    out.push(r.text);
  });
  let fixedProposal = '';
  if (prop) {
    const r = endWith(prop, '.');
    if (r.change) fixes.push(note(r.change.key, 'Theo đề nghị', r.change.values));
    fixedProposal = r.text;
  }
  return { bases: out, proposal: fixedProposal, fixes };
}

export interface RecipientsFix {
  /** Without the leading `- ` / `+ `, which the exporter prints. */
  items: string[];
  /** v2: the level of each item: 0 printed `- …`, 1 (a sub-item) printed `+ …`. */
  levels: Array<0 | 1>;
  /** The export notes (coded, translated by the catalogue's `exportNote.*`). */
  fixes: CodedMessage[];
}

const LEADING_MARK = /^\s*[-–—•*]\s*/u;
const SUB_MARK = /^\s*\+\s*/u;
const STORAGE = /^lưu\b/iu;

/**
 * Recipients as the decree lists them. `label` prefixes the messages (`Nơi nhận`). A list without
 * `Lưu: VT` gets one, since every issued document keeps a copy at the clerical office (văn thư).
 * A `+ …` line under a top-level line is its sub-item (a `+` with nothing above it is a top-level line).
 */
export function fixRecipients(recipients: readonly string[], label = 'Nơi nhận'): RecipientsFix {
  const fixes: CodedMessage[] = [];
  let items: Array<{ text: string; n: number; level: 0 | 1 }> = [];
  recipients.forEach((raw, i) => {
    let text = raw.replace(/\s*\n\s*/gu, ' ').trim();
    let level: 0 | 1 = 0;
    if (SUB_MARK.test(text)) {
      text = text.replace(SUB_MARK, '');
      if (items.length) level = 1;
      else fixes.push(note('exportNote.removedPlus', `${label} ${i + 1}`));
    } else if (LEADING_MARK.test(text)) {
      const mark = LEADING_MARK.exec(text)![0].trim();
      text = text.replace(LEADING_MARK, '');
      fixes.push(note('exportNote.removedMark', `${label} ${i + 1}`, { mark }));
    }
    if (text === '') fixes.push(note('exportNote.emptyLine', `${label} ${i + 1}`));
    else items.push({ text, n: i + 1, level });
  });
  const storage = items.findIndex((it) => STORAGE.test(it.text));
  if (storage === -1) {
    items.push({ text: 'Lưu: VT.', n: items.length + 1, level: 0 });
    fixes.push(note('exportNote.addedStorage', label));
  } else if (storage !== items.length - 1) {
    const [it] = items.splice(storage, 1);
    items = [...items, { ...it, level: 0 }];
    fixes.push(note('exportNote.movedToEnd', `${label} ${it.n}`, { text: it.text }));
  }
  const out = items.map((it, i) => {
    const last = i === items.length - 1;
    const opensSub = !last && it.level === 0 && items[i + 1].level === 1;
    const r = endWith(it.text, last ? '.' : opensSub ? ':' : ';');
    if (r.change) fixes.push(note(r.change.key, `${label} ${it.n}`, r.change.values));
    return r.text;
  });
  return { items: out, levels: items.map((it) => it.level), fixes };
}
