/**
 * DOCX import: last year's Word file → a plan package. Reads the appendix task table (header found by its
 * captions, Roman-numeral group rows, repeated header rows skipped, rows split across pages joined,
 * merged cells filled down) and, where the document has them in the usual places (Nghị định 30 layout),
 * the Decision's number, date, summary, legal bases, articles, recipients and signer, and the Plan's
 * summary and body tree.
 *
 * Hostile or unreadable files are refused before anything is parsed (see zip.ts, xml.ts) with one
 * UserError naming the file; the function either returns a whole, valid package or throws.
 *
 * What the document cannot say is the program's default: a foreign file's agency cells are split only
 * at "; " (as the workbook reader does), column widths are scaled to the usual 247 mm table, STT numbers
 * and `Điều N.` labels are the program's.
 */
import { basename } from 'node:path';
import { UserError } from '../../errors';
import { semanticProblemMessages, semanticProblems } from '../../exchange/exchange';
import { linesValue, type CodedMessage, type MessageValues } from '../../model/messages';
import { blankPackage, defaultColumns } from '../../model/defaults';
import { deepNfc } from '../../model/text';
import { BODY_NUMBERING_PRESETS } from '../../model/numbering';
import type { Decision, Issuance, PlanPackage } from '../../model/types';
import type { ImportNote, ImportReport } from '../../model/import-report';
import { readAppendixTables } from './appendix';
import { replacedCharactersWarning } from '../xlsx/row-rules';
import {
  appendixLabel, appendixTitle, findAppendix, headerFromParagraphs, isPara, isTbl, isTitle, readDecision, readPlan,
  type DecisionRead, type PlanRead,
} from './documents';
import { Numbering } from './numbering';
import { isClosingTable, isHeaderTable, paraText, type ClosingRead, type HeaderRead } from './parts';
import { DocumentReader, Styles, type Tbl } from './wordml';
import { openImportArchive, type ImportArchive } from './zip';
import { parseXml, XmlError, attr, children, child, type XmlNode } from './xml';

/** A warning of the Word reader: `importWarning.<name>` with its values. */
function warning(name: string, values: MessageValues = {}): CodedMessage {
  return { key: `importWarning.${name}`, values };
}

export interface DocxImport {
  pkg: PlanPackage;
  /** What was guessed, joined or skipped, for the drafter to check: coded (`importWarning.*`), worded by the reader's language. */
  warnings: CodedMessage[];
  /** Which parts the document had in the usual places; the rest of the package is the blank template's. */
  found: { decision: boolean; body: boolean; appendix: boolean };
  /** Coded notes: what was recognised, guessed (with its row) and left as text. */
  report: ImportReport;
}

export { DOCX_MAX_BYTES } from './zip';

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

function parsePart(archive: ImportArchive, part: string, fileName: string): XmlNode | null {
  const text = archive.text(part);
  // A DTD in any XML part was refused when the archive opened (zip.ts).
  if (text === null) return null;
  try {
    return parseXml(text);
  } catch (e) {
    if (e instanceof XmlError) {
      throw UserError.coded('docxFile.brokenPart', { file: fileName, part }, `Tệp “${fileName}” đã bị hỏng (phần “${part}”: ${e.message}): không đọc được.`);
    }
    throw e;
  }
}

/** `word/document.xml` from the package relationships; targets are resolved against the part's folder. */
function relTargets(rels: XmlNode | null, base: string): Array<{ type: string; target: string }> {
  const out: Array<{ type: string; target: string }> = [];
  for (const r of children(child(rels ?? undefined, 'Relationships'), 'Relationship')) {
    if ((attr(r, 'TargetMode') ?? '') === 'External') continue;
    const target = attr(r, 'Target') ?? '';
    const joined = target.startsWith('/') ? target.slice(1) : base + target;
    const parts: string[] = [];
    for (const seg of joined.split('/')) {
      if (seg === '..') parts.pop();
      else if (seg && seg !== '.') parts.push(seg);
    }
    out.push({ type: attr(r, 'Type') ?? '', target: parts.join('/') });
  }
  return out;
}

function yearFrom(...texts: Array<string | null | undefined>): number | null {
  for (const t of texts) {
    if (!t) continue;
    const all = [...t.matchAll(/năm\s+(\d{4})\b/giu)];
    if (all.length) return Number(all[all.length - 1][1]);
  }
  return null;
}

function coreTitle(archive: ImportArchive, fileName: string): string {
  const core = parsePart(archive, 'docProps/core.xml', fileName);
  const props = core?.children[0];
  const title = props?.children.find((c) => c.name.endsWith(':title'));
  return title ? title.text.trim() : '';
}

function issuanceFrom(header: HeaderRead | null, closing: ClosingRead | null, fallbackSymbol: string): Issuance {
  const blank = blankPackage(2000).decision!;
  return {
    number: header?.number ?? '',
    symbol: header?.symbol || fallbackSymbol,
    date: header?.date ?? null,
    recipients: closing?.recipients ?? [],
    signer: closing?.signer ?? blank.signer,
  };
}

/**
 * Reads a .docx into a plan package. Throws UserError (naming the file) for a file that is not a readable
 * .docx, is hostile, or holds neither an appendix task table nor a Plan; never returns a partial package.
 */
export async function importDocx(data: Buffer, fileName: string): Promise<DocxImport> {
  const name = basename(fileName);
  // No part may declare a DTD, whether this reader needs it or not: refused as the archive opens.
  const archive = openImportArchive(data, name, 'docx');
  const rootRels = relTargets(parsePart(archive, '_rels/.rels', name), '');
  const mainPart = rootRels.find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'word/document.xml';
  const document = parsePart(archive, mainPart, name);
  if (!document || !child(document, 'w:document')) {
    const names = archive.names();
    if (names.some((n) => n.startsWith('xl/'))) {
      throw UserError.coded('docxFile.isExcel', { file: name }, `Tệp “${name}” là tệp Excel, không phải tệp Word .docx: hãy dùng chức năng nhập phụ lục từ Excel.`);
    }
    throw UserError.coded('docxFile.noDocument', { file: name }, `Tệp “${name}” không phải là tệp Word .docx (không có phần nội dung văn bản): không đọc được.`);
  }
  const folder = mainPart.includes('/') ? mainPart.slice(0, mainPart.lastIndexOf('/') + 1) : '';
  const docRels = relTargets(parsePart(archive, `${folder}_rels/${mainPart.slice(folder.length)}.rels`, name), folder);
  const stylesPart = docRels.find((r) => /\/styles$/.test(r.type))?.target ?? `${folder}styles.xml`;
  const numberingPart = docRels.find((r) => /\/numbering$/.test(r.type))?.target ?? `${folder}numbering.xml`;
  const styles = new Styles(parsePart(archive, stylesPart, name));
  const numbering = new Numbering(parsePart(archive, numberingPart, name));
  const reader = new DocumentReader(styles, numbering);
  const blocks = reader.blocks(document);
  const notes: ImportNote[] = [];
  for (const [encoding, seen] of reader.legacy) {
    notes.push({ kind: 'guessed', code: 'encoding', params: { encoding: encoding === 'tcvn3' ? 'TCVN3' : 'VNI', fonts: [...seen.fonts].join(', '), count: seen.runs } });
  }

  const warnings: CodedMessage[] = [];
  const found = { decision: false, body: false, appendix: false };

  // Where things are.
  const qd = blocks.findIndex((b) => isPara(b) && isTitle(b, 'quyet dinh'));
  const kh = blocks.findIndex((b, i) => i > qd && isPara(b) && isTitle(b, 'ke hoach'));
  const appendixFound = findAppendix(blocks);
  const appendixAt = appendixFound?.at ?? blocks.length;

  let planHeaderAt = -1;
  if (kh >= 0) {
    for (let i = kh - 1; i > Math.max(qd, -1); i--) {
      const b = blocks[i];
      if (isTbl(b)) {
        if (isHeaderTable(b)) planHeaderAt = i;
        break;
      }
      if (isPara(b) && paraText(b) !== '') break;
    }
  }
  // The Plan ends at its closing table, the next document's header, `PHỤ LỤC` or the appendix table.
  let planEnd = blocks.length;
  if (kh >= 0) {
    for (let i = kh + 1; i < blocks.length; i++) {
      const b = blocks[i];
      if (i === appendixAt || (isPara(b) && appendixLabel(b)) || (isTbl(b) && isHeaderTable(b))) {
        planEnd = i;
        break;
      }
      if (isTbl(b) && isClosingTable(b)) {
        planEnd = i + 1;
        break;
      }
    }
  }

  // The Decision.
  let decision: DecisionRead | null = null;
  if (qd >= 0) {
    // The Decision ends where the next document starts: the Plan's header or title, `PHỤ LỤC`, the table.
    let end = planHeaderAt >= 0 ? planHeaderAt : kh >= 0 ? kh : appendixAt;
    for (let i = qd + 1; i < end; i++) {
      const b = blocks[i];
      if ((isPara(b) && appendixLabel(b)) || (isTbl(b) && isHeaderTable(b))) {
        end = i;
        break;
      }
    }
    decision = readDecision(blocks, qd, end);
    found.decision = true;
    if (decision.legalBases.length) notes.push({ kind: 'recognised', code: 'legalBases', params: { count: decision.legalBases.length } });
    if (!decision.header) warnings.push(warning('noDecisionHeader'));
    if (!decision.closing) warnings.push(warning('noDecisionClosing'));
    if (decision.articles.length === 0) warnings.push(warning('noArticles'));
  }

  // The Plan.
  let plan: PlanRead | null = null;
  if (kh >= 0) {
    plan = readPlan(blocks, kh, planEnd, planHeaderAt >= 0 ? (blocks[planHeaderAt] as Tbl) : null);
    // A standalone Plan whose header is typed as paragraphs with tabs.
    if (!plan.header && qd < 0) plan.header = headerFromParagraphs(blocks.slice(0, kh).filter(isPara));
    found.body = plan.builder.roots.length > 0;
    if (plan.skippedTables) warnings.push(warning('skippedTables', { count: plan.skippedTables }));
    if (!plan.summary) warnings.push(warning('noPlanSummary'));
  }

  // The appendix.
  let appendixRead: ReturnType<typeof readAppendixTables> | null = null;
  let titleBlock = { label: '', title: '' };
  if (appendixFound) {
    const read = readAppendixTables(appendixFound.parts, appendixFound.header);
    const tasks = read.appendix.groups.reduce((n, g) => n + g.rows.length, 0);
    if (tasks === 0) {
      warnings.push(warning('appendixNoTasks'));
    } else {
      appendixRead = read;
      found.appendix = true;
      warnings.push(...read.warnings);
      titleBlock = appendixTitle(blocks, kh >= 0 ? Math.min(planEnd, appendixFound.at) : 0, appendixFound.at);
      if (!titleBlock.title) warnings.push(warning('noAppendixTitle'));
    }
  }

  if (!found.appendix && !found.body) {
    const tables = blocks.filter(isTbl).length;
    const what =
      tables === 0
        ? 'không có bảng nào'
        : `có ${tables} bảng nhưng không bảng nào là bảng phụ lục nhiệm vụ (cần dòng tiêu đề có cột “Nội dung nhiệm vụ” và ít nhất một trong các cột “STT”, “Cơ quan chủ trì”, “Cơ quan phối hợp”, “Thời gian hoàn thành”)`;
    const message = `Tệp “${name}” ${what}, và không thấy phần Kế hoạch (dòng “KẾ HOẠCH” và nội dung): không phải kế hoạch để nhập.`;
    throw tables === 0 ? UserError.coded('docxFile.noTables', { file: name }, message) : UserError.coded('docxFile.noAppendixTable', { file: name, tables }, message);
  }
  if (!found.appendix) warnings.push(warning('noAppendix'));
  // Text that could not be decoded is said so, never altered silently (model/xml-text.ts).
  if (archive.replacedCharacters()) warnings.push(replacedCharactersWarning(archive.replacedCharacters()));

  // The package.
  const year =
    yearFrom(plan?.summary, decision?.summary, titleBlock.title) ??
    (decision?.header?.date ? Number(decision.header.date.slice(0, 4)) : null) ??
    new Date().getFullYear();
  const pkg = blankPackage(year);
  const header = decision?.header ?? plan?.header ?? null;
  if (header) {
    if (header.name) pkg.issuer.name = header.name;
    pkg.issuer.parentBody = header.parentBody;
    if (header.place) pkg.issuer.place = header.place;
  }
  if (plan?.citedAs) pkg.issuer.citedAs = plan.citedAs;

  if (decision) {
    const d: Decision = {
      ...issuanceFrom(decision.header, decision.closing, 'QĐ-UBND'),
      summary: decision.summary || pkg.decision!.summary,
      authority: decision.authority || pkg.decision!.authority,
      legalBases: decision.legalBases,
      proposal: decision.proposal,
      articles: decision.articles,
    };
    pkg.decision = d;
  } else if (plan?.header?.number !== null && plan?.header?.number !== undefined) {
    // A standalone Plan (`KH-UBND`) carries its own number, date, recipients and signer.
    pkg.decision = null;
    pkg.plan.issuance = issuanceFrom(plan.header, plan.closing, 'KH-UBND');
  } else {
    warnings.push(warning('noDecision'));
  }

  if (plan) {
    if (plan.summary) pkg.plan.summary = plan.summary;
    pkg.plan.body = plan.builder.roots;
    if (plan.builder.mode !== 'nd30') {
      // The body's own decimal numbering is its numbering style, not text: the program prints it again.
      pkg.plan.numbering = structuredClone(BODY_NUMBERING_PRESETS[plan.builder.mode]);
      notes.push({ kind: 'recognised', code: 'bodyNumbering', params: { style: plan.builder.mode === 'decimal' ? '1. / 1.1. / 1.1.1.' : 'I. / 1. / 1.1.' } });
    }
  } else {
    pkg.plan.body = [];
    warnings.push(warning('noPlan'));
  }

  if (appendixRead) {
    pkg.appendix = {
      label: titleBlock.label || 'PHỤ LỤC',
      title: titleBlock.title,
      columns: appendixRead.appendix.columns,
      groups: appendixRead.appendix.groups,
    };
    if (appendixRead.appendix.numbering) pkg.appendix.numbering = appendixRead.appendix.numbering;
    pkg.agencies = appendixRead.agencies;
    notes.push(...appendixRead.notes);
  } else {
    pkg.appendix = { label: 'PHỤ LỤC', title: pkg.appendix.title, columns: defaultColumns(), groups: [] };
  }

  const summaryLine = pkg.plan.summary.replace(/\s*\n\s*/g, ' ');
  pkg.title = coreTitle(archive, name) || (plan?.summary ? `Kế hoạch ${summaryLine.charAt(0).toLowerCase()}${summaryLine.slice(1)}` : name.replace(/\.docx$/i, ''));

  const result = deepNfc(pkg);
  const problems = semanticProblems(result);
  if (problems.length) {
    const lines = semanticProblemMessages(result).slice(0, 10);
    throw UserError.coded(
      'docxFile.readInvalid',
      { file: name, problems: problems.slice(0, 10).join('\n  '), lines: linesValue(lines) },
      `Tệp “${name}”: đọc được nhưng kết quả không hợp lệ:\n  ${problems.slice(0, 10).join('\n  ')}`,
      problems,
    );
  }
  return { pkg: result, warnings, found, report: { notes } };
}
