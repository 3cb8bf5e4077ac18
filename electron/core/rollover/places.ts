/**
 * Every text of a plan package, with its path in the exchange file's path syntax
 * (`decision.articles[0]`, `plan.body[2].children[1]`, `appendix.groups[1].rows[4].deadline`) and a
 * reference precise enough to read and write it back.
 */
import type { AppendixRow, BodyNode, PlanPackage, RichText } from '../model/types';
import { plainText } from '../model/text';
import type { MentionContext } from './mentions';
import type { FieldRef } from '../model/rollover';
export type { FieldRef } from '../model/rollover';

export interface TextPlace {
  path: string;
  field: FieldRef;
  /** The plain text (runs joined for rich text). */
  text: string;
  context: MentionContext;
}

function bodyPath(indexes: number[]): string {
  return 'plan.body' + indexes.map((i, d) => (d === 0 ? `[${i}]` : `.children[${i}]`)).join('');
}

/** Every text of the package, in reading order: title, Decision, Plan, appendix. */
export function* textPlaces(pkg: PlanPackage): Generator<TextPlace> {
  yield { path: 'title', field: { kind: 'title' }, text: pkg.title, context: { title: true } };
  const d = pkg.decision;
  if (d) {
    yield { path: 'decision.summary', field: { kind: 'field', field: 'decision.summary' }, text: d.summary, context: {} };
    yield { path: 'decision.authority', field: { kind: 'field', field: 'decision.authority' }, text: d.authority, context: {} };
    for (let i = 0; i < d.legalBases.length; i++) {
      yield { path: `decision.legalBases[${i}]`, field: { kind: 'list', field: 'decision.legalBases', index: i }, text: d.legalBases[i], context: {} };
    }
    yield { path: 'decision.proposal', field: { kind: 'field', field: 'decision.proposal' }, text: d.proposal, context: {} };
    for (let i = 0; i < d.articles.length; i++) {
      yield {
        path: `decision.articles[${i}]`,
        field: { kind: 'list', field: 'decision.articles', index: i },
        text: plainText(d.articles[i]),
        context: {},
      };
    }
    for (let i = 0; i < d.recipients.length; i++) {
      yield { path: `decision.recipients[${i}]`, field: { kind: 'list', field: 'decision.recipients', index: i }, text: d.recipients[i], context: {} };
    }
  }
  yield { path: 'plan.summary', field: { kind: 'field', field: 'plan.summary' }, text: pkg.plan.summary, context: {} };
  const iss = pkg.plan.issuance;
  if (iss) {
    for (let i = 0; i < iss.recipients.length; i++) {
      yield {
        path: `plan.issuance.recipients[${i}]`,
        field: { kind: 'list', field: 'plan.issuance.recipients', index: i },
        text: iss.recipients[i],
        context: {},
      };
    }
  }
  yield* bodyPlaces(pkg.plan.body, []);

  const a = pkg.appendix;
  yield { path: 'appendix.label', field: { kind: 'appendix', part: 'label' }, text: a.label, context: {} };
  yield { path: 'appendix.title', field: { kind: 'appendix', part: 'title' }, text: a.title, context: {} };
  for (let i = 0; i < a.columns.length; i++) {
    yield { path: `appendix.columns[${i}].caption`, field: { kind: 'appendix', part: 'caption', column: i }, text: a.columns[i].caption, context: {} };
  }
  const deadlineKeys = new Set(a.columns.filter((c) => c.role === 'deadline').map((c) => c.key));
  for (let g = 0; g < a.groups.length; g++) {
    const group = a.groups[g];
    yield { path: `appendix.groups[${g}].title`, field: { kind: 'group', group: g }, text: group.title, context: {} };
    // Rows and (model v2) their sub-rows, depth first; a sub-row's path goes through `_rows`.
    const rowPlaces = function* (row: AppendixRow, r: number, sub: number[], path: string): Generator<TextPlace> {
      for (const key in row.cells) {
        const value = row.cells[key];
        // Agency cells hold agency keys and separators, never a year of the plan.
        if (typeof value !== 'string') continue;
        yield {
          path: `${path}.${key}`,
          field: sub.length ? { kind: 'cell', group: g, row: r, key, sub } : { kind: 'cell', group: g, row: r, key },
          text: value,
          context: { deadline: deadlineKeys.has(key) },
        };
      }
      for (let c = 0; c < (row.children?.length ?? 0); c++) yield* rowPlaces(row.children![c], r, [...sub, c], `${path}._rows[${c}]`);
    };
    for (let r = 0; r < group.rows.length; r++) yield* rowPlaces(group.rows[r], r, [], `appendix.groups[${g}].rows[${r}]`);
  }
}

function* bodyPlaces(nodes: BodyNode[], parent: number[]): Generator<TextPlace> {
  for (let i = 0; i < nodes.length; i++) {
    const indexes = [...parent, i];
    yield { path: bodyPath(indexes), field: { kind: 'body', indexes }, text: plainText(nodes[i].text), context: {} };
    yield* bodyPlaces(nodes[i].children, indexes);
  }
}

/** The body node at `indexes`, or undefined. */
export function bodyNodeAt(body: BodyNode[], indexes: number[]): BodyNode | undefined {
  let list = body;
  let node: BodyNode | undefined;
  for (const i of indexes) {
    node = list[i];
    if (!node) return undefined;
    list = node.children;
  }
  return node;
}

/**
 * Replaces `from` by `to` (same length) at `offset` of a rich text's plain text, inside the runs:
 * each run keeps its emphasis and its length, runs are never merged or split.
 */
export function editRuns(runs: RichText, offset: number, from: string, to: string): boolean {
  if (from.length !== to.length) return false;
  if (plainText(runs).slice(offset, offset + from.length) !== from) return false;
  let pos = 0;
  for (const run of runs) {
    const runEnd = pos + run.text.length;
    const s = Math.max(offset, pos);
    const e = Math.min(offset + to.length, runEnd);
    if (s < e) run.text = run.text.slice(0, s - pos) + to.slice(s - offset, e - offset) + run.text.slice(e - pos);
    pos = runEnd;
  }
  return true;
}

/** Replaces `from` by `to` at `offset` of a plain string; null when the text is not what was proposed. */
export function editString(text: string, offset: number, from: string, to: string): string | null {
  if (text.slice(offset, offset + from.length) !== from) return null;
  return text.slice(0, offset) + to + text.slice(offset + from.length);
}

/**
 * Applies one edit to the place `field` of `pkg` (which the caller owns: it is changed in place).
 * Returns false when the place does not hold the expected text.
 */
export function editPlace(pkg: PlanPackage, field: FieldRef, offset: number, from: string, to: string): boolean {
  const setString = (get: () => string | undefined, set: (v: string) => void): boolean => {
    const cur = get();
    if (cur === undefined) return false;
    const next = editString(cur, offset, from, to);
    if (next === null) return false;
    set(next);
    return true;
  };
  switch (field.kind) {
    case 'title':
      return setString(() => pkg.title, (v) => (pkg.title = v));
    case 'field': {
      const d = pkg.decision;
      switch (field.field) {
        case 'decision.summary':
          return !!d && setString(() => d.summary, (v) => (d.summary = v));
        case 'decision.authority':
          return !!d && setString(() => d.authority, (v) => (d.authority = v));
        case 'decision.proposal':
          return !!d && setString(() => d.proposal, (v) => (d.proposal = v));
        case 'plan.summary':
          return setString(() => pkg.plan.summary, (v) => (pkg.plan.summary = v));
        default:
          return false;
      }
    }
    case 'list': {
      if (field.field === 'decision.articles') {
        const runs = pkg.decision?.articles[field.index];
        return !!runs && editRuns(runs, offset, from, to);
      }
      const list =
        field.field === 'decision.legalBases'
          ? pkg.decision?.legalBases
          : field.field === 'decision.recipients'
            ? pkg.decision?.recipients
            : pkg.plan.issuance?.recipients;
      return !!list && setString(() => list[field.index], (v) => (list[field.index] = v));
    }
    case 'body': {
      const node = bodyNodeAt(pkg.plan.body, field.indexes);
      return !!node && editRuns(node.text, offset, from, to);
    }
    case 'cell': {
      let row: AppendixRow | undefined = pkg.appendix.groups[field.group]?.rows[field.row];
      for (const c of field.sub ?? []) row = row?.children?.[c];
      if (!row) return false;
      const value = row.cells[field.key];
      return typeof value === 'string' && setString(() => value, (v) => (row.cells[field.key] = v));
    }
    case 'group': {
      const group = pkg.appendix.groups[field.group];
      return !!group && setString(() => group.title, (v) => (group.title = v));
    }
    case 'appendix': {
      const a = pkg.appendix;
      if (field.part === 'caption') {
        const col = a.columns[field.column];
        return !!col && setString(() => col.caption, (v) => (col.caption = v));
      }
      if (field.part === 'label') return setString(() => a.label, (v) => (a.label = v));
      return setString(() => a.title, (v) => (a.title = v));
    }
  }
}
