/**
 * The checker's settings of one plan: the abbreviations the province uses without spelling them out
 * (`UBND`, `HĐND` …), on top of the bundled list (`checks/known-abbreviations.ts`).
 *
 * Kept as plan metadata in `plan_fields` under the key `check.knownAbbreviations` (the names joined by
 * ", "), so no migration is needed and the undo history, which logs `plan_fields`, covers every change.
 * The key is not one of the package's scalar fields: `loadPlan` reads it into the package's `knownAbbreviations`
 * (model v2) and `insertPackage` writes it back, so the list travels in the exchange file, saved versions,
 * duplicates and next year's plan.
 */
import type { Db } from './open';
import { planEdit } from './edits';
import { UserError } from '../errors';
import { KNOWN_ABBREVIATIONS_FIELD, parseAbbreviationList } from './plans';

export { KNOWN_ABBREVIATIONS_FIELD } from './plans';

/** The plan's own list, in the order added; empty when none. */
export function readKnownAbbreviations(db: Db, planId: number): string[] {
  const row = db.prepare('SELECT value FROM plan_fields WHERE plan_id = ? AND field = ?').get(planId, KNOWN_ABBREVIATIONS_FIELD) as
    | { value: string | null }
    | undefined;
  return parseAbbreviationList(row?.value ?? '');
}

/**
 * Replaces the plan's list (one edit, one undo step). Each name is one word of letters and digits
 * (`UBND`, `VNeID`, `CCHC`); anything else is refused with the name at fault.
 */
export function setKnownAbbreviations(db: Db, planId: number, names: readonly string[]): void {
  const list = parseAbbreviationList(names.join(','));
  for (const name of list) {
    if (!/^[\p{L}\d][\p{L}\d&.-]{0,29}$/u.test(name)) {
      throw UserError.coded('check.abbreviationInvalid', { name }, `"${name}" is not an abbreviation (one word of letters and digits).`);
    }
  }
  planEdit(db, planId, 'setKnownAbbreviations', () => {
    db.prepare('INSERT INTO plan_fields (plan_id, field, value) VALUES (?, ?, ?) ON CONFLICT (plan_id, field) DO UPDATE SET value = excluded.value').run(
      planId,
      KNOWN_ABBREVIATIONS_FIELD,
      list.join(', '),
    );
  });
}

/** Adds one name to the plan's list (the checker's "needs no spelling-out in this plan" action). */
export function addKnownAbbreviation(db: Db, planId: number, name: string): void {
  const list = readKnownAbbreviations(db, planId);
  setKnownAbbreviations(db, planId, list.includes(name.normalize('NFC').trim()) ? list : [...list, name]);
}
