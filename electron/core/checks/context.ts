/**
 * What every family of checks shares: the package, the places that hold text (with their path and a
 * way to write a corrected text back through the API), the agency directory, and `add`, which turns a
 * rule, its parameters and an optional fix into a finding in the requested language.
 */
import { groupRows, rowAt, rowLabels } from '../model/rows';
import type { BodyNode, ColumnDef, PlanPackage, RichText } from '../model/types';
import { cellText } from '../model/text';
import { PLAN, type Finding, type TextRange, type FixOp, type FixPreview, type Lang, type Severity } from './types';
import { translate, withProblemLines, type MessageValues } from '../model/messages';
import type viChecks from '../model/messages/vi/checks.json';

/** The dotted paths to the texts of a catalogue subtree: `{ number: { zeros: '…' } }` → `'number.zeros'`. */
type Leaves<T> = { [K in keyof T & string]: T[K] extends string ? K : `${K}.${Leaves<T[K]>}` }[keyof T & string];

/** A rule's id: its message is `checks.rule.<id>` in the catalogue (model/messages/{vi,en}/checks.json). */
export type RuleId = Leaves<typeof viChecks.checks.rule>;
/** A fix's label: `checks.fix.<key>` in the catalogue. */
export type FixKey = keyof typeof viChecks.checks.fix;
/**
 * The values of a message's `{{name}}` placeholders. A value named `<name>Key` holds a catalogue key whose
 * text becomes `<name>` (`whereKey: 'checks.where.appendix'` → `where`), so words are never passed as values.
 */
export type Params = MessageValues;

/** Which text a place belongs to: the Decision, or the Plan with its appendix (one text for abbreviations). */
export type Doc = 'decision' | 'plan';

/** What kind of text a place holds; rules pick the kinds they apply to. */
export type PlaceKind =
  | 'summary' // trích yếu of the Decision or of the Plan
  | 'authority'
  | 'legalBasis'
  | 'proposal'
  | 'article'
  | 'recipient'
  | 'body' // a body node that is not a heading
  | 'heading' // a heading body node (parts are headings)
  | 'appendixTitle'
  | 'groupTitle'
  | 'cell' // a text cell of the appendix (task, deadline, note …)
  | 'agencyCell'; // an agency cell, as printed from the directory

export interface Place {
  doc: Doc;
  kind: PlaceKind;
  path: string;
  text: string;
  /** The body node, for structural rules. */
  node?: BodyNode;
  /** The column of a cell. */
  column?: ColumnDef;
  /**
   * The API calls that replace `text[start, end)` with `replacement`; null when the place has no store id
   * or the span crosses formatting runs (the change would not be mechanical any more).
   */
  edit: ((start: number, end: number, replacement: string) => FixOp[] | null) | null;
}

function plainEdit(write: (text: string) => FixOp[], text: string) {
  return (start: number, end: number, replacement: string): FixOp[] => write(text.slice(0, start) + replacement + text.slice(end));
}

/** Replaces a span inside rich text when the span lies within one run (its formatting is kept). */
export function editRuns(runs: RichText, start: number, end: number, replacement: string): RichText | null {
  let at = 0;
  for (let i = 0; i < runs.length; i++) {
    const len = runs[i].text.length;
    // `end === at + len` is inside this run; a pure insertion at a run boundary goes to the earlier run.
    if (start >= at && end <= at + len) {
      const t = runs[i].text;
      const out = runs.map((r) => ({ ...r }));
      out[i].text = t.slice(0, start - at) + replacement + t.slice(end - at);
      return out;
    }
    at += len;
  }
  return null;
}

function richEdit(write: (runs: RichText) => FixOp[], runs: RichText) {
  return (start: number, end: number, replacement: string): FixOp[] | null => {
    const out = editRuns(runs, start, end, replacement);
    return out ? write(out) : null;
  };
}

const setField = (field: string) => (value: string): FixOp[] => [{ method: 'setField', args: [PLAN, field, value] }];
const updateItem = (list: string, index: number) => (value: string | RichText): FixOp[] => [
  { method: 'updateListItem', args: [PLAN, list, index, value] },
];

/** Every place of the package that holds text, in reading order (Decision first, then Plan, then appendix). */
export function collectPlaces(pkg: PlanPackage): Place[] {
  const out: Place[] = [];
  const scalar = (doc: Doc, kind: PlaceKind, field: string, text: string) =>
    out.push({ doc, kind, path: field, text, edit: plainEdit(setField(field), text) });
  const list = (doc: Doc, kind: PlaceKind, name: string, items: string[]) =>
    items.forEach((text, i) => out.push({ doc, kind, path: `${name}[${i}]`, text, edit: plainEdit(updateItem(name, i), text) }));

  const d = pkg.decision;
  if (d) {
    scalar('decision', 'summary', 'decision.summary', d.summary);
    scalar('decision', 'authority', 'decision.authority', d.authority);
    list('decision', 'legalBasis', 'decision.legalBases', d.legalBases);
    if (d.proposal) scalar('decision', 'proposal', 'decision.proposal', d.proposal);
    d.articles.forEach((runs, i) =>
      out.push({
        doc: 'decision',
        kind: 'article',
        path: `decision.articles[${i}]`,
        text: runs.map((r) => r.text).join(''),
        edit: richEdit(updateItem('decision.articles', i), runs),
      }),
    );
    list('decision', 'recipient', 'decision.recipients', d.recipients);
  }
  scalar('plan', 'summary', 'plan.summary', pkg.plan.summary);
  const walk = (nodes: BodyNode[], base: string) =>
    nodes.forEach((node, i) => {
      const path = `${base}[${i}]`;
      const id = node.id;
      out.push({
        doc: 'plan',
        kind: node.heading || node.kind === 'part' ? 'heading' : 'body',
        path,
        text: node.text.map((r) => r.text).join(''),
        node,
        edit: id === undefined ? null : richEdit((runs) => [{ method: 'updateBodyNode', args: [PLAN, id, { text: runs }] }], node.text),
      });
      walk(node.children, `${path}.children`);
    });
  walk(pkg.plan.body, 'plan.body');
  if (pkg.plan.issuance) list('plan', 'recipient', 'plan.issuance.recipients', pkg.plan.issuance.recipients);

  scalar('plan', 'appendixTitle', 'appendix.title', pkg.appendix.title);
  const names = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  pkg.appendix.groups.forEach((g, gi) => {
    const gid = g.id;
    out.push({
      doc: 'plan',
      kind: 'groupTitle',
      path: `appendix.groups[${gi}].title`,
      text: g.title,
      edit: gid === undefined ? null : plainEdit((t) => [{ method: 'renameGroup', args: [PLAN, gid, t] }], g.title),
    });
    // Every row of the tree (model v2 sub-rows too); a sub-row's path goes through `_rows`.
    groupRows(g, gi).forEach(({ row, path: at }) => {
      const rowPath = `appendix.groups[${gi}].rows[${at[0]}]${at.slice(1).map((i) => `._rows[${i}]`).join('')}`;
      for (const column of pkg.appendix.columns) {
        if (column.kind === 'number') continue;
        const value = row.cells[column.key];
        const path = `${rowPath}.${column.key}`;
        if (column.kind === 'agencies' || Array.isArray(value)) {
          out.push({ doc: 'plan', kind: 'agencyCell', path, text: cellText(value, names), column, edit: null });
        } else {
          const text = typeof value === 'string' ? value : '';
          const rid = row.id;
          out.push({
            doc: 'plan',
            kind: 'cell',
            path,
            text,
            column,
            edit: rid === undefined ? null : plainEdit((t) => [{ method: 'setCell', args: [PLAN, rid, column.key, t] }], text),
          });
        }
      }
    });
  });
  return out;
}

/** Prose: the places whose wording the text rules read (not the capitals-only authority line, not agency cells). */
export const PROSE: ReadonlySet<PlaceKind> = new Set<PlaceKind>(['summary', 'legalBasis', 'proposal', 'article', 'body', 'heading', 'groupTitle', 'cell']);

export class Ctx {
  readonly out: Finding[] = [];
  private placesCache: Place[] | null = null;
  readonly names: Map<string, string>;
  /** Agency directory entries another rule already reported, so a second rule does not report them again. */
  readonly reportedAgencies = new Set<number>();

  /** Abbreviations that need no spelling-out in this run: the bundled list plus the plan's own. */
  readonly knownAbbreviations: ReadonlySet<string>;

  constructor(
    readonly pkg: PlanPackage,
    private readonly lang: Lang,
    knownAbbreviations: Iterable<string> = [],
  ) {
    this.names = new Map(pkg.agencies.map((a) => [a.key, a.name]));
    this.knownAbbreviations = new Set(knownAbbreviations);
  }

  /**
   * Where a path is, for a message that points to a second place: the `where` of its values, as a code of the
   * catalogue (`checks.where.*`) and, for a numbered place, `whereNumber` (legal basis 3, task 12 of the appendix).
   */
  where(path: string): Params {
    const at = (key: keyof typeof viChecks.checks.where, whereNumber?: number): Params =>
      whereNumber === undefined ? { whereKey: `checks.where.${key}` } : { whereKey: `checks.where.${key}`, whereNumber };
    let m: RegExpExecArray | null;
    if (path.startsWith('agencies[')) return at('agencyDirectory');
    if ((m = /^decision\.legalBases\[(\d+)\]/.exec(path))) return at('legalBasis', Number(m[1]) + 1);
    if (path.startsWith('decision.recipients')) return at('decisionRecipients');
    if (path.startsWith('plan.issuance.recipients')) return at('planRecipients');
    if (path.startsWith('decision.')) return at('decision');
    if ((m = /^appendix\.groups\[(\d+)\]\.rows\[(\d+)\]((?:\._rows\[\d+\])*)/.exec(path))) {
      const g = Number(m[1]);
      const subPath = [...m[3].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]));
      // A sub-row is named by the STT the appendix prints for it (1.2.1), as the drafter sees it in the grid.
      const row = subPath.length ? rowAt(this.pkg.appendix.groups[g]?.rows ?? [], [Number(m[2]), ...subPath]) : undefined;
      const label = row ? rowLabels(this.pkg.appendix).get(row) : undefined;
      if (label) return { whereKey: 'checks.where.task', whereNumber: label };
      return at('task', this.pkg.appendix.groups.slice(0, g).reduce((sum, x) => sum + x.rows.length, 0) + Number(m[2]) + 1);
    }
    if (path.startsWith('appendix.')) return at('appendix');
    if (path.startsWith('plan.summary')) return at('planSummary');
    return at('planText');
  }

  /** The text of catalogue key `key` in this run's language; `<name>Key` values are worded first (see `Params`). */
  private say(key: string, values: Params): string {
    const tr = (k: string, v: Params) => translate(k, v, this.lang);
    return tr(key, withProblemLines(values, tr));
  }

  get places(): Place[] {
    return (this.placesCache ??= collectPlaces(this.pkg));
  }

  add(
    rule: RuleId,
    severity: Severity,
    path: string,
    params: Params = {},
    extra: { excerpt?: string; range?: TextRange; fix?: FixSpec | null } = {},
  ): void {
    const f: Finding = { rule, severity, path, message: this.say(`checks.rule.${rule}`, params) };
    if (extra.excerpt) f.excerpt = extra.excerpt;
    if (extra.range && extra.range.end >= extra.range.start) f.range = { start: extra.range.start, end: extra.range.end };
    const fix = extra.fix;
    // The one guard every fix passes: no ops, or a change that leaves the text as it is, is no fix.
    if (fix && fix.ops && fix.ops.length > 0 && !(fix.preview && fix.preview.before === fix.preview.after)) {
      f.fix = { label: this.say(`checks.fix.${fix.key}`, fix.params ?? {}), ops: fix.ops };
      if (fix.preview) f.fix.preview = fix.preview;
    }
    this.out.push(f);
  }
}

/** A fix as a rule proposes it; `Ctx.add` turns it into the finding's `fix` or drops it. */
export interface FixSpec {
  key: FixKey;
  params?: Params;
  ops: FixOp[] | null;
  preview?: FixPreview;
}

/**
 * The fix that replaces exactly `text[start, end)` of a place with `replacement`: its API calls and its
 * before/after preview (the words changed, with a little context). Null ops when the place cannot be
 * written mechanically; a replacement equal to the words it replaces gives equal sides, which `Ctx.add` drops.
 */
export function spanFix(place: Place, start: number, end: number, replacement: string, key: FixKey, params: Params = {}): FixSpec {
  const text = place.text;
  const from = Math.max(0, start - 25);
  const to = Math.min(text.length, end + 25);
  const head = (from > 0 ? '…' : '') + text.slice(from, start);
  const tail = text.slice(end, to) + (to < text.length ? '…' : '');
  const same = text.slice(start, end) === replacement;
  return {
    key,
    params,
    ops: same ? null : (place.edit?.(start, end, replacement) ?? null),
    preview: { before: (head + text.slice(start, end) + tail).replace(/\s+/g, ' '), after: (head + replacement + tail).replace(/\s+/g, ' ') },
  };
}

// ---------- small text helpers shared by the rules ----------

/**
 * The excerpt around `[start, end)` of a place's text and that stretch as the finding's `range` (the
 * words the panel selects), for `Ctx.add`'s `extra`: `{ ...spanAt(text, start, end) }`.
 */
export function spanAt(text: string, start: number, end: number, room = 40): { excerpt: string; range: TextRange } {
  return { excerpt: excerptAt(text, start, end, room), range: { start, end } };
}

/** A short excerpt around `[start, end)`, on one line. */
export function excerptAt(text: string, start: number, end: number, room = 40): string {
  const from = Math.max(0, start - room);
  const to = Math.min(text.length, end + room);
  return ((from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : '')).replace(/\s+/g, ' ');
}

/** Lower case without diacritics, one character for one character (indexes stay valid). */
export function fold(text: string): string {
  const f = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
  if (f.length === text.length) return f;
  let out = '';
  for (const ch of text) {
    const c = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

export function isAllCaps(text: string): boolean {
  return !/\p{Ll}/u.test(text) && /\p{Lu}/u.test(text);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `DD/MM/YYYY` with the decree's zeros: day under 10 and months 1 and 2 padded. */
export function nd30Short(day: number, month: number, year: number): string {
  return `${day < 10 ? '0' : ''}${day}/${month <= 2 ? '0' : ''}${month}/${year}`;
}

export function isoOf(day: number, month: number, year: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
