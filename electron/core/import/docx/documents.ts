/**
 * Where the documents of the package sit among the body's blocks, and their readers: the Decision (header,
 * title block, legal bases, articles, closing), the Plan (title block, citation, body, and for a standalone
 * Plan its closing), and the appendix table(s) with the title above them.
 */
import { foldForSearch } from '../../model/text';
import type { RichText, Run } from '../../model/types';
import { TABLE_HEADER_SEARCH_ROWS, tableGrid } from './appendix';
import { findTableHeader, type FoundTableHeader, type GridRow } from '../xlsx/table-reader';
import { BodyBuilder, decimalModeOf, dropChars, readLabel, relativeRuns } from './body';
import {
  allBold, isCapitals, isClosingTable, isHeaderTable, isRuleText, isSignerHead, paraText, readClosing, readClosingParagraphs, readHeader,
  readHeaderLines, readNumberLine, readPlaceDate, tabColumns, type ClosingRead, type HeaderRead,
} from './parts';
import type { Block, Para, Tbl } from './wordml';

export const fold = (t: string) => foldForSearch(t);
export const isPara = (b: Block | undefined): b is Para => !!b && b.type === 'p';
export const isTbl = (b: Block | undefined): b is Tbl => !!b && b.type === 'tbl';

export function isTitle(p: Para, words: string): boolean {
  const t = paraText(p);
  return isCapitals(t) && fold(t).replace(/\s+/g, ' ') === words;
}

export function appendixLabel(p: Para): boolean {
  const t = paraText(p);
  return isCapitals(t) && /^phu luc( [ivxlc\d]+)?$/.test(fold(t));
}

function isCentered(p: Para): boolean {
  return p.align === 'center';
}

function appendRich(into: RichText, more: RichText): void {
  for (const r of more) {
    const last = into[into.length - 1];
    if (last && last.bold === r.bold && last.italic === r.italic) last.text += r.text;
    else into.push({ ...r });
  }
}

function trimRich(rich: RichText): RichText {
  const out = rich.map((r) => ({ ...r }));
  if (out.length) out[0].text = out[0].text.replace(/^\s+/u, '');
  if (out.length) out[out.length - 1].text = out[out.length - 1].text.replace(/\s+$/u, '');
  return out.filter((r: Run) => r.text !== '');
}

/** `Nơi nhận:` or a signature block's first line typed as a paragraph: the text is over. */
function startsClosing(text: string): boolean {
  return /^noi nhan\s*:/.test(fold(text)) || isSignerHead(text.split(/\t/)[0].trim()) || isSignerHead(text.split(/\t+/).pop()!.trim());
}

function paragraphsUntilTable(blocks: Block[], from: number, end: number): Para[] {
  const out: Para[] = [];
  for (let i = from; i < end; i++) {
    const b = blocks[i];
    if (!isPara(b)) break;
    out.push(b);
  }
  return out;
}

/** A header typed as paragraphs with tabs (no table): only when it holds `Số:` or the place-date line. */
export function headerFromParagraphs(paras: Para[]): HeaderRead | null {
  const { left, right } = tabColumns(paras, (_p, text) =>
    /^(cong hoa xa hoi chu nghia|doc lap\b)/.test(fold(text)) || readPlaceDate(text) ? 'right' : 'left',
  );
  const all = [...left, ...right];
  if (!all.some((l) => readNumberLine(l.text) || readPlaceDate(l.text))) return null;
  return readHeaderLines(left, right);
}

export interface DecisionRead {
  header: HeaderRead | null;
  summary: string;
  authority: string;
  legalBases: string[];
  proposal: string;
  articles: RichText[];
  closing: ClosingRead | null;
}

const ARTICLE = /^Điều\s+\d+\s*[.:]\s*/u;

/** The Decision between its `QUYẾT ĐỊNH` title (at `start`) and `end`. */
export function readDecision(blocks: Block[], start: number, end: number): DecisionRead {
  const out: DecisionRead = { header: null, summary: '', authority: '', legalBases: [], proposal: '', articles: [], closing: null };
  for (let i = start - 1; i >= 0; i--) {
    const b = blocks[i];
    if (isTbl(b)) {
      out.header = readHeader(b);
      break;
    }
  }
  if (!out.header) out.header = headerFromParagraphs(blocks.slice(0, start).filter(isPara));
  let i = start + 1;
  const summary: string[] = [];
  for (; i < end; i++) {
    const b = blocks[i];
    if (!isPara(b)) break;
    const t = paraText(b);
    if (!t || isRuleText(t)) continue;
    if (isCapitals(t) || /^căn cứ(?![\p{L}])/iu.test(t)) break;
    summary.push(t);
  }
  out.summary = summary.join('\n');
  if (isPara(blocks[i]) && isCapitals(paraText(blocks[i] as Para)) && !/^quyet dinh\s*:/.test(fold(paraText(blocks[i] as Para)))) {
    out.authority = paraText(blocks[i] as Para);
    i++;
  }
  // Legal bases and the proposal, up to `QUYẾT ĐỊNH:`.
  for (; i < end; i++) {
    const b = blocks[i];
    if (!isPara(b)) continue;
    const t = paraText(b);
    if (!t || isRuleText(t)) continue;
    if (/^quyet dinh\s*:?$/.test(fold(t)) && isCapitals(t)) {
      i++;
      break;
    }
    // Each line that starts "Căn cứ" or "Thực hiện" is a basis of its own, one that starts "Xét/Theo đề nghị" a
    // proposal line; any other line carries on the one above (a basis typed over several paragraphs).
    for (const line of t.split('\n').map((l) => l.trim()).filter(Boolean)) {
      if (/^(theo|xét) đề nghị(?![\p{L}])/iu.test(line)) out.proposal = out.proposal ? `${out.proposal}\n${line}` : line;
      else if (/^(căn cứ|thực hiện)(?![\p{L}])/iu.test(line) || out.legalBases.length === 0) out.legalBases.push(line);
      else if (out.proposal) out.proposal += ` ${line}`;
      else out.legalBases[out.legalBases.length - 1] += ` ${line}`;
    }
  }
  // Articles, up to the closing table.
  for (; i < end; i++) {
    const b = blocks[i];
    if (isTbl(b)) {
      if (isClosingTable(b)) {
        out.closing = readClosing(b);
        break;
      }
      continue;
    }
    const t = paraText(b);
    if (!t || isRuleText(t)) continue;
    if (startsClosing(t)) {
      out.closing = readClosingParagraphs(paragraphsUntilTable(blocks, i, end));
      break;
    }
    const runs = b.runs.map((r) => ({ ...r, text: r.text.replace(/\t/g, ' ') }));
    const lead = runs.map((r) => r.text).join('').match(/^\s*/u)![0].length;
    const m = ARTICLE.exec(t);
    if (b.num && ARTICLE.test(`${b.num.label} `)) {
      // `Điều %1.` numbered by Word: the label is not in the text.
      out.articles.push(trimRich(relativeRuns(runs, false)));
    } else if (m) {
      out.articles.push(trimRich(relativeRuns(dropChars(runs, lead + m[0].length), false)));
    } else if (out.articles.length) {
      const article = out.articles[out.articles.length - 1];
      appendRich(article, [{ text: '\n' }]);
      appendRich(article, trimRich(relativeRuns(runs, false)));
    }
  }
  return out;
}

export interface PlanRead {
  header: HeaderRead | null;
  summary: string;
  citedAs: string | null;
  builder: BodyBuilder;
  closing: ClosingRead | null;
  skippedTables: number;
}

/** The Plan from its `KẾ HOẠCH` title (at `start`) to `end`. */
export function readPlan(blocks: Block[], start: number, end: number, headerTable: Tbl | null): PlanRead {
  const out: PlanRead = { header: headerTable ? readHeader(headerTable) : null, summary: '', citedAs: null, builder: new BodyBuilder(), closing: null, skippedTables: 0 };
  let i = start + 1;
  const summary: string[] = [];
  for (; i < end; i++) {
    const b = blocks[i];
    if (!isPara(b)) break;
    const t = paraText(b);
    if (!t || isRuleText(t)) {
      if (summary.length) break;
      continue;
    }
    // The summary is centred; a bold line typed flush left counts only as the first line and only
    // when it carries no body label (`I.`, `1.`, `a)`, `-`).
    const boldFirst = summary.length === 0 && allBold(b) && readLabel(b).kind === 'paragraph';
    if (t.startsWith('(') || !(isCentered(b) || boldFirst)) break;
    summary.push(t);
  }
  out.summary = summary.join('\n');
  // `(Ban hành kèm theo Quyết định số … của Ủy ban nhân dân tỉnh)`, possibly over two lines.
  for (; i < end; i++) {
    const b = blocks[i];
    if (!isPara(b)) break;
    const t = paraText(b);
    if (!t || isRuleText(t)) continue;
    if (!t.startsWith('(')) break;
    let citation = t;
    while (!citation.includes(')') && isPara(blocks[i + 1]) && i + 1 < end) {
      i++;
      citation += ` ${paraText(blocks[i] as Para)}`;
    }
    const m = /của\s+([^()]+?)\s*\)\s*$/u.exec(citation.replace(/\s+/g, ' '));
    if (m) out.citedAs = m[1].trim();
    i++;
    break;
  }
  out.builder = new BodyBuilder(decimalModeOf(blocks.slice(i, end).filter(isPara)));
  for (; i < end; i++) {
    const b = blocks[i];
    if (isTbl(b)) {
      if (isClosingTable(b)) {
        out.closing = readClosing(b);
        break;
      }
      out.skippedTables++;
      continue;
    }
    const t = paraText(b);
    if (isRuleText(t) && !b.num) continue;
    if (startsClosing(t)) {
      out.closing = readClosingParagraphs(paragraphsUntilTable(blocks, i, end));
      break;
    }
    out.builder.add(b);
  }
  return out;
}


/** The appendix tables: the first table with an appendix header and the tables continuing it. */
export function findAppendix(blocks: Block[]): { at: number; header: FoundTableHeader; parts: Array<{ rows: GridRow[]; grid: number[] }>; end: number } | null {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (!isTbl(b)) continue;
    const rows = tableGrid(b);
    const header = findTableHeader(rows, TABLE_HEADER_SEARCH_ROWS);
    if (!header) continue;
    const parts = [{ rows, grid: b.grid }];
    const width = b.grid.length;
    let end = i + 1;
    // A table pasted page by page: the next tables, with only empty paragraphs between, continue it
    // when they repeat the header or have the same columns and no header of their own.
    for (let j = i + 1; j < blocks.length; j++) {
      const n = blocks[j];
      if (isPara(n)) {
        if (paraText(n) === '') continue;
        break;
      }
      const nRows = tableGrid(n);
      const nHeader = findTableHeader(nRows, TABLE_HEADER_SEARCH_ROWS);
      const same = nHeader
        ? nHeader.columns.map((c) => fold(c.caption)).join('|') === header.columns.map((c) => fold(c.caption)).join('|')
        : n.grid.length === width && !isHeaderTable(n) && !isClosingTable(n);
      if (!same) break;
      parts.push({ rows: nHeader ? nRows.slice(nHeader.dataStart) : nRows, grid: n.grid });
      end = j + 1;
    }
    return { at: i, header, parts, end };
  }
  return null;
}

/** `PHỤ LỤC` and the title above the table (between `from` and the table); the `(Ban hành …)` line skipped. */
export function appendixTitle(blocks: Block[], from: number, tableAt: number): { label: string; title: string } {
  const paras: Para[] = [];
  for (let i = from; i < tableAt; i++) {
    const b = blocks[i];
    if (isPara(b)) paras.push(b);
    else paras.length = 0; // a table between: the title is after it
  }
  const labelAt = paras.findIndex(appendixLabel);
  if (labelAt >= 0) {
    const title: string[] = [];
    for (const p of paras.slice(labelAt + 1)) {
      const t = paraText(p);
      if (!t || isRuleText(t)) {
        if (title.length) break;
        continue;
      }
      if (t.startsWith('(')) break;
      title.push(t);
    }
    return { label: paraText(paras[labelAt]), title: title.join('\n') };
  }
  const candidates = paras.filter((p) => {
    const t = paraText(p);
    return t && !isRuleText(t) && !t.startsWith('(') && isCentered(p);
  });
  return { label: '', title: candidates.length ? paraText(candidates[candidates.length - 1]) : '' };
}
