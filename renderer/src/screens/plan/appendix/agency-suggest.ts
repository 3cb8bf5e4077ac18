/** Directory entries that match what is typed, Vietnamese-aware ("so noi" finds "Sở Nội vụ"). */
import { foldForSearch } from '../../../../../electron/core/model/text';
import type { Agency } from '../../../../../electron/core/model/types';
import { matchAgency, sameAgencyName } from '../../../../../electron/core/model/agency-match';

/**
 * Entries whose folded name contains the folded typing, best first: the exact name, then names that start
 * with it, then names where it starts a word, then the rest; within a tier the shorter name (the typing
 * covers more of it: "tư pháp" → "Sở Tư pháp" before "Các Sở: Tài chính, Tư pháp…"), then A–Z.
 */
export function suggestAgencies(agencies: readonly Agency[], typed: string, exclude: ReadonlySet<string>, limit = 8): Agency[] {
  const q = foldForSearch(typed.normalize('NFC'));
  if (!q) return [];
  const scored: Array<[number, number, Agency]> = [];
  for (const a of agencies) {
    if (exclude.has(a.key)) continue;
    const name = foldForSearch(a.name);
    const at = name.indexOf(q);
    if (at < 0) continue;
    let tier = 3;
    if (name === q) tier = 0;
    else if (at === 0) tier = 1;
    else if (wordStartMatch(name, q)) tier = 2;
    scored.push([tier, name.length, a]);
  }
  scored.sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2].name.localeCompare(y[2].name, 'vi'));
  return scored.slice(0, limit).map((s) => s[2]);
}

function wordStartMatch(name: string, q: string): boolean {
  for (let at = name.indexOf(q); at >= 0; at = name.indexOf(q, at + 1)) {
    if (at === 0 || !/[\p{L}\p{N}]/u.test(name[at - 1])) return true;
  }
  return false;
}

/** The entry written exactly so (ignoring marks, case and spaces), if any. */
export function sameAgency(agencies: readonly Agency[], typed: string): Agency | undefined {
  const q = foldForSearch(typed.normalize('NFC'));
  return q ? agencies.find((a) => foldForSearch(a.name) === q && a.name.normalize('NFC').trim() === typed.normalize('NFC').trim())
    ?? agencies.find((a) => a.name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim() === typed.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim())
    : undefined;
}

/**
 * Text typed or pasted into an agency cell, cut into the agencies it names. Semicolons and line breaks
 * always separate; a comma or " và " separates only when every piece is then a name of the directory
 * ("Sở Văn hóa, Thể thao và Du lịch" stays one name). Each piece is the directory entry or, when the
 * directory has none, the text itself (to be added).
 */
export function splitAgencyText(agencies: readonly Agency[], text: string): Array<{ agency: Agency } | { name: string }> {
  const out: Array<{ agency: Agency } | { name: string }> = [];
  for (const raw of text.normalize('NFC').split(/\s*[;\n\r]+\s*/)) {
    const piece = raw.replace(/[\s.,;]+$/u, '').trim();
    if (!piece) continue;
    const whole = sameAgency(agencies, piece);
    if (whole) {
      out.push({ agency: whole });
      continue;
    }
    const parts = piece.split(/\s*,\s*|\s+và\s+/u).filter((p) => p.trim() !== '');
    const found = parts.map((p) => sameAgency(agencies, p));
    if (parts.length > 1 && found.every((a) => a !== undefined)) out.push(...found.map((agency) => ({ agency: agency! })));
    else out.push({ name: piece });
  }
  return out;
}

/** One line of the picker's list: a directory entry, and whether the cell already names it ("đã có"). */
export interface AgencyOption {
  agency: Agency;
  have: boolean;
}

/**
 * The picker's list for what is typed in a cell that already names `inCell` (agency keys): the entry the typing
 * names by matchAgency first (the same name written another way, an abbreviation such as "STP"), then the
 * entries the cell already has, then suggestAgencies' ranking. Entries the cell has stay in the list, marked `have`: typing
 * "tư pháp" in a cell with Sở Tư pháp shows "Sở Tư pháp — đã có" first, never a group entry that merely
 * contains the words ("Các Sở: Tài chính, Tư pháp, …") as the one Enter would take.
 */
export function pickerOptions(agencies: readonly Agency[], typed: string, inCell: ReadonlySet<string>, limit = 8): AgencyOption[] {
  const ranked = suggestAgencies(agencies, typed, new Set(), limit);
  const match = matchAgency(typed, agencies);
  const named = match.kind === 'ambiguous' ? match.candidates : 'agency' in match ? [match.agency] : [];
  const have = holds(agencies, inCell);
  // What the typing names, then what the cell already has (the likeliest meaning of typing a name that is there),
  // then the rest; a twin of an entry in the cell (the directory's other spelling of it) is left out.
  const rest = ranked.filter((a) => !named.includes(a));
  const list = [...named, ...rest.filter((a) => inCell.has(a.key)), ...rest.filter((a) => !inCell.has(a.key))].filter((a) => inCell.has(a.key) || !have(a));
  return list.slice(0, limit).map((agency) => ({ agency, have: have(agency) }));
}

/**
 * Whether the cell (agency keys `inCell`) already names an entry: the same key, or an entry the directory holds
 * twice written another way ("… Truyền Thông" and "… Truyền thông" are one agency).
 */
function holds(agencies: readonly Agency[], inCell: ReadonlySet<string>): (a: Agency) => boolean {
  const names = agencies.filter((a) => inCell.has(a.key)).map((a) => a.name);
  return (a) => inCell.has(a.key) || names.some((n) => sameAgencyName(n, a.name));
}

/** The agency the cell already names that `typed` names (by sameAgency or matchAgency), if any: taking it adds nothing. */
export function alreadyInCell(agencies: readonly Agency[], typed: string, inCell: ReadonlySet<string>): Agency | undefined {
  const match = matchAgency(typed, agencies);
  const named = sameAgency(agencies, typed) ?? ('agency' in match ? match.agency : undefined);
  if (!named) return undefined;
  // The cell's own entry: this one, or the directory's other spelling of it that the cell holds.
  return agencies.find((a) => inCell.has(a.key) && (a.key === named.key || sameAgencyName(a.name, named.name)));
}
