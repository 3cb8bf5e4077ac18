/** The checker's options; what it reports (findings, fixes) is in the model: `electron/core/model/findings.ts`. */
export type Lang = 'vi' | 'en';
export type { Severity, FixOp, FixPreview, Finding, TextRange } from '../model/findings';

export interface CheckOptions {
  lang?: Lang;
  /**
   * Abbreviations this plan uses without spelling them out (the province's own list, on top of the
   * bundled `KNOWN_ABBREVIATIONS`): `['UBND', 'HĐND']`. Compared as written (case matters).
   */
  knownAbbreviations?: readonly string[];
}

/** The plan id placeholder in fix ops. */
export const PLAN = '$plan';
