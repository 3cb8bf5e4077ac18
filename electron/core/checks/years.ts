/**
 * Years in the text that disagree with the plan year. A plan starts from last year's, so a `2023` left
 * in a 2024 plan is the commonest slip; but a 2024 plan rightly names 2023 when it speaks of last year
 * (`so với năm 2023`, `Chỉ số cải cách hành chính năm 2023` is assessed and published in 2024), of the
 * budget it prepares (`dự toán … năm 2025`) and of any cited document's date or period
 * (`giai đoạn 2021-2030`). So a year is only reported where the plan's own identity or wording proves it:
 *
 * - `years.title`: the summaries of the Decision and of the Plan, the appendix title and Article 1
 *   (`Ban hành kèm theo Quyết định này Kế hoạch … năm N`) name the plan's year; any other single year
 *   there (not `đến năm 2030`) is wrong. Warning, fix puts the plan year in.
 * - `years.outlier`: the same wording repeated with the plan year at least twice and once with another
 *   year. The sample's part VII gives each department the point `… nâng cao Chỉ số cải cách hành chính
 *   (Par Index) của tỉnh năm 2024 tại lĩnh vực …`, and only Sở Tư pháp's says `năm 2023` (3.b): a
 *   leftover. The wording is the seven words before `năm`, so `Chỉ số cải cách hành chính năm 2023 của
 *   các cơ quan …` (last year's index, rightly 2023) is not compared with `công tác cải cách hành chính
 *   năm 2024`. Warning, fix.
 * - Deadlines in the text, by their role: see `textDeadlines`. Deadlines of the appendix are the rows' rule.
 */
import type { Ctx, Place } from './context';
import { spanAt, fold, isoOf, spanFix } from './context';
import { shortDate } from '../model/dates';
import type { PlanPackage } from '../model/types';
import { fromRoman } from '../model/numbering';
import { planPeriod as statedPeriod } from '../model/rows';

const YEAR_WORD = /(?<![\p{L}])(năm|Năm|NĂM) (\d{4})(?![\d])(?!\s*[-–]\s*\d{4})/gu;

function identityPlaces(ctx: Ctx): Place[] {
  return ctx.places.filter(
    (p) =>
      (p.kind === 'summary' || p.kind === 'appendixTitle' || (p.kind === 'article' && p.path === 'decision.articles[0]' && /^\s*Ban hành/u.test(p.text))),
  );
}

export function checkYears(ctx: Ctx): void {
  const year = ctx.pkg.year;
  const planYear = String(year);
  // A plan stated over a period (v2 `period`, 2021–2030): each of its years is one of the plan's own (a milestone
  // `năm 2025`). A one-year plan that only names a programme's period in its titles keeps the one-year rule.
  const period = statedPeriod(ctx.pkg);
  const ofThePlan = (y: string) => y === planYear || (Number(y) >= period.from && Number(y) <= period.to);

  for (const place of identityPlaces(ctx)) {
    for (const m of place.text.matchAll(YEAR_WORD)) {
      if (ofThePlan(m[2])) continue;
      const before = fold(place.text.slice(Math.max(0, m.index! - 12), m.index!));
      if (/(den|toi|tam nhin|giai doan)\s*$/.test(before)) continue;
      const at = m.index! + m[1].length + 1;
      ctx.add('years.title', 'warning', place.path, { found: m[0], year }, {
        ...spanAt(place.text, m.index!, at + 4),
        fix: spanFix(place, at, at + 4, planYear, 'year', { from: m[2], to: year }),
      });
    }
  }

  // Repeated wording with one odd year.
  type Hit = { place: Place; at: number; found: string; start: number };
  const byWording = new Map<string, Map<string, Hit[]>>();
  for (const place of ctx.places) {
    // Article 1 names the plan's year and is the title rule's; here the body and the tasks.
    if (place.kind !== 'body' && place.kind !== 'cell') continue;
    if (place.column && place.column.role !== 'task') continue;
    const text = place.text;
    if (!/\d{4}/.test(text)) continue;
    for (const m of text.matchAll(YEAR_WORD)) {
      const start = m.index!;
      const head = fold(text.slice(Math.max(0, start - 90), start));
      if (/thang \d{1,2}\s*$/.test(head)) continue; // `ngày … tháng … năm 2023`: a date
      const words = head.match(/[a-z0-9]+/g) ?? [];
      if (words.length < 6) continue;
      const key = words.slice(-7).join(' ');
      let years = byWording.get(key);
      if (!years) byWording.set(key, (years = new Map()));
      const list = years.get(m[2]) ?? [];
      list.push({ place, at: start + m[1].length + 1, found: m[0], start });
      years.set(m[2], list);
    }
  }
  for (const [, years] of byWording) {
    const same = years.get(planYear)?.length ?? 0;
    if (same < 2) continue;
    for (const [other, hits] of years) {
      if (ofThePlan(other) || hits.length !== 1) continue;
      const h = hits[0];
      ctx.add('years.outlier', 'warning', h.place.path, { found: h.found, count: same, year, other }, {
        ...spanAt(h.place.text, h.start, h.start + h.found.length),
        fix: spanFix(h.place, h.at, h.at + 4, planYear, 'year', { from: other, to: year }),
      });
    }
  }

  textDeadlines(ctx);
}

/**
 * Words that make a date a deadline: `trước ngày`, `chậm nhất`, `hạn chót`, `hoàn thành trong/trước`;
 * `đến hết` only after `hoàn thành` (alone it is a baseline: `tính đến hết ngày 31/5/2020`), and `trong
 * quý …` only after `hoàn thành` (alone it dates past events as often: `Trong tháng 6/2023, tỉnh đã …`).
 */
const DEADLINE = /(?<![\p{L}])(?:[Tt]rước|[Cc]hậm nhất(?: là| vào)?|[Hh]ạn chót|[Hh]oàn thành(?: trong| trước| đến hết| xong trước)?)(?: ngày)? (?:(\d{1,2})\/(\d{1,2})\/(\d{4})|(quý|Quý) ([IV]+)\/(\d{4})|(tháng|Tháng) (\d{1,2})\/(\d{4}))/gu;
/**
 * Right before the deadline words, what turns the date into a baseline (`tính đến`, `so với`, `kể từ`),
 * a qualifier of past events (`các văn bản ban hành trước ngày 01/7/2022`, `hồ sơ tiếp nhận trước …`), or
 * history (`đã hoàn thành trước ngày …`, a result, not a task): folded, the clause's end.
 */
const NOT_A_DEADLINE = /(?:\b(?:tinh|so voi|ke tu|tu|nam truoc|ban hanh|hieu luc|phat sinh|thanh lap|xay ra|tiep nhan)\s*$|\bda\s+(?:\S+\s+){0,2}$)/u;

/**
 * Deadlines written in the text, by their role (the appendix's deadline column is the rows' rule):
 * - `years.past-deadline`: the deadline ends before the plan's period starts and before the document is
 *   signed: a deadline of last year left in the text. Fix: the plan year in place of the year.
 * - `dates.before-issue`: the deadline falls in the plan's period but before the document's own date
 *   (`trước ngày 10/01/2024` in a Decision of 15/01/2024): the year is right, the day cannot be met. No fix:
 *   the right day is the drafter's to choose.
 * Baselines and history are not deadlines (`NOT_A_DEADLINE`), nor are citations (no deadline words).
 */
function textDeadlines(ctx: Ctx): void {
  const year = ctx.pkg.year;
  const period = planPeriod(ctx.pkg);
  const issuedOn = issueDate(ctx.pkg);
  for (const place of ctx.places) {
    if (place.kind !== 'body' && place.kind !== 'article' && !(place.kind === 'cell' && place.column?.role === 'task')) continue;
    if (!/\/\d{4}/.test(place.text)) continue;
    for (const m of place.text.matchAll(DEADLINE)) {
      let end: string | null = null;
      let y = '';
      if (m[1]) {
        end = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
        y = m[3];
      } else if (m[4]) {
        const q = fromRoman(m[5]);
        if (!q || q > 4) continue;
        end = isoOf(new Date(Date.UTC(Number(m[6]), q * 3, 0)).getUTCDate(), q * 3, Number(m[6]));
        y = m[6];
      } else {
        const mo = Number(m[8]);
        if (mo < 1 || mo > 12) continue;
        end = isoOf(new Date(Date.UTC(Number(m[9]), mo, 0)).getUTCDate(), mo, Number(m[9]));
        y = m[9];
      }
      if (!end) continue;
      const clause = place.text.slice(0, m.index!).split(/[;.:]/).pop() ?? '';
      if (NOT_A_DEADLINE.test(fold(clause.slice(-40)))) continue;
      // `Trước ngày 30/6/2023, tỉnh đã ban hành …`: what follows in the clause tells history too.
      const rest = place.text.slice(m.index! + m[0].length).split(/[;.]/)[0];
      if (/(?<![\p{L}])(?:đã|được)\s/u.test(rest.slice(0, 60)) && !/hoàn thành|chậm nhất|hạn chót/iu.test(m[0])) continue;
      const span = spanAt(place.text, m.index!, m.index! + m[0].length);
      const beforePeriod = end < `${period.start}-01-01`;
      // Unsigned, the plan is taken as issued in December before its period (a preparation task due
      // then is not a leftover).
      if (beforePeriod && end < (issuedOn ?? `${period.start - 1}-12-01`)) {
        const yearAt = m.index! + m[0].lastIndexOf(y);
        ctx.add('years.past-deadline', 'warning', place.path, { found: m[0], year }, {
          ...span,
          fix: spanFix(place, yearAt, yearAt + 4, String(year), 'year', { from: y, to: year }),
        });
      } else if (issuedOn && end < issuedOn) {
        ctx.add('dates.before-issue', 'warning', place.path, { found: m[0], date: shortDate(issuedOn) }, { ...span });
      }
    }
  }
}

/**
 * The date the package is signed (the Decision's, else the standalone Plan's), when it can be trusted as a
 * yardstick: a date outside the plan year and the year before is itself the slip (`date.year`), and the
 * deadlines are not reported against it.
 */
export function issueDate(pkg: PlanPackage): string | null {
  const date = pkg.decision ? pkg.decision.date : (pkg.plan.issuance?.date ?? null);
  if (!date) return null;
  const y = Number(date.slice(0, 4));
  return y === pkg.year || y === pkg.year - 1 ? date : null;
}

/**
 * The years the plan covers: `giai đoạn 2021-2030` in a summary or the appendix title makes a ten-year
 * plan, whose deadlines run to 2030; otherwise the plan year alone.
 */
export function planPeriod(pkg: PlanPackage): { start: number; end: number } {
  // The period the plan states (exchange v2, `period`) first; else a "giai đoạn 2021-2030" its titles name.
  const stated = statedPeriod(pkg);
  if (stated.from !== stated.to) return { start: stated.from, end: stated.to };
  const texts = [pkg.decision?.summary ?? '', pkg.plan.summary, pkg.appendix.title];
  for (const t of texts) {
    const m = /(?:giai đoạn|GIAI ĐOẠN)\s*(\d{4})\s*[-–]\s*(\d{4})/u.exec(t);
    if (m && Number(m[1]) <= pkg.year && Number(m[2]) >= pkg.year) return { start: Number(m[1]), end: Number(m[2]) };
  }
  return { start: pkg.year, end: pkg.year };
}
