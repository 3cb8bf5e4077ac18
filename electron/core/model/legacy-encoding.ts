/**
 * Vietnamese text typed before Unicode, in the two legacy encodings still found in old plans and department
 * tables: TCVN3 (ABC; fonts `.VnTime`, `.VnArial`, … and their capital-letter twins `.VnTimeH`, …) and VNI
 * (VNI-Windows; fonts `VNI-Times`, `VNI-Helve`, …). Word and Excel keep such text as the Latin-1 letters of the
 * old code page (`Së T­ ph¸p`), and only the font says what it means, so conversion is decided by the font of
 * the run or cell (legacyEncodingOfFont) and done by table (the tables below are the data; no code per letter).
 *
 * Pure (no Node): shared by the Word and Excel importers.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** The encoding a font name implies, or null for a Unicode font. `.VnTimeH` and `VNI-Times` alike. */
export function legacyEncodingOfFont(font: string | null | undefined): LegacyEncoding | null {
  if (!font) return null;
  const f = font.trim();
  if (/^\.Vn/i.test(f)) return 'tcvn3';
  if (/^VNI[-\s]/i.test(f)) return 'vni';
  return null;
}

/** TCVN3 capital-letter fonts (`.VnTimeH`, `.VnArialH`) draw the small-letter codes as capitals. */
export function isTcvn3CapitalFont(font: string | null | undefined): boolean {
  return !!font && /^\.Vn.*H$/i.test(font.trim());
}

/**
 * TCVN3: code (shown as its Latin-1 letter) → Unicode letter. Pairs of strings of equal length, read
 * position by position.
 */
const TCVN3_PAIRS: ReadonlyArray<readonly [string, string]> = [
  // Capitals without a tone, and đ/Đ.
  ['\u00a1\u00a2\u00a3\u00a4\u00a5\u00a6\u00a7', 'ĂÂÊÔƠƯĐ'],
  ['\u00a8\u00a9\u00aa\u00ab\u00ac\u00ad\u00ae', 'ăâêôơưđ'],
  // Small letters with a tone: grave, hook, tilde, acute, dot below, vowel by vowel.
  ['\u00b5\u00b6\u00b7\u00b8\u00b9', 'àảãáạ'],
  ['\u00bb\u00bc\u00bd\u00be\u00c6', 'ằẳẵắặ'],
  ['\u00c7\u00c8\u00c9\u00ca\u00cb', 'ầẩẫấậ'],
  ['\u00cc\u00ce\u00cf\u00d0\u00d1', 'èẻẽéẹ'],
  ['\u00d2\u00d3\u00d4\u00d5\u00d6', 'ềểễếệ'],
  ['\u00d7\u00d8\u00dc\u00dd\u00de', 'ìỉĩíị'],
  ['\u00df\u00e1\u00e2\u00e3\u00e4', 'òỏõóọ'],
  ['\u00e5\u00e6\u00e7\u00e8\u00e9', 'ồổỗốộ'],
  ['\u00ea\u00eb\u00ec\u00ed\u00ee', 'ờởỡớợ'],
  ['\u00ef\u00f1\u00f2\u00f3\u00f4', 'ùủũúụ'],
  ['\u00f5\u00f6\u00f7\u00f8\u00f9', 'ừửữứự'],
  ['\u00fa\u00fb\u00fc\u00fd\u00fe', 'ỳỷỹýỵ'],
];

const TCVN3 = new Map<string, string>();
for (const [from, to] of TCVN3_PAIRS) {
  const a = [...from];
  const b = [...to];
  a.forEach((c, i) => TCVN3.set(c, b[i]));
}

/**
 * VNI: a vowel is written as its base letter followed by a mark code. Mark code (small or capital) →
 * the combining marks it adds (shape first, then tone).
 */
const VNI_MARKS: Readonly<Record<string, string>> = {
  // Tones.
  ø: '\u0300', ù: '\u0301', û: '\u0309', õ: '\u0303', ï: '\u0323',
  // Circumflex, alone and with a tone (â ê ô).
  â: '\u0302', á: '\u0302\u0301', à: '\u0302\u0300', å: '\u0302\u0309', ã: '\u0302\u0303', ä: '\u0302\u0323',
  // Breve, alone and with a tone (ă).
  ê: '\u0306', é: '\u0306\u0301', è: '\u0306\u0300', ú: '\u0306\u0309', ü: '\u0306\u0303', ë: '\u0306\u0323',
};
/** Letters VNI writes as one code. */
const VNI_SINGLE: Readonly<Record<string, string>> = {
  ô: 'ơ', ö: 'ư', ñ: 'đ', ó: 'ĩ', æ: 'ỉ', ò: 'ị', î: 'ỵ',
  Ô: 'Ơ', Ö: 'Ư', Ñ: 'Đ', Ó: 'Ĩ', Æ: 'Ỉ', Ò: 'Ị', Î: 'Ỵ',
};
const VNI_BASES = /[aeiouyAEIOUYơưƠƯ]/u;

function vniMark(c: string): string | undefined {
  return VNI_MARKS[c] ?? VNI_MARKS[c.toLowerCase()];
}

/** TCVN3 text (as Latin-1 letters) → Unicode NFC. `capitals` for `.VnTimeH`-style fonts. */
export function tcvn3ToUnicode(text: string, capitals = false): string {
  let out = '';
  for (const c of text) out += TCVN3.get(c) ?? c;
  return (capitals ? out.toLocaleUpperCase('vi') : out).normalize('NFC');
}

/** VNI text (as Latin-1 letters) → Unicode NFC. */
export function vniToUnicode(text: string): string {
  let out = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const single = VNI_SINGLE[c];
    const base = single ?? c;
    const next = chars[i + 1];
    // A mark code only counts after a vowel: `ù` after a consonant is left as it is.
    const mark = next !== undefined && VNI_BASES.test(base) ? vniMark(next) : undefined;
    if (mark !== undefined) {
      out += base + mark;
      i++;
    } else out += base;
  }
  return out.normalize('NFC');
}

/** Converts text written in a legacy font to Unicode; text in any other font is returned as it is. */
export function convertLegacyText(text: string, font: string | null | undefined): string {
  const enc = legacyEncodingOfFont(font);
  if (enc === 'tcvn3') return tcvn3ToUnicode(text, isTcvn3CapitalFont(font));
  if (enc === 'vni') return vniToUnicode(text);
  return text;
}
