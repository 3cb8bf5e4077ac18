/** Directory entries that match what is typed, Vietnamese-aware ("so noi" finds "Sở Nội vụ"). */
import { foldForSearch } from '../../../../../electron/core/model/text';
import type { Agency } from '../../../../../electron/core/model/types';

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
