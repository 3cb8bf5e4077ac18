import type { TFunction } from 'i18next';
import type { PlanVersion } from '../../../../../electron/core/api/contract';

/**
 * A version's name in the UI's language: the drafter's own name, or for a version the program made the
 * catalogue's words ("Như khi nhập từ tệp …", "As rolled over from the 2024 plan to 2025"); stored names of
 * those are Vietnamese.
 */
export function versionLabel(v: PlanVersion, t: TFunction): string {
  if (v.kind === 'imported' && v.file) return t('versionKind.importedName', { file: v.file });
  if (v.kind === 'rolled-over' && v.from && v.toYear) return t('versionKind.rolledName', { year: v.from.year, toYear: v.toYear });
  return v.name;
}
