/**
 * Word's automatic numbering: `w:numPr` (numId, ilvl) on a paragraph, or on its style, resolved through
 * word/numbering.xml (num → abstractNum → lvl: numFmt, lvlText, start). Counters run in document order,
 * one set per abstract list (Word continues a list across its `w:num` instances unless one restarts it
 * with `w:startOverride`), and a level resets the levels below it.
 */
import { toRoman } from '../../model/numbering';
import { attr, child, children, type XmlNode } from './xml';

export interface Level {
  /** `decimal`, `lowerLetter`, `upperRoman`, `bullet`, … */
  format: string;
  /** `%1.`, `%2)`, `-`. */
  text: string;
  start: number;
}

export interface NumberedLabel {
  format: string;
  /** The label as Word shows it: `1.`, `a)`, `II.`, `-`. */
  label: string;
  /** The counter of the paragraph's own level (1 for the first item). */
  value: number;
  level: number;
}

interface NumInstance {
  abstractId: string;
  overrides: Map<number, { start?: number; level?: Level }>;
}

function readLevel(lvl: XmlNode): Level {
  return {
    format: attr(child(lvl, 'w:numFmt'), 'w:val') ?? 'decimal',
    text: attr(child(lvl, 'w:lvlText'), 'w:val') ?? '',
    start: Number(attr(child(lvl, 'w:start'), 'w:val') ?? 1) || 0,
  };
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** Word's letter numbering: a … z, then aa … zz. */
function letters(n: number): string {
  if (n <= 0) return '';
  const ch = LOWER[(n - 1) % 26];
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(value: number, format: string): string {
  switch (format) {
    case 'lowerLetter':
      return letters(value);
    case 'upperLetter':
      return letters(value).toUpperCase();
    case 'lowerRoman':
      return toRoman(value).toLowerCase();
    case 'upperRoman':
      return toRoman(value);
    case 'decimalZero':
      return value < 10 ? `0${value}` : String(value);
    case 'none':
      return '';
    default:
      return String(value);
  }
}

/** Bullet glyphs of the symbol fonts (private use area) and round bullets are shown as a dash. */
function bulletText(text: string): string {
  const t = text.trim();
  if (t === '+' || t === '-' || t === '–' || t === '—') return t === '+' ? '+' : '-';
  return '-';
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly counters = new Map<string, number[]>();
  private readonly startedNums = new Set<string>();

  constructor(root: XmlNode | null) {
    const numbering = root ? child(root, 'w:numbering') : undefined;
    for (const a of children(numbering, 'w:abstractNum')) {
      const levels = new Map<number, Level>();
      for (const lvl of children(a, 'w:lvl')) levels.set(Number(attr(lvl, 'w:ilvl') ?? 0), readLevel(lvl));
      const id = attr(a, 'w:abstractNumId') ?? '';
      this.abstracts.set(id, levels);
    }
    for (const n of children(numbering, 'w:num')) {
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of children(n, 'w:lvlOverride')) {
        const ilvl = Number(attr(o, 'w:ilvl') ?? 0);
        const start = attr(child(o, 'w:startOverride'), 'w:val');
        const lvl = child(o, 'w:lvl');
        overrides.set(ilvl, { start: start !== undefined ? Number(start) : undefined, level: lvl ? readLevel(lvl) : undefined });
      }
      this.nums.set(attr(n, 'w:numId') ?? '', { abstractId: attr(child(n, 'w:abstractNumId'), 'w:val') ?? '', overrides });
    }
  }

  private level(num: NumInstance, ilvl: number): Level | undefined {
    return num.overrides.get(ilvl)?.level ?? this.abstracts.get(num.abstractId)?.get(ilvl);
  }

  /** Counts one numbered paragraph (document order matters) and returns its label; null when not numbered. */
  next(numId: string, ilvl: number): NumberedLabel | null {
    if (numId === '0') return null;
    const num = this.nums.get(numId);
    if (!num) return null;
    const own = this.level(num, ilvl);
    if (!own) return null;
    let counters = this.counters.get(num.abstractId);
    if (!counters) {
      counters = [];
      this.counters.set(num.abstractId, counters);
    }
    if (!this.startedNums.has(numId)) {
      this.startedNums.add(numId);
      for (const [l, o] of num.overrides) if (o.start !== undefined) counters[l] = o.start - 1;
    }
    const startOf = (l: number) => this.level(num, l)?.start ?? 1;
    for (let l = 0; l < ilvl; l++) if (counters[l] === undefined) counters[l] = startOf(l);
    counters[ilvl] = counters[ilvl] === undefined ? startOf(ilvl) : counters[ilvl] + 1;
    counters.length = ilvl + 1;
    const value = counters[ilvl];
    if (own.format === 'bullet') return { format: 'bullet', label: bulletText(own.text), value, level: ilvl };
    const label = own.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1;
      const lv = this.level(num, l);
      return formatNumber(counters![l] ?? lv?.start ?? 1, lv?.format ?? 'decimal');
    });
    return { format: own.format, label, value, level: ilvl };
  }
}
