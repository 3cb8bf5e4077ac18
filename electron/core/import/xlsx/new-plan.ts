import type { ImportReport } from '../../model/import-report';
import type { CodedMessage } from '../../model/messages';
import { blankPackage } from '../../model/defaults';
import type { PlanPackage } from '../../model/types';
import { importAppendixXlsx } from './import';

/** The plan year a workbook speaks of: its title's "NĂM 2024", else the most frequent year among its cells. */
export function guessYear(title: string, texts: string[]): number {
  const fromTitle = /năm\s+(\d{4})/i.exec(title);
  if (fromTitle) return Number(fromTitle[1]);
  const counts = new Map<number, number>();
  for (const t of texts) for (const m of t.matchAll(/\b(20\d{2})\b/g)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : new Date().getFullYear() + 1;
}

/**
 * A new plan around an appendix read from a workbook: the Decision and the Plan body start blank
 * (a workbook has neither), the appendix and its agency directory come from the file.
 */
export async function packageFromWorkbook(data: Buffer, fileName: string): Promise<{ pkg: PlanPackage; warnings: CodedMessage[]; report: ImportReport }> {
  const imported = await importAppendixXlsx(data, fileName);
  const texts = imported.appendix.groups.flatMap((g) => g.rows.flatMap((r) => Object.values(r.cells).filter((v): v is string => typeof v === 'string')));
  const year = guessYear(imported.appendix.title, texts);
  const base = blankPackage(year, `${imported.appendix.title || 'Phụ lục'} (${fileName})`);
  return { pkg: { ...base, appendix: imported.appendix, agencies: imported.agencies }, warnings: imported.warnings, report: imported.report };
}
