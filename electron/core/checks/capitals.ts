/**
 * Capitals (Nghị định 30, Phụ lục II).
 *
 * - Names of agencies: the first letter of the words that give the agency's kind and function is
 *   capitalised, the rest is lower case (`Ủy ban nhân dân`, `Sở Nội vụ`, `Sở Thông tin và Truyền thông`,
 *   `Trường Chính trị`), never every word (`Ủy Ban Nhân Dân`). The program knows the common names of a
 *   province's bodies and reports a name written with other capitals. Text set in capitals (headings,
 *   the authority line) is not read.
 *   Names the program does not know are not judged: the decree's rule needs to know which words are the
 *   kind and function, so guessing would report correct names.
 * - Citing parts of a document: `Điều` is capitalised when it names a specific article (`Điều 3`), not
 *   in `một số điều`; `khoản`, `điểm` are lower case (`điểm a khoản 2 Điều 3`). The sample's legal basis 6
 *   writes `sửa đổi, bổ sung một số Điều của Quy định …`.
 * - `Nhà nước` and `Nhân dân` are capitalised where they mean the State and the People. Lower case
 *   `nhà nước` is also right where it qualifies a noun (`quản lý nhà nước`, `ngân sách nhà nước`: the
 *   decree itself writes so), so only the unambiguous uses are reported: `nhà nước pháp quyền`,
 *   `của nhà nước`, `Đảng và nhà nước`, and `của/do/vì/phục vụ nhân dân` (the Bắc Giang plan: `Nhà nước
 *   pháp quyền xã hội chủ nghĩa của nhân dân, do nhân dân, vì nhân dân`; the tuyên truyền plan:
 *   `xây dựng nhà nước pháp quyền`). The sample's capital `Nhà nước` in `cải cách hành chính Nhà nước`
 *   is a long-standing usage (it follows the name of the programme), not reported.
 * - A sentence starts with a capital letter: the sample has `gắn với vị trí việc làm. rà soát, sửa đổi …`.
 *
 * All are style (info) with a mechanical fix.
 */
import type { Ctx, Place } from './context';
import { PROSE, escapeRegExp, spanAt, fold, spanFix } from './context';
import { PLAN } from './types';

/** Names as the decree wants them written. Matching ignores case; a match written otherwise is reported. */
export const KNOWN_NAMES = [
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Văn phòng Ủy ban nhân dân',
  'Văn phòng UBND',
  'Văn phòng Chính phủ',
  'Thủ tướng Chính phủ',
  'Sở Nội vụ',
  'Sở Tư pháp',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Thông tin và Truyền thông',
  'Sở Khoa học và Công nghệ',
  'Sở Y tế',
  'Sở Giáo dục và Đào tạo',
  'Sở Tài nguyên và Môi trường',
  'Sở Nông nghiệp và Phát triển nông thôn',
  'Sở Công Thương',
  'Sở Xây dựng',
  'Sở Giao thông vận tải',
  'Sở Lao động - Thương binh và Xã hội',
  'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Ngoại vụ',
  'Bộ Nội vụ',
  'Bộ Tư pháp',
  'Bộ Tài chính',
  'Bộ Kế hoạch và Đầu tư',
  'Bộ Thông tin và Truyền thông',
  'Bộ Khoa học và Công nghệ',
  'Trường Chính trị',
  'Trung tâm Phục vụ hành chính công',
  'Ban Quản lý Khu kinh tế',
  'Ban Thường vụ Tỉnh ủy',
  'Ban Chấp hành Trung ương',
  'Mặt trận Tổ quốc Việt Nam',
  'Bưu điện tỉnh',
  'Công an tỉnh',
  'Cục Thuế',
];

const byFold = new Map(KNOWN_NAMES.map((n) => [fold(n), n]));
const NAMES_RE = new RegExp(
  `(?<![\\p{L}])(?:${[...KNOWN_NAMES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\p{L}])`,
  'giu',
);

export interface CaseSlip {
  start: number;
  end: number;
  found: string;
  expected: string;
}

/**
 * Words after which a name in lower case can only be the agency's name: the drafter assigns, asks or
 * addresses it (`giao sở xây dựng chủ trì`, `phối hợp với sở y tế`, `đề nghị sở tư pháp`, `của sở nội vụ`).
 * Folded (no diacritics, lower case), as the text before the match is folded.
 */
const NAMING_BEFORE = /(?:^|[,;:(\-–]\s*|\b(?:giao|chu tri|phoi hop(?: voi)?|voi|de nghi|cua|cho|gui|qua|va|do|tai|lanh dao|giam doc|chanh van phong|truong|thu truong|bao cao)\s+)$/u;

/**
 * Known names written with the wrong capitals in `text` (a name set wholly in capitals is not a slip).
 *
 * Precision: a match that starts in lower case is often not the name at all — `cơ sở xây dựng bản đồ số`
 * (the basis for building a map) holds `sở xây dựng`, `các cơ sở y tế` holds `sở y tế`. So a match in
 * lower case counts only in a naming context (`NAMING_BEFORE`: after `giao`, `chủ trì`, `phối hợp với`,
 * `đề nghị`, `của` …, at the start of the text or after a separator) and never right after `cơ`.
 * `wholeText` says the text is itself a name (an agency cell or a directory entry): any match counts.
 */
export function nameCaseSlips(text: string, wholeText = false): CaseSlip[] {
  const out: CaseSlip[] = [];
  for (const m of text.matchAll(NAMES_RE)) {
    const found = m[0];
    const expected = byFold.get(fold(found));
    if (!expected || found === expected || found === found.toUpperCase()) continue;
    const start = m.index!;
    if (!wholeText && /^\p{Ll}/u.test(found)) {
      const before = fold(text.slice(Math.max(0, start - 24), start));
      if (/(?:^|[^a-z])co\s+$/.test(before) || !NAMING_BEFORE.test(before)) continue;
    }
    out.push({ start, end: start + found.length, found, expected });
  }
  return out;
}

/** `name` with known names put right, or null when nothing changes. */
export function rightCase(name: string): string | null {
  const slips = nameCaseSlips(name, true);
  if (slips.length === 0) return null;
  let out = name;
  for (const s of slips.reverse()) out = out.slice(0, s.start) + s.expected + out.slice(s.end);
  return out;
}

const ARTICLE_RULES: Array<{ re: RegExp; to: (m: RegExpMatchArray) => string }> = [
  // `một số Điều của …`, `các Điều`: not a specific article.
  { re: /(?<=(?:một số|các|những) )Điều(?![\p{L}]| \d)/gu, to: () => 'điều' },
  // `điều 5`, `tại điều 12`: a specific article.
  { re: /(?<![\p{L}])điều (\d+)(?![\d\p{L}/])/gu, to: (m) => `Điều ${m[1]}` },
  // `theo Khoản 2 Điều 5`, `Điểm a khoản 1`: clause and point are lower case (not at a sentence start).
  { re: /(?<=[\p{Ll}\d,] )(Khoản|Điểm) ([\dđa-z]{1,2})(?= (?:khoản|Khoản|Điều|điều) )/gu, to: (m) => `${m[1].toLowerCase()} ${m[2]}` },
];

const SPECIAL_RULES: Array<{ re: RegExp; meaning: 'state' | 'people' }> = [
  { re: /(?<![\p{L}])nhà nước(?= pháp quyền)/gu, meaning: 'state' },
  { re: /(?<=(?:của|Đảng và|Đảng,) )nhà nước(?![\p{L}])/gu, meaning: 'state' },
  { re: /(?<![\p{L}])nhà nước(?= ta(?![\p{L}]))/gu, meaning: 'state' },
  { re: /(?<=(?:của|do|vì|phục vụ|cho) )nhân dân(?![\p{L}])/gu, meaning: 'people' },
];

const SENTENCE = /[\p{Ll}\d%)”]{2}\. +(\p{Ll}\p{L}*)/gu;

function report(ctx: Ctx, place: Place, rule: 'capitals.name' | 'capitals.article' | 'capitals.special' | 'capitals.sentence', start: number, found: string, expected: string, extra: Record<string, string> = {}): void {
  // A "slip" whose right form is what is written is no slip (and its fix would change nothing).
  if (found === expected) return;
  ctx.add(rule, 'info', place.path, { found, expected, ...extra }, {
    ...spanAt(place.text, start, start + found.length),
    fix: spanFix(place, start, start + found.length, expected, 'replace', { to: expected }),
  });
}

export function checkCapitals(ctx: Ctx): void {
  for (const place of ctx.places) {
    const prose = PROSE.has(place.kind);
    if (!prose && place.kind !== 'recipient') continue;
    const text = place.text;
    for (const s of nameCaseSlips(text)) report(ctx, place, 'capitals.name', s.start, s.found, s.expected);
    if (!prose) continue;

    if (/[Đđ]iều|Khoản|Điểm/u.test(text)) {
      for (const rule of ARTICLE_RULES) {
        for (const m of text.matchAll(rule.re)) {
          // A lower case `điều 5` at a sentence start would be caught as a sentence slip; here it is the citing rule.
          report(ctx, place, 'capitals.article', m.index!, m[0], rule.to(m));
        }
      }
    }
    if (/nhà nước|nhân dân/u.test(text)) {
      for (const rule of SPECIAL_RULES) {
        for (const m of text.matchAll(rule.re)) {
          const expected = m[0].charAt(0).toUpperCase() + m[0].slice(1).replace(/^(\S+) (\S)/u, (_x, a: string, b: string) => `${a} ${b.toLowerCase()}`);
          report(ctx, place, 'capitals.special', m.index!, m[0], expected, {
            meaningKey: `checks.meaning.${rule.meaning}`,
          });
        }
      }
    }
    if (place.kind === 'body' || place.kind === 'article' || place.kind === 'cell') {
      if (text.includes('. ')) {
        for (const m of text.matchAll(SENTENCE)) {
          const found = m[1];
          const start = m.index! + m[0].length - found.length;
          report(ctx, place, 'capitals.sentence', start, found, found.charAt(0).toUpperCase() + found.slice(1));
        }
      }
    }
  }

  // Directory entries: a known name with wrong capitals, unless the agencies rule already reported the entry.
  ctx.pkg.agencies.forEach((a, i) => {
    if (ctx.reportedAgencies.has(i)) return;
    const right = rightCase(a.name);
    if (!right) return;
    ctx.add('capitals.name', 'info', `agencies[${i}]`, { found: a.name, expected: right }, {
      fix: { key: 'rename', params: { to: right }, ops: [{ method: 'renameAgency', args: [PLAN, a.key, right] }], preview: { before: a.name, after: right } },
    });
  });
}
