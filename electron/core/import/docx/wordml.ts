/**
 * The WordprocessingML this importer needs, read into plain blocks: paragraphs (runs with their resolved
 * bold/italic, alignment, Word numbering label) and tables (rows, cells with gridSpan/vMerge, repeated
 * header rows). Soft line breaks (`w:br`, `w:cr`) become "\n"; tabs become "\t". Deleted revisions,
 * drawings and text boxes are not text of the paragraph and are left out; inserted revisions, hyperlinks,
 * fields' results and content controls are read as the text they show.
 */
import { Numbering, type NumberedLabel } from './numbering';
import { convertLegacyText, legacyEncodingOfFont, type LegacyEncoding } from '../../model/legacy-encoding';
import { attr, child, children, type XmlNode } from './xml';

export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
}

export interface Para {
  type: 'p';
  runs: TextRun[];
  /** The runs' text joined (without the numbering label). */
  text: string;
  /** `center`, `both`, `left`, … or null. */
  align: string | null;
  /** Word's automatic numbering of the paragraph, already counted. */
  num: NumberedLabel | null;
}

export interface Cell {
  paras: Para[];
  /** Grid columns the cell covers (`w:gridSpan`). */
  span: number;
  /** `w:vMerge`: restart starts a vertical merge, continue is a cell merged into the one above. */
  vMerge: 'restart' | 'continue' | null;
}

export interface Row {
  /** `w:tblHeader`: repeated at the top of each page. */
  header: boolean;
  /** Grid columns skipped before the first cell (`w:gridBefore`). */
  gridBefore: number;
  cells: Cell[];
}

export interface Tbl {
  type: 'tbl';
  rows: Row[];
  /** `w:tblGrid` widths in twips. */
  grid: number[];
}

export type Block = Para | Tbl;

interface StyleDef {
  basedOn: string | null;
  bold?: boolean;
  italic?: boolean;
  align?: string;
  numId?: string;
  ilvl?: number;
  /** `w:rFonts` of the style's run properties (ascii, else hAnsi). */
  font?: string;
}

/** The font a `w:rFonts` names for Latin text. */
function fontOf(rPr: XmlNode | undefined): string | undefined {
  const f = child(rPr, 'w:rFonts');
  return f ? (attr(f, 'w:ascii') ?? attr(f, 'w:hAnsi')) : undefined;
}

/** A toggle property: `<w:b/>` is on, `<w:b w:val="0|false|off"/>` off; absent: undefined. */
function toggle(rPr: XmlNode | undefined, name: string): boolean | undefined {
  const el = child(rPr, name);
  if (!el) return undefined;
  const v = attr(el, 'w:val');
  return v === undefined || !/^(0|false|off|none)$/i.test(v);
}

export class Styles {
  private readonly styles = new Map<string, StyleDef>();
  private defaultBold = false;
  private defaultItalic = false;
  private defaultFont: string | undefined;
  defaultParagraphStyle: string | null = null;

  constructor(root: XmlNode | null) {
    const styles = root ? child(root, 'w:styles') : undefined;
    const rPrDefault = child(child(child(styles, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr');
    this.defaultBold = toggle(rPrDefault, 'w:b') ?? false;
    this.defaultItalic = toggle(rPrDefault, 'w:i') ?? false;
    this.defaultFont = fontOf(rPrDefault);
    for (const s of children(styles, 'w:style')) {
      const id = attr(s, 'w:styleId');
      if (!id) continue;
      const rPr = child(s, 'w:rPr');
      const pPr = child(s, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      this.styles.set(id, {
        basedOn: attr(child(s, 'w:basedOn'), 'w:val') ?? null,
        bold: toggle(rPr, 'w:b'),
        italic: toggle(rPr, 'w:i'),
        align: attr(child(pPr, 'w:jc'), 'w:val'),
        numId: numPr ? attr(child(numPr, 'w:numId'), 'w:val') : undefined,
        ilvl: numPr ? Number(attr(child(numPr, 'w:ilvl'), 'w:val') ?? 0) : undefined,
        font: fontOf(rPr),
      });
      if (attr(s, 'w:type') === 'paragraph' && /^(1|true|on)$/i.test(attr(s, 'w:default') ?? '')) this.defaultParagraphStyle = id;
    }
  }

  /** A property through the style and its `basedOn` chain. */
  lookup<K extends keyof StyleDef>(styleId: string | null, key: K): StyleDef[K] | undefined {
    const seen = new Set<string>();
    let id = styleId;
    while (id && !seen.has(id)) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) return undefined;
      if (s[key] !== undefined) return s[key];
      id = s.basedOn;
    }
    return undefined;
  }

  bold(paragraphStyle: string | null, runStyle: string | null): boolean {
    return this.lookup(runStyle, 'bold') ?? this.lookup(paragraphStyle, 'bold') ?? this.defaultBold;
  }

  italic(paragraphStyle: string | null, runStyle: string | null): boolean {
    return this.lookup(runStyle, 'italic') ?? this.lookup(paragraphStyle, 'italic') ?? this.defaultItalic;
  }

  font(paragraphStyle: string | null, runStyle: string | null): string | undefined {
    return this.lookup(runStyle, 'font') ?? this.lookup(paragraphStyle, 'font') ?? this.defaultFont;
  }
}

/** Elements whose runs are not text of the paragraph. */
const SKIP = new Set(['w:del', 'w:moveFrom', 'w:drawing', 'w:pict', 'w:object', 'w:txbxContent', 'mc:AlternateContent', 'w:pPr', 'w:rPr', 'w:instrText', 'w:delText', 'w:fldChar']);

/** Runs read from a legacy-encoded font, converted to Unicode: by encoding, the fonts and how many runs. */
export type LegacyRuns = Map<LegacyEncoding, { fonts: Set<string>; runs: number }>;

export class DocumentReader {
  /** What was converted from TCVN3/VNI fonts, for the import report. */
  readonly legacy: LegacyRuns = new Map();

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering,
  ) {}

  /** The body's blocks in order; content controls (`w:sdt`) and custom XML are read through. */
  blocks(document: XmlNode): Block[] {
    const body = child(child(document, 'w:document'), 'w:body');
    const out: Block[] = [];
    if (body) this.collect(body, out);
    return out;
  }

  private collect(container: XmlNode, out: Block[]): void {
    for (const el of container.children) {
      if (el.name === 'w:p') out.push(this.paragraph(el));
      else if (el.name === 'w:tbl') out.push(this.table(el));
      else if (el.name === 'w:sdt') this.collect(child(el, 'w:sdtContent') ?? el, out);
      else if (el.name === 'w:customXml' || el.name === 'w:ins' || el.name === 'w:smartTag') this.collect(el, out);
    }
  }

  paragraph(p: XmlNode): Para {
    const pPr = child(p, 'w:pPr');
    const styleId = attr(child(pPr, 'w:pStyle'), 'w:val') ?? this.styles.defaultParagraphStyle;
    const align = attr(child(pPr, 'w:jc'), 'w:val') ?? this.styles.lookup(styleId, 'align') ?? null;
    const numPr = child(pPr, 'w:numPr');
    const numId = numPr ? attr(child(numPr, 'w:numId'), 'w:val') : this.styles.lookup(styleId, 'numId');
    const ilvlText = numPr ? attr(child(numPr, 'w:ilvl'), 'w:val') : undefined;
    const ilvl = ilvlText !== undefined ? Number(ilvlText) : (this.styles.lookup(styleId, 'ilvl') ?? 0);

    const runs: TextRun[] = [];
    const walk = (node: XmlNode) => {
      for (const el of node.children) {
        if (SKIP.has(el.name)) continue;
        if (el.name === 'w:r') this.run(el, styleId, runs);
        else if (el.children.length) walk(el);
      }
    };
    walk(p);
    // Text is counted after the runs: a numbered paragraph with no text still takes its number in Word.
    const num = numId !== undefined ? this.numbering.next(numId, Number.isFinite(ilvl) ? ilvl : 0) : null;
    return { type: 'p', runs, text: runs.map((r) => r.text).join(''), align, num };
  }

  private run(r: XmlNode, paragraphStyle: string | null, out: TextRun[]): void {
    const rPr = child(r, 'w:rPr');
    const runStyle = attr(child(rPr, 'w:rStyle'), 'w:val') ?? null;
    const bold = toggle(rPr, 'w:b') ?? this.styles.bold(paragraphStyle, runStyle);
    const italic = toggle(rPr, 'w:i') ?? this.styles.italic(paragraphStyle, runStyle);
    const hidden = toggle(rPr, 'w:vanish') ?? false;
    if (hidden) return;
    let text = '';
    for (const el of r.children) {
      switch (el.name) {
        case 'w:t':
          text += el.text;
          break;
        case 'w:tab':
        case 'w:ptab':
          text += '\t';
          break;
        case 'w:br':
          // A page or column break inside a paragraph is layout, not a line of the text.
          if ((attr(el, 'w:type') ?? 'textWrapping') === 'textWrapping') text += '\n';
          break;
        case 'w:cr':
          text += '\n';
          break;
        case 'w:noBreakHyphen':
          text += '-';
          break;
        default:
          break;
      }
    }
    if (text === '') return;
    const font = fontOf(rPr) ?? this.styles.font(paragraphStyle, runStyle);
    const encoding = legacyEncodingOfFont(font);
    if (encoding && font) {
      text = convertLegacyText(text, font);
      const seen = this.legacy.get(encoding) ?? { fonts: new Set<string>(), runs: 0 };
      seen.fonts.add(font);
      seen.runs++;
      this.legacy.set(encoding, seen);
    }
    const last = out[out.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += text;
    else out.push({ text, bold, italic });
  }

  table(tbl: XmlNode): Tbl {
    const grid = children(child(tbl, 'w:tblGrid'), 'w:gridCol').map((g) => Number(attr(g, 'w:w') ?? 0) || 0);
    const rows: Row[] = [];
    const rowNodes: XmlNode[] = [];
    const gatherRows = (node: XmlNode) => {
      for (const el of node.children) {
        if (el.name === 'w:tr') rowNodes.push(el);
        else if (el.name === 'w:sdt' || el.name === 'w:sdtContent' || el.name === 'w:customXml' || el.name === 'w:ins') gatherRows(el);
      }
    };
    gatherRows(tbl);
    for (const tr of rowNodes) {
      const trPr = child(tr, 'w:trPr');
      const header = toggle(trPr, 'w:tblHeader') ?? false;
      const gridBefore = Number(attr(child(trPr, 'w:gridBefore'), 'w:val') ?? 0) || 0;
      const cells: Cell[] = [];
      const gatherCells = (node: XmlNode) => {
        for (const el of node.children) {
          if (el.name === 'w:tc') cells.push(this.cell(el));
          else if (el.name === 'w:sdt' || el.name === 'w:sdtContent' || el.name === 'w:customXml') gatherCells(el);
        }
      };
      gatherCells(tr);
      rows.push({ header, gridBefore, cells });
    }
    return { type: 'tbl', rows, grid };
  }

  private cell(tc: XmlNode): Cell {
    const tcPr = child(tc, 'w:tcPr');
    const span = Math.max(1, Number(attr(child(tcPr, 'w:gridSpan'), 'w:val') ?? 1) || 1);
    const vm = child(tcPr, 'w:vMerge');
    const vMerge = vm ? ((attr(vm, 'w:val') ?? 'continue') === 'restart' ? 'restart' : 'continue') : null;
    const paras: Para[] = [];
    const gather = (node: XmlNode) => {
      for (const el of node.children) {
        if (el.name === 'w:p') paras.push(this.paragraph(el));
        // A table nested in a cell: its paragraphs, in order, as lines of the cell.
        else if (el.name === 'w:tbl' || el.name === 'w:tr' || el.name === 'w:tc' || el.name === 'w:sdt' || el.name === 'w:sdtContent') gather(el);
      }
    };
    gather(tc);
    return { paras, span, vMerge };
  }
}

/** A cell's text as a person sees it: its paragraphs (with their Word numbering labels) as lines. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return '';
  return cell.paras
    .map((p) => (p.num && p.num.label ? `${p.num.label}${p.text ? ' ' : ''}${p.text}` : p.text))
    .join('\n')
    .replace(/\t/g, ' ')
    .normalize('NFC')
    .trim();
}
