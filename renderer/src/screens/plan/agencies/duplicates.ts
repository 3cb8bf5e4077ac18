/**
 * Likely duplicates in the agency directory: the same body written two ways ("Sở Thông tin và Truyền
 * Thông" / "… Truyền thông", "UBND cấp huyện" / "Ủy ban nhân dân cấp huyện"). Names are compared after
 * folding marks, case and spaces, with the usual abbreviations spelled out.
 */
import { foldForSearch } from '../../../../../electron/core/model/text';
import type { AgencyUsage } from '../../../../../electron/core/api/contract';

const ABBREVIATIONS: Array<[RegExp, string]> = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bvp\b/g, 'van phong'],
  [/\btt\b/g, 'trung tam'],
];

export function agencyIdentity(name: string): string {
  let s = foldForSearch(name.normalize('NFC')).replace(/[.,;:()"'-]/g, ' ');
  for (const [re, full] of ABBREVIATIONS) s = s.replace(re, full);
  return s.replace(/\s+/g, ' ').trim();
}

/** Groups of two or more entries that are probably one body; the most used first. */
export function likelyDuplicates(agencies: readonly AgencyUsage[]): AgencyUsage[][] {
  const by = new Map<string, AgencyUsage[]>();
  for (const a of agencies) {
    const id = agencyIdentity(a.name);
    by.set(id, [...(by.get(id) ?? []), a]);
  }
  return [...by.values()].filter((g) => g.length > 1).map((g) => [...g].sort((x, y) => y.total - x.total));
}
