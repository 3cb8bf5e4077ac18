/**
 * A department's spelling of an agency held against the plan's directory: "Sở Tư Pháp", "Sở Thông tin &
 * Truyền thông", "STP", "Sở TT&TT" are entries the directory already has, written another way. Shared by the
 * merge desk (core and screen), the agency picker and whoever else reads agency names (pure: no Node, no DOM).
 *
 * Levels, tried in order; the first that finds an entry decides:
 * - `exact`: the same name once spaces and Unicode form are cleaned (cleanAgencyName);
 * - `spelling`: the same words ignoring case, "&" for "và", punctuation (",", "-", "."), and where the tone mark
 *   sits ("Văn hoá" / "Văn hóa", "Uỷ" / "Ủy"). Certain: taken without asking;
 * - `abbreviation`: the same once the abbreviations of AGENCY_ABBREVIATIONS are written out on both sides
 *   (STP → Sở Tư pháp, TT&TT → Thông tin và Truyền thông, UBND → Ủy ban nhân dân);
 * - `unmarked`: the same without diacritics ("So Tu phap", text typed without Unikey);
 * - `locality`: the same but for a trailing "tỉnh" ("Sở Nội vụ tỉnh" / "Sở Nội vụ").
 * The last three are likely, not certain: the drafter confirms them (needsConfirm).
 *
 * Two entries the directory itself holds twice ("… Truyền Thông" and "… Truyền thông", "Sở TTTT") are one
 * agency (the same words once written out): the one spelled like the written-out name wins. Entries that differ as agencies (two fits at one level) are
 * `ambiguous`: the drafter chooses.
 */
import type { Agency } from './types';
import { cleanAgencyName } from './agency-split';
import ABBREVIATIONS from './agency-abbreviations.json' with { type: 'json' };

/** Abbreviations departments write in agency names, with what each stands for. Data: agency-abbreviations.json. */
export const AGENCY_ABBREVIATIONS: ReadonlyArray<{ full: string; short: readonly string[] }> = ABBREVIATIONS;

export type CertainMatchKind = 'exact' | 'spelling';
export type LikelyMatchKind = 'abbreviation' | 'unmarked' | 'locality';

export type AgencyMatch =
  | { kind: CertainMatchKind | LikelyMatchKind; agency: Agency }
  /** Several different entries fit at the same level (`level`): the drafter picks one. */
  | { kind: 'ambiguous'; level: CertainMatchKind | LikelyMatchKind; candidates: Agency[] }
  | { kind: 'none' };

/** The match is taken without asking: the same name, or the same words written another way. */
export function isCertain(m: AgencyMatch): m is { kind: CertainMatchKind; agency: Agency } {
  return m.kind === 'exact' || m.kind === 'spelling';
}

/** The match points to one entry, but the drafter confirms it first (an abbreviation, no diacritics, "tỉnh"). */
export function needsConfirm(m: AgencyMatch): m is { kind: LikelyMatchKind; agency: Agency } {
  return m.kind === 'abbreviation' || m.kind === 'unmarked' || m.kind === 'locality';
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const MARKS = /[\u0300-\u036f]/gu;

/** A syllable with its tone mark moved to the end, so "hoá" and "hóa", "uỷ" and "ủy" are one word. */
function toneLast(word: string): string {
  const d = word.normalize('NFD');
  const tones = d.match(TONES)?.join('') ?? '';
  return d.replace(TONES, '').normalize('NFC') + tones;
}

/** The words of a name, lower case, tone last; punctuation, "&" and "và" left out. */
function words(name: string): string[] {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .split(/[\s,;:.()[\]/&\-–—]+/u)
    .filter((w) => w !== '' && w !== 'và')
    .map(toneLast);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One short form as a pattern: any spaces around "&" (or "và" for it), ",", "-", and between words. */
function shortPattern(short: string): string {
  return short
    .split(/(\s*&\s*|\s*,\s*|\s*[-–]\s*|\s+)/u)
    .map((piece) => {
      if (/^\s*&\s*$/u.test(piece)) return '\\s*(?:&|và)\\s*';
      if (/^\s*,\s*$/u.test(piece)) return '\\s*,\\s*';
      if (/^\s*[-–]\s*$/u.test(piece)) return '\\s*[-–—]\\s*';
      if (/^\s+$/u.test(piece)) return '\\s+';
      return escape(piece);
    })
    .join('');
}

const FULL_OF = new Map<string, string>();
for (const entry of AGENCY_ABBREVIATIONS) for (const s of entry.short) FULL_OF.set(words(s).join(' '), entry.full);

/** Every short form, longest first, as one pattern that never starts or ends inside a word. */
const SHORTS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${AGENCY_ABBREVIATIONS.flatMap((e) => e.short)
    .sort((a, b) => b.length - a.length)
    .map(shortPattern)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/**
 * The name with the list's abbreviations written out, as it would be printed: "Sở TT&TT" → "Sở Thông tin và
 * Truyền thông", "STP" → "Sở Tư pháp", "VP UBND tỉnh" → "Văn phòng Ủy ban nhân dân tỉnh". A name without any
 * comes back cleaned and unchanged.
 */
export function spelledOut(name: string): string {
  return cleanAgencyName(cleanAgencyName(name).replace(SHORTS, (found) => FULL_OF.get(words(found).join(' ')) ?? found));
}

/** The name has at least one abbreviation of the list. */
export function hasAbbreviation(name: string): boolean {
  return spelledOut(name) !== cleanAgencyName(name);
}

const TINH = toneLast('tỉnh');

type Level = CertainMatchKind | LikelyMatchKind;

/** The key of a name at each level (exact: the clean name). */
function keys(name: string): Record<Level, string> {
  const clean = cleanAgencyName(name);
  const spelled = words(spelledOut(clean));
  const local = spelled.length > 2 && spelled[spelled.length - 1] === TINH ? spelled.slice(0, -1) : spelled;
  return {
    exact: clean,
    spelling: words(clean).join(' '),
    abbreviation: spelled.join(' '),
    unmarked: spelled.join(' ').normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd'),
    locality: local.join(' '),
  };
}

const LEVELS: readonly Level[] = ['exact', 'spelling', 'abbreviation', 'unmarked', 'locality'];

/** A directory indexed by every level's key; built once per directory list (cached). */
interface AgencyIndex {
  byKey: Record<Level, Map<string, Agency[]>>;
  /** Entries with the same words once abbreviations are written out are one agency, written twice by the directory. */
  identityOf: Map<Agency, string>;
}

const INDEXES = new WeakMap<readonly Agency[], AgencyIndex>();

function indexOf(directory: readonly Agency[]): AgencyIndex {
  const cached = INDEXES.get(directory);
  if (cached) return cached;
  const byKey = Object.fromEntries(LEVELS.map((l) => [l, new Map<string, Agency[]>()])) as AgencyIndex['byKey'];
  const identityOf = new Map<Agency, string>();
  for (const a of directory) {
    const k = keys(a.name);
    identityOf.set(a, k.abbreviation);
    for (const level of LEVELS) {
      const list = byKey[level].get(k[level]);
      if (list) list.push(a);
      else byKey[level].set(k[level], [a]);
    }
  }
  const index = { byKey, identityOf };
  INDEXES.set(directory, index);
  return index;
}

/**
 * The directory entry a spelling names, and how sure that is (see the levels above). `directory` is the plan's
 * agency list; an empty spelling matches nothing.
 */
export function matchAgency(spelling: string, directory: readonly Agency[]): AgencyMatch {
  const clean = cleanAgencyName(spelling);
  if (!clean) return { kind: 'none' };
  const index = indexOf(directory);
  const mine = keys(clean);
  for (const level of LEVELS) {
    const hits = index.byKey[level].get(mine[level]);
    if (!hits?.length) continue;
    // Entries with the same written-out words are one agency written twice by the directory; else, different agencies.
    const agencies = new Set(hits.map((a) => index.identityOf.get(a)));
    if (agencies.size > 1) return { kind: 'ambiguous', level, candidates: [...hits] };
    const out = spelledOut(clean).replace(/\s*&\s*/gu, ' và ');
    // Of one agency's spellings: the one written as the spelled-out name, else the one it starts with, else one
    // without abbreviations, else the directory's first.
    const score = (a: Agency) => {
      const name = cleanAgencyName(a.name);
      return (name === out ? 4 : 0) + (out.startsWith(name) ? 2 : 0) + (hasAbbreviation(name) ? 0 : 1);
    };
    const best = hits.reduce((x, y) => (score(y) > score(x) ? y : x));
    return { kind: level, agency: best };
  }
  return { kind: 'none' };
}

/** The two names are one agency written two ways at a certain level (case, "&", punctuation, tone placement). */
export function sameAgencyName(a: string, b: string): boolean {
  return words(cleanAgencyName(a)).join(' ') === words(cleanAgencyName(b)).join(' ');
}
