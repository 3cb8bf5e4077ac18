/**
 * The format and consistency checker: every rule of Nghị định 30 that the model can show, and the
 * inconsistencies a secretariat looks for before a plan goes to the leader for signature. Pure and
 * Electron-free: the CLI (`check PLAN`) and the app's panel call `checkPlan` on a package.
 *
 * One module per family of rules; each explains its reasoning. Precision comes first: a rule reports
 * only what a careful secretary would mark, and the sample's exact findings are pinned by a test.
 */
import type { PlanPackage } from '../model/types';
import { Ctx } from './context';
import { checkIssuance } from './issuance';
import { checkLegalBases } from './legal-bases';
import { checkRecipientsAndSigner } from './recipients-signer';
import { checkAgencies } from './agencies';
import { checkCapitals } from './capitals';
import { checkAppendixRows } from './appendix-rows';
import { checkYears } from './years';
import { checkCitations } from './citations';
import { checkAbbreviations } from './abbreviations';
import { checkText } from './text';
import { checkHeaderFit } from './header-fit';
import type { CheckOptions, Finding, Severity } from './types';
import { KNOWN_ABBREVIATIONS } from './known-abbreviations';

export type { CheckOptions, Finding, Severity } from './types';
export { PLAN } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Runs every rule on `pkg`; findings come in document order within each severity (errors first). */
export function checkPlan(pkg: PlanPackage, options: CheckOptions = {}): Finding[] {
  const ctx = new Ctx(pkg, options.lang ?? 'vi', [...KNOWN_ABBREVIATIONS, ...(options.knownAbbreviations ?? [])]);
  checkIssuance(ctx);
  checkLegalBases(ctx);
  checkRecipientsAndSigner(ctx);
  // Agencies before capitals: an entry reported as a variant is not reported again for its capitals.
  checkAgencies(ctx);
  checkCapitals(ctx);
  checkAppendixRows(ctx);
  checkYears(ctx);
  checkCitations(ctx);
  checkAbbreviations(ctx);
  checkText(ctx);
  checkHeaderFit(ctx);
  const order = new Map(ctx.places.map((p, i) => [p.path, i]));
  const rank = (f: Finding) => order.get(f.path) ?? order.get(f.path.replace(/\.[^.[\]]+$/, '')) ?? -1;
  return ctx.out
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || rank(a.f) - rank(b.f) || a.i - b.i)
    .map(({ f }) => f);
}

/** Counts by severity, for a summary line. */
export function countFindings(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
