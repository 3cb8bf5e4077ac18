/**
 * Wording and structure slips a careful reader marks, beyond the decree's tables. Numbering itself is
 * derived by the program and cannot be wrong (the seed's two items `8.` in part II are gone), but the
 * levels are data:
 *
 * - `body.nesting` (warning): a node whose children are at its own level is printed `1.` followed by
 *   `1.`, `2.` … under it. The sample's `III. 1. Cải cách thể chế` holds items 1–5 (the seed restarts
 *   at 1 there); the decree's order is `I.` → `1.` → `a)` → `-` → `+`. Fix: move them one level down.
 * - `text.repeated-word` (info): a function word written twice (`của của tỉnh` in the sample's part IV)
 *   or a two-word phrase repeated (`cải cách cải cách hành chính` in the tuyên truyền plan). Doubled
 *   content words are left alone: Vietnamese has real ones (`giao thông thông minh`, `dần dần`).
 * - `text.quotes` (info): unbalanced quotation marks or brackets: the sample's `… kỹ năng số cơ bản.”`
 *   (part III 6.d) and task 33's `Dự án “Đầu tư thiết bị, …` never close or open. No fix: where the
 *   quotation starts is for the drafter to see.
 * - `text.end` (info): a paragraph of the body without its closing mark: `.`, or `:` before the points
 *   listed under it (the sample's part II item 4, points III 6.b and 6.d). Table cells are not read:
 *   cells commonly have no final mark.
 * - `text.closing` (info): the text ends with `./.` (the Decision's last article, the Plan's last line).
 */
import type { BodyKind, BodyNode } from '../model/types';
import type { Ctx, Place } from './context';
import { PROSE, spanAt, spanFix } from './context';
import { PLAN } from './types';

const FUNCTION_WORDS = new Set([
  'của', 'và', 'các', 'những', 'trong', 'cho', 'với', 'để', 'được', 'là', 'theo', 'tại', 'về', 'có', 'đã', 'sẽ', 'này',
  'một', 'thì', 'từ', 'trên', 'đến', 'hoặc', 'như', 'bị', 'do', 'nhằm', 'vào', 'ra', 'mà', 'nhưng', 'khi', 'việc',
]);
const WORD = /\p{L}+/gu;

const LEVEL: Partial<Record<BodyKind, number>> = { part: 0, item: 1, point: 2, dash: 3, plus: 4 };
const KIND_AT: BodyKind[] = ['part', 'item', 'point', 'dash', 'plus'];
/** How each level is numbered in print, for the before/after preview of a level change. */
const MARKER: Record<BodyKind, string> = { part: 'I.', item: '1.', point: 'a)', dash: '-', plus: '+', paragraph: '' };

/** Adjacent words compared in one pass (a back-reference regex is far slower on a 2,000-row table). */
function repeated(ctx: Ctx, place: Place): void {
  const text = place.text;
  const words: Array<{ w: string; at: number }> = [];
  const report = (start: number, first: string, second: string) => {
    const cut = start + first.length;
    const found = text.slice(start, cut + 1 + second.length);
    ctx.add('text.repeated-word', 'info', place.path, { found }, {
      ...spanAt(text, start, start + found.length),
      fix: spanFix(place, cut, cut + 1 + second.length, '', 'dropRepeat'),
    });
  };
  const spaced = (a: { w: string; at: number }, b: { w: string; at: number }) => b.at === a.at + a.w.length + 1 && text[a.at + a.w.length] === ' ';
  for (const m of text.matchAll(WORD)) {
    const cur = { w: m[0], at: m.index! };
    const n = words.push(cur);
    const prev = words[n - 2];
    if (prev && spaced(prev, cur) && prev.w.toLowerCase() === cur.w.toLowerCase() && FUNCTION_WORDS.has(cur.w.toLowerCase())) {
      report(prev.at, prev.w, cur.w);
      continue;
    }
    // `cải cách cải cách`: the two words before equal the last two.
    if (n >= 4) {
      const [a, b, c] = [words[n - 4], words[n - 3], words[n - 2]];
      if (a.w.length >= 2 && b.w.length >= 2 && a.w === c.w && b.w === cur.w && spaced(a, b) && spaced(b, c) && spaced(c, cur)) {
        report(a.at, `${a.w} ${b.w}`, `${c.w} ${cur.w}`);
      }
    }
  }
}

function balance(ctx: Ctx, place: Place): void {
  const text = place.text;
  const count = (ch: string) => text.split(ch).length - 1;
  const pairs: Array<[string, string]> = [['“', '”'], ['(', ')']];
  for (const [open, close] of pairs) {
    const o = count(open);
    const c = count(close);
    if (o === c) continue;
    const [present, missing] = o > c ? [open, close] : [close, open];
    const at = o > c ? text.lastIndexOf(open) : text.indexOf(close);
    ctx.add('text.quotes', 'info', place.path, { present, missing }, { ...spanAt(text, at, at + 1) });
  }
  if (count('"') % 2 === 1) {
    const at = text.indexOf('"');
    ctx.add('text.quotes', 'info', place.path, { present: '"', missing: '"' }, { ...spanAt(text, at, at + 1) });
  }
}

const MARKED = /[.:;!?…]["”')»]*$/u;
const marked = (node: BodyNode) => MARKED.test(node.text.map((r) => r.text).join('').replace(/\s+$/u, ''));

/**
 * A paragraph without its closing mark. A line that introduces points under it is a title when written
 * so (`a) Mục tiêu`, `a) Tổ chức Cuộc thi … năm 2022` over its dashes): only reported when a sibling that
 * also introduces points ends with a mark, so the plan's own usage shows the slip (the sample's 6.b, 6.d).
 */
function endMark(ctx: Ctx, place: Place, siblings: readonly BodyNode[]): void {
  const text = place.text.replace(/\s+$/u, '');
  if (!text || MARKED.test(text)) return;
  const node = place.node!;
  const introduces = node.children.some((c) => c.kind !== 'paragraph');
  if (introduces && !siblings.some((s) => s !== node && s.children.length > 0 && marked(s))) return;
  const mark = introduces ? ':' : '.';
  ctx.add('text.end', 'info', place.path, {}, {
    ...spanAt(text, text.length - 1, text.length),
    fix: spanFix(place, text.length, text.length, mark, 'addMark', { mark }),
  });
}

function closing(ctx: Ctx, place: Place | undefined): void {
  if (!place) return;
  const text = place.text.replace(/\s+$/u, '');
  if (!text || text.endsWith('./.')) return;
  const tail = /[\s.;:,]*$/u.exec(text)![0];
  ctx.add('text.closing', 'info', place.path, {}, {
    ...spanAt(text, text.length - 1, text.length),
    fix: spanFix(place, text.length - tail.length, place.text.length, './.', 'addMark', { mark: './.' }),
  });
}

function nesting(ctx: Ctx, nodes: BodyNode[], base: string): void {
  nodes.forEach((node, i) => {
    const path = `${base}[${i}]`;
    const level = LEVEL[node.kind];
    if (level !== undefined) {
      const wrong = node.children.filter((c) => LEVEL[c.kind] !== undefined && LEVEL[c.kind]! <= level);
      if (wrong.length > 0 && level < KIND_AT.length - 1) {
        const expected = KIND_AT[level + 1];
        const kind = wrong[0].kind;
        const ids = wrong.map((c) => c.id);
        const title = node.text.map((r) => r.text).join('').slice(0, 60);
        const firstText = wrong[0].text.map((r) => r.text).join('').slice(0, 40);
        ctx.add('body.nesting', 'warning', path, {
          title,
          kindKey: `checks.level.${kind}`,
          expectedKey: `checks.level.${expected}`,
        }, {
          fix: ids.every((id) => id !== undefined)
            ? {
                key: 'demote',
                params: { expectedKey: `checks.level.${expected}` },
                ops: ids.map((id) => ({ method: 'updateBodyNode', args: [PLAN, id, { kind: expected }] })),
                preview: {
                  before: `${MARKER[kind]} ${firstText}`,
                  after: `${MARKER[expected]} ${firstText}`,
                },
              }
            : null,
        });
      }
    }
    nesting(ctx, node.children, `${path}.children`);
  });
}

export function checkText(ctx: Ctx): void {
  let lastArticle: Place | undefined;
  let lastBody: Place | undefined;
  // Each body node's siblings, for the closing-mark rule.
  const siblingsOf = new Map<BodyNode, BodyNode[]>();
  const walk = (nodes: BodyNode[]) => nodes.forEach((n) => (siblingsOf.set(n, nodes), walk(n.children)));
  walk(ctx.pkg.plan.body);
  for (const place of ctx.places) {
    if (PROSE.has(place.kind)) {
      repeated(ctx, place);
      if (/[“”()"]/u.test(place.text)) balance(ctx, place);
    }
    if (place.kind === 'body') endMark(ctx, place, siblingsOf.get(place.node!) ?? []);
    if (place.kind === 'article') lastArticle = place;
    if (place.kind === 'body' || place.kind === 'heading') lastBody = place;
  }
  closing(ctx, lastArticle);
  closing(ctx, lastBody);
  nesting(ctx, ctx.pkg.plan.body, 'plan.body');
}
