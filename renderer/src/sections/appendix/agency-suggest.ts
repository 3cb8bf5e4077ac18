/** Directory entries that match what is typed, Vietnamese-aware ("so noi" finds "Sở Nội vụ"). */
import { foldForSearch } from '../../../../electron/core/model/text';
import type { Agency } from '../../../../electron/core/model/types';

export function suggestAgencies(agencies: readonly Agency[], typed: string, exclude: ReadonlySet<string>, limit = 8): Agency[] {
  const q = foldForSearch(typed.normalize('NFC'));
  if (!q) return [];
  const scored: Array<[number, Agency]> = [];
  for (const a of agencies) {
    if (exclude.has(a.key)) continue;
    const name = foldForSearch(a.name);
    const at = name.indexOf(q);
    if (at < 0) continue;
    // Names that start with the typed text come first, then word starts, then the rest.
    scored.push([at === 0 ? 0 : name[at - 1] === ' ' ? 1 : 2, a]);
  }
  scored.sort((x, y) => x[0] - y[0] || x[1].name.localeCompare(y[1].name, 'vi'));
  return scored.slice(0, limit).map((s) => s[1]);
}

/** The entry written exactly so (ignoring marks, case and spaces), if any. */
export function sameAgency(agencies: readonly Agency[], typed: string): Agency | undefined {
  const q = foldForSearch(typed.normalize('NFC'));
  return q ? agencies.find((a) => foldForSearch(a.name) === q && a.name.normalize('NFC').trim() === typed.normalize('NFC').trim())
    ?? agencies.find((a) => a.name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim() === typed.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim())
    : undefined;
}
