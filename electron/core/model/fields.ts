import type { PlanPackage } from './types';

/** How a scalar field's value is checked before it is stored. */
export type FieldType = 'text' | 'number' | 'date' | 'prefix';

const issuanceFields = (base: string): Record<string, FieldType> => ({
  [`${base}.number`]: 'number',
  [`${base}.symbol`]: 'text',
  [`${base}.date`]: 'date',
  [`${base}.signer.prefix`]: 'prefix',
  [`${base}.signer.title`]: 'text',
  [`${base}.signer.deputyTitle`]: 'text',
  [`${base}.signer.name`]: 'text',
});

/** Every single-valued field of a package that is edited on its own (title and year live on the plan itself). */
export const SCALAR_FIELDS: Readonly<Record<string, FieldType>> = {
  'issuer.parentBody': 'text',
  'issuer.name': 'text',
  'issuer.place': 'text',
  'issuer.citedAs': 'text',
  ...issuanceFields('decision'),
  'decision.summary': 'text',
  'decision.authority': 'text',
  'decision.proposal': 'text',
  'plan.summary': 'text',
  ...issuanceFields('plan.issuance'),
  'appendix.label': 'text',
  'appendix.title': 'text',
};

/** Ordered lists edited item by item. Articles hold rich text (runs), the others plain lines. */
export const LIST_FIELDS = {
  'decision.legalBases': 'text',
  'decision.recipients': 'text',
  'decision.articles': 'rich',
  'plan.issuance.recipients': 'text',
} as const;
export type ListField = keyof typeof LIST_FIELDS;

/**
 * v2 options of a package, stored as JSON values beside the scalar fields and edited as a whole
 * (numbering styles, period, the "unknown" flags of number and date). Absent = the v1 meaning.
 */
export const OPTION_FIELDS = {
  period: 'period',
  'plan.numbering': 'bodyNumbering',
  'appendix.numbering': 'rowNumbering',
  'decision.numberUnknown': 'flag',
  'decision.dateUnknown': 'flag',
  'plan.issuance.numberUnknown': 'flag',
  'plan.issuance.dateUnknown': 'flag',
} as const;
export type OptionField = keyof typeof OPTION_FIELDS;

export function isOptionField(field: string): field is OptionField {
  return Object.prototype.hasOwnProperty.call(OPTION_FIELDS, field);
}

export function isScalarField(field: string): boolean {
  return Object.prototype.hasOwnProperty.call(SCALAR_FIELDS, field);
}

/** Reads `decision.signer.name` from a package; undefined when a part is absent (no Decision). */
export function getPath(pkg: PlanPackage, path: string): unknown {
  let cur: unknown = pkg;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Writes a value at a path whose parents exist. */
export function setPath(pkg: PlanPackage, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur = pkg as unknown as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    cur = cur[part] as Record<string, unknown>;
    if (!cur) return;
  }
  cur[parts[parts.length - 1]] = value;
}

/** Which fields apply to this package: a standalone Plan has no Decision, an issued-with Plan has no issuance. */
export function fieldApplies(field: string, hasDecision: boolean): boolean {
  if (field.startsWith('decision.')) return hasDecision;
  if (field.startsWith('plan.issuance.')) return !hasDecision;
  return true;
}
