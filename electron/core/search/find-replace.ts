/**
 * Find and replace across the whole package: Decision fields and lists, the Plan's body, group titles and
 * every text cell of the appendix. Agency names are not searched here: renaming an agency in the
 * directory changes it everywhere at once. Matching can ignore case and Vietnamese marks ("cai cach"
 * finds "cải cách"); the replacement is written as typed.
 */
import type { Db } from '../store/open';
import { UserError } from '../errors';
import { loadPlan } from '../store/plans';
import * as edits from '../store/edits';
import { LIST_FIELDS, SCALAR_FIELDS, fieldApplies, getPath } from '../model/fields';
import type { BodyNode, PlanPackage, RichText } from '../model/types';
import { nfc } from '../model/text';
import { siblingLabels, toRoman } from '../model/numbering';
import { groupRows, rowLabels } from '../model/rows';
import type { FindQuery, FindHit } from '../model/find-replace';
export type { FindQuery, FindHit } from '../model/find-replace';

/** One character folded on its own, so folded and original texts keep the same length and offsets. */
function foldChar(c: string): string {
  if (c === 'đ' || c === 'Đ') return 'd';
  return c.normalize('NFD')[0].toLowerCase();
}

function fold(text: string): string {
  return Array.from(text, foldChar).join('');
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Offsets of every match of `query` in `text` (by UTF-16 index). */
export function matchOffsets(text: string, query: FindQuery): number[] {
  const needle = nfc(query.text);
  if (!needle) return [];
  const loose = query.loose ?? true;
  // Fold per code point; Vietnamese letters are single code points in NFC, so indexes stay aligned.
  const hay = loose ? fold(text) : text;
  const pin = loose ? fold(needle) : needle;
  if (hay.length !== text.length) return [];
  const out: number[] = [];
  for (let at = hay.indexOf(pin); at >= 0; at = hay.indexOf(pin, at + Math.max(pin.length, 1))) {
    if (query.wholeWord && (isWordChar(text[at - 1]) || isWordChar(text[at + pin.length]))) continue;
    out.push(at);
  }
  return out;
}

interface TextPlace {
  path: string;
  where: string;
  text: string;
  /** Writes the new text of this place through an edit of the store. */
  write(db: Db, planId: number, next: string): void;
}

function runsPlaces(path: string, where: string, runs: RichText, writeRuns: (db: Db, planId: number, next: RichText) => void): TextPlace[] {
  // Each run is its own place so emphasis stays where it was; a match across two runs is not found.
  return runs.map((run, i) => ({
    path: `${path}[${i}]`,
    where,
    text: run.text,
    write: (db, planId, next) => writeRuns(db, planId, runs.map((r, j) => (j === i ? { ...r, text: next } : r))),
  }));
}

function bodyPlaces(nodes: BodyNode[], path: string, label: string): TextPlace[] {
  const labels = siblingLabels(nodes);
  return nodes.flatMap((node, i) => {
    const here = `${label}${labels[i] || '¶'} `;
    const own = runsPlaces(`${path}[${i}].text`, `Kế hoạch, ${here.trim()}`, node.text, (db, planId, next) =>
      edits.updateBodyNode(db, planId, node.id!, { text: next }),
    );
    return [...own, ...bodyPlaces(node.children, `${path}[${i}].children`, here)];
  });
}

/** Every searchable text of a stored plan, with how to write it back. */
function places(pkg: PlanPackage): TextPlace[] {
  const out: TextPlace[] = [];
  const hasDecision = pkg.decision !== null;
  for (const field of Object.keys(SCALAR_FIELDS)) {
    if (!fieldApplies(field, hasDecision) || SCALAR_FIELDS[field] !== 'text') continue;
    const value = getPath(pkg, field);
    if (typeof value === 'string') out.push({ path: field, where: field, text: value, write: (db, planId, next) => edits.setField(db, planId, field, next) });
  }
  for (const list of Object.keys(LIST_FIELDS) as Array<keyof typeof LIST_FIELDS>) {
    if (!fieldApplies(list, hasDecision)) continue;
    const items = (getPath(pkg, list) as Array<string | RichText> | undefined) ?? [];
    items.forEach((item, index) => {
      if (typeof item === 'string') {
        out.push({ path: `${list}[${index}]`, where: `${list} ${index + 1}`, text: item, write: (db, planId, next) => edits.updateListItem(db, planId, list, index, next) });
      } else {
        out.push(...runsPlaces(`${list}[${index}]`, `${list} ${index + 1}`, item, (db, planId, next) => edits.updateListItem(db, planId, list, index, next)));
      }
    });
  }
  out.push(...bodyPlaces(pkg.plan.body, 'plan.body', ''));
  // Every row of the tree (model v2 sub-rows too), named by its printed label; a sub-row's path goes through `_rows`.
  const labels = rowLabels(pkg.appendix);
  pkg.appendix.groups.forEach((group, gi) => {
    out.push({ path: `appendix.groups[${gi}].title`, where: `Phụ lục, nhóm ${toRoman(gi + 1)}`, text: group.title, write: (db, planId, next) => edits.renameGroup(db, planId, group.id!, next) });
    for (const { row, path } of groupRows(group, gi)) {
      const rowPath = `appendix.groups[${gi}].rows[${path[0]}]${path.slice(1).map((i) => `._rows[${i}]`).join('')}`;
      for (const column of pkg.appendix.columns) {
        const value = row.cells[column.key];
        if (column.kind !== 'text' || typeof value !== 'string') continue;
        out.push({
          path: `${rowPath}.${column.key}`,
          where: `Phụ lục, dòng ${labels.get(row) || path.map((i) => i + 1).join('.')} (${column.caption})`,
          text: value,
          write: (db, planId, next) => edits.setCell(db, planId, row.id!, column.key, next),
        });
      }
    }
  });
  return out;
}

const CONTEXT = 40;

export function findInPackage(pkg: PlanPackage, query: FindQuery): FindHit[] {
  const hits: FindHit[] = [];
  for (const place of places(pkg)) {
    for (const at of matchOffsets(place.text, query)) {
      const end = at + nfc(query.text).length;
      hits.push({
        id: `${place.path}@${at}`,
        path: place.path,
        where: place.where,
        before: place.text.slice(Math.max(0, at - CONTEXT), at),
        match: place.text.slice(at, end),
        after: place.text.slice(end, end + CONTEXT),
      });
    }
  }
  return hits;
}

export function findInPlan(db: Db, planId: number, query: FindQuery): FindHit[] {
  return findInPackage(loadPlan(db, planId).pkg, query);
}

/**
 * Replaces the chosen hits (ids from findInPlan on the same revision) in one transaction: one undo step.
 * Returns how many were replaced. Hits whose text changed since the search are refused as a whole.
 */
export function replaceInPlan(db: Db, planId: number, query: FindQuery, replacement: string, hitIds: readonly string[]): number {
  const wanted = new Set(hitIds);
  const replacementText = nfc(replacement);
  const needleLength = nfc(query.text).length;
  return edits.planEdit(db, planId, 'replace', () => {
    let count = 0;
    for (const place of places(loadPlan(db, planId).pkg)) {
      const offsets = matchOffsets(place.text, query).filter((at) => wanted.has(`${place.path}@${at}`));
      if (!offsets.length) continue;
      let next = place.text;
      // From the end, so earlier offsets stay valid.
      for (const at of [...offsets].reverse()) next = next.slice(0, at) + replacementText + next.slice(at + needleLength);
      place.write(db, planId, next);
      count += offsets.length;
    }
    if (count !== wanted.size) throw UserError.coded('replace.stale', {}, 'The text changed since the search; search again before replacing.');
    return count;
  });
}
