/**
 * Abbreviations (Nghị định 30, Phụ lục I): a phrase abbreviated in a text is written in full the first
 * time, with the abbreviation in brackets right after it (`Ủy ban nhân dân (UBND) tỉnh`).
 *
 * - The Decision and the Plan are two texts; the appendix belongs to the Plan (the Plan's part V points
 *   to it and it reuses the Plan's terms), so the Plan and its appendix are read as one text in order:
 *   summary, body, appendix title, groups, rows (cells in column order, agency cells as printed).
 * - Recipients are not read: `Nơi nhận` is written in the office's short forms by custom (`CT, các PCT`,
 *   `LĐVP`, `Lưu: VT`), and nobody spells those out. Text wholly in capitals (headings, the authority
 *   line) is not read either.
 * - Not abbreviations: document numbers and symbols (`76/NQ-CP`, `36-CTr/TU`), Roman numerals
 *   (`khóa XIII`, `Quý IV`), and names that are never spelt out: companies (`VNPT`, `FPT`), systems
 *   (`VNeID`), international terms (`ISO`, `GIS`) — the data list `KNOWN_ABBREVIATIONS` plus the plan's own.
 * - Used before the bracketed definition: warning (the definition is in the wrong place). Never defined:
 *   info. In the sample the Plan spells out `UBND` and `TTHC` at their first use, but never `HĐND`,
 *   `ATTT`, `QPPL`, `CNTT`, `CSDL`; the Decision uses `UBND` in Article 2 without spelling it out.
 *   No text fix: the full phrase is the drafter's to write. A never-defined abbreviation offers instead to
 *   add it to the plan's own list of names needing no spelling-out (`addKnownAbbreviation`).
 */
import type { Ctx, Doc, Place } from './context';
import { isAllCaps, spanAt } from './context';
import { PLAN } from './types';

const TOKEN = /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu;
const NUMBER = /\d{1,5}(?:\/\d{4})?[/-]\p{Lu}[\p{L}]*(?:[-/]\p{Lu}[\p{L}\d]*)+/gu;
const DEFINITION = /\(\s*(\p{Lu}[\p{L}\d]*(?:[\s-]+\p{Lu}[\p{L}\d]*)*)\s*\)|(?:gọi tắt|viết tắt) là (\p{Lu}{2,})/gu;
const CAPS_RUN = /\p{Lu}{2,}\s+\p{Lu}{2,}\s+\p{Lu}{2,}/u;
/** Whether `abbr` stands in a run of three or more words in capitals. */
function inCapsRun(around: string, abbr: string): boolean {
  const words = around.split(/[\s,.;:]+/);
  const i = words.indexOf(abbr);
  if (i < 0) return false;
  const caps = (w: string | undefined) => !!w && /^\p{Lu}{2,}$/u.test(w);
  let run = 1;
  for (let j = i - 1; caps(words[j]); j--) run++;
  for (let j = i + 1; caps(words[j]); j++) run++;
  return run >= 3;
}
const ROMAN = /^(?=[IVXL]+$)L?X{0,3}(?:IX|IV|V?I{0,3})$/;

interface Use {
  path: string;
  text: string;
  at: number;
}

function scan(ctx: Ctx, doc: Doc, places: Place[]): void {
  const firstUse = new Map<string, Use>();
  const defined = new Map<string, string>();
  // A text read once can teach nothing more (its abbreviations are all first-used or defined by then):
  // agency cells repeat the same few texts thousands of times in a large table.
  const read = new Set<string>();
  for (const place of places) {
    const raw = place.text;
    if (read.has(raw)) continue;
    read.add(raw);
    if (!/\p{Lu}{2}/u.test(raw) || isAllCaps(raw) || place.node?.kind === 'part') continue;
    // Blank out document numbers so their symbols are not read as abbreviations.
    const text = raw.includes('/') || raw.includes('-') ? raw.replace(NUMBER, (m) => ' '.repeat(m.length)) : raw;
    const defs: Array<{ start: number; end: number; abbrs: string[] }> = [];
    for (const m of text.matchAll(DEFINITION)) {
      const inside = m[1] ?? m[2];
      const abbrs = inside.match(TOKEN) ?? [];
      if (abbrs.length) defs.push({ start: m.index!, end: m.index! + m[0].length, abbrs });
    }
    for (const m of text.matchAll(TOKEN)) {
      const abbr = m[0];
      if (ctx.knownAbbreviations.has(abbr) || ROMAN.test(abbr)) continue;
      // Words set in capitals (a heading inside a line, a quoted title) are not abbreviations.
      if (CAPS_RUN.test(text.slice(Math.max(0, m.index! - 30), m.index! + abbr.length + 30).replace(/\s+/g, ' '))) {
        const around = text.slice(Math.max(0, m.index! - 30), m.index! + abbr.length + 30);
        if (inCapsRun(around, abbr)) continue;
      }
      const at = m.index!;
      const def = defs.find((d) => at >= d.start && at < d.end);
      if (def) {
        if (!defined.has(abbr)) defined.set(abbr, place.path);
        continue;
      }
      if (!defined.has(abbr) && !firstUse.has(abbr)) firstUse.set(abbr, { path: place.path, text: raw, at });
    }
  }
  for (const [abbr, use] of firstUse) {
    const where = defined.get(abbr);
    const span = spanAt(use.text, use.at, use.at + abbr.length);
    if (where) ctx.add('abbreviations.before-definition', 'warning', use.path, { abbr, ...ctx.where(where) }, { ...span });
    // The one action that is certain: the province may use this abbreviation as a name in all its
    // plans; the fix adds it to this plan's list (the full phrase is the drafter's to write).
    else
      ctx.add('abbreviations.undefined', 'info', use.path, { abbr, doc }, {
        ...span,
        fix: { key: 'knownAbbr', params: { abbr }, ops: [{ method: 'addKnownAbbreviation', args: [PLAN, abbr] }] },
      });
  }
}

export function checkAbbreviations(ctx: Ctx): void {
  const readable = ctx.places.filter((p) => p.kind !== 'recipient' && p.kind !== 'authority');
  scan(ctx, 'decision', readable.filter((p) => p.doc === 'decision'));
  scan(ctx, 'plan', readable.filter((p) => p.doc === 'plan'));
}
