/**
 * Readable names for places of a plan (`appendix.groups[1].rows[4].deadline` → "Phụ lục, nhóm II, dòng 12
 * (Thời gian hoàn thành)"), so the checker, the rollover review and the compare view speak the drafter's
 * language instead of the exchange file's. Numbers come from the opened package: STT runs across groups,
 * body labels are the outline's own (I., 1., a) …).
 */
import type { TFunction } from 'i18next';
import type { AppendixRow, BodyNode, PlanPackage } from '../../../electron/core/model/types';
import { siblingLabels, toRoman } from '../../../electron/core/model/numbering';
import { rowLabels } from '../../../electron/core/model/rows';

/** `I.1.a)` for a path of child indexes in the body outline; null when the path is not in this package. */
function bodyLabel(body: readonly BodyNode[], indexes: number[], paragraph: (n: number) => string): string | null {
  let nodes = body;
  const parts: string[] = [];
  for (const i of indexes) {
    const node = nodes[i];
    if (!node) return null;
    // An unnumbered paragraph has no label of its own: name it by its place among its siblings.
    parts.push(siblingLabels(nodes)[i] || paragraph(i + 1));
    nodes = node.children;
  }
  return parts.join(' ');
}

const LIST_FIELDS = ['legalBases', 'recipients', 'articles'] as const;

/** A readable label for a place; the raw path when the package does not have it (another version, a new row). */
export function placeLabel(path: string, pkg: PlanPackage, t: TFunction): string {
  // A row, or (model v2) a sub-row reached through `_rows`: named by its printed STT (`12`, `1.1`).
  const row = /^appendix\.groups\[(\d+)\]\.rows\[(\d+)\]((?:\._rows\[\d+\])*)(?:\.([\w-]+))?$/.exec(path);
  if (row) {
    const at = [Number(row[2]), ...[...row[3].matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))];
    let target: AppendixRow | undefined = pkg.appendix.groups[Number(row[1])]?.rows[at[0]];
    for (const i of at.slice(1)) target = target?.children?.[i];
    const number = (target && rowLabels(pkg.appendix).get(target)) || at.map((i) => i + 1).join('.');
    const caption = row[4] ? pkg.appendix.columns.find((c) => c.key === row[4])?.caption ?? row[4] : null;
    const base = t('place.row', { group: toRoman(Number(row[1]) + 1), number });
    return caption ? `${base} (${caption})` : base;
  }
  const group = /^appendix\.groups\[(\d+)\](?:\.title)?$/.exec(path);
  if (group) return t('place.group', { group: toRoman(Number(group[1]) + 1) });
  if (path === 'appendix.title' || path === 'appendix.label') return t('place.appendixTitle');
  if (path.startsWith('plan.body')) {
    const indexes = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    const label = bodyLabel(pkg.plan.body, indexes, (n) => t('place.paragraph', { n }));
    return label ? t('place.body', { label }) : t('place.bodyOther');
  }
  const agency = /^agencies\[(\d+)\]/.exec(path);
  if (agency) return t('place.agency', { name: pkg.agencies[Number(agency[1])]?.name ?? '' });
  const doc = /^(decision|plan\.issuance)\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(path);
  if (doc) {
    const where = doc[1] === 'decision' ? t('place.decision') : t('place.issuance');
    const [field, index, sub] = [doc[2], doc[3], doc[4]];
    let what = t(`place.field.${field}`, { defaultValue: field });
    if (index !== undefined && (LIST_FIELDS as readonly string[]).includes(field)) what = t(`place.item.${field}`, { n: Number(index) + 1 });
    if (sub) what = `${what} (${t(`place.signer.${sub}`, { defaultValue: sub })})`;
    return `${where}, ${what}`;
  }
  const plain: Record<string, string> = { title: 'place.title', year: 'place.year', 'plan.summary': 'place.planSummary' };
  if (plain[path]) return t(plain[path]);
  const issuer = /^issuer\.(\w+)$/.exec(path);
  if (issuer) return t('place.issuer', { field: t(`field.issuer.${issuer[1]}`, { defaultValue: issuer[1] }) });
  return path;
}
