/**
 * What taking a department's row writes into an agency cell, decided the same way by the merge desk (to show
 * it on the card before the take) and by the core (to write it): the cell's text cut into agencies with the
 * plan's directory, each spelling matched to a directory entry (model/agency-match.ts) or settled by the
 * drafter's choice. A spelling that is only likely (an abbreviation …) or unknown is taken only once chosen.
 */
import type { Agency } from './types';
import { cleanAgencyName, splitAgencies, splitContext, type SplitContext } from './agency-split';
import { AGENCY_ABBREVIATIONS, isCertain, matchAgency, type AgencyMatch } from './agency-match';
import { lowerCollectivePrefix } from './text';
import type { AgencyChoice } from './merge';

/** One agency of a department's cell, as the take reads it. */
export interface AgencyReading {
  /** The name as the file writes it (cleaned): the key of the drafter's choice. */
  spelling: string;
  /** The text the cell prints after it ("; ", " và "). */
  after: string;
  match: AgencyMatch;
  /** What the take writes for it: a directory entry, a new entry the drafter chose to add, or nothing yet (a choice is needed). */
  taken: { agency: Agency } | { add: string } | null;
}

const CONTEXTS = new WeakMap<readonly Agency[], SplitContext>();

/** The splitter's context for a department's text: the directory's names and the short forms people write (STP, Sở TT&TT). */
function contextOf(directory: readonly Agency[]): SplitContext {
  let ctx = CONTEXTS.get(directory);
  if (!ctx) {
    ctx = splitContext([...directory.map((a) => a.name), ...AGENCY_ABBREVIATIONS.flatMap((e) => e.short)]);
    CONTEXTS.set(directory, ctx);
  }
  return ctx;
}

/** The key a choice is kept under for a spelling. */
export function choiceKey(spelling: string): string {
  return cleanAgencyName(spelling);
}

/** Reads one agency cell of a department's row: its agencies, each matched or settled by `choices`. */
export function readAgencyCell(text: string, directory: readonly Agency[], choices: Readonly<Record<string, AgencyChoice>> = {}): AgencyReading[] {
  return splitAgencies(text, contextOf(directory)).parts.map((p) => {
    const match = matchAgency(p.name, directory);
    const choice = Object.prototype.hasOwnProperty.call(choices, choiceKey(p.name)) ? choices[choiceKey(p.name)] : undefined;
    let taken: AgencyReading['taken'] = null;
    if (choice && 'agency' in choice) {
      const agency = directory.find((a) => a.key === choice.agency);
      taken = agency ? { agency } : null;
    } else if (choice && 'add' in choice) {
      const name = cleanAgencyName(choice.add);
      // Added already (an earlier take of the same file): the entry is there now.
      const agency = directory.find((a) => cleanAgencyName(a.name) === name);
      taken = agency ? { agency } : name ? { add: name } : null;
    } else if (isCertain(match)) {
      taken = { agency: match.agency };
    }
    return { spelling: p.name, after: p.after, match, taken };
  });
}

/**
 * The cell's text once taken, as the plan prints it (mentionsText's way: a collective name after the first in
 * lower case): the directory's names, the names to add, and for what is not settled yet the spelling itself.
 */
export function takenText(readings: readonly AgencyReading[]): string {
  return readings
    .map((r, i) => {
      const name = r.taken ? ('agency' in r.taken ? r.taken.agency.name : r.taken.add) : r.spelling;
      return (i > 0 ? lowerCollectivePrefix(name) : name) + r.after;
    })
    .join('');
}

/** A spelling of an agency in a department's rows that is not the directory's own name, and what it matched. */
export interface FileSpelling {
  spelling: string;
  match: AgencyMatch;
}

/**
 * Every agency spelling of these rows' agency cells (`cells` by the plan's column keys) that is not written as
 * the directory writes it, once each, in the order met: the certain ones (shown, taken as matched) and those
 * the drafter must settle (likely, ambiguous, unknown).
 */
export function fileSpellings(rows: ReadonlyArray<{ cells: Readonly<Record<string, string>> }>, agencyKeys: ReadonlySet<string>, directory: readonly Agency[]): FileSpelling[] {
  const out = new Map<string, FileSpelling>();
  for (const row of rows) {
    for (const [key, text] of Object.entries(row.cells)) {
      if (!agencyKeys.has(key) || !text) continue;
      for (const r of readAgencyCell(text, directory)) {
        const k = choiceKey(r.spelling);
        if (r.match.kind !== 'exact' && !out.has(k)) out.set(k, { spelling: k, match: r.match });
      }
    }
  }
  return [...out.values()];
}
