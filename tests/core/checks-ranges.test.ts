/**
 * A finding about certain words carries their `range` in the plain text of its place, so the panel can
 * select them: the range sliced out of the place's text (the field, list item, cell or joined runs the
 * checker read) gives exactly those words.
 */
import { describe, expect, it } from 'vitest';
import { loadSamplePackage } from '../../electron/core/sample';
import type { PlanPackage } from '../../electron/core/model';
import { checkPlan, type Finding } from '../../electron/core/checks';
import { collectPlaces } from '../../electron/core/checks/context';

const sample = loadSamplePackage();
const baseline = new Set(checkPlan(sample).map((f) => `${f.rule} ${f.path}`));
const LAST = 'plan.body[8].children[11]';

/** The sample with its closing paragraph (or more) changed, checked: the new findings and the place texts. */
function changed(change: (p: PlanPackage) => void): { findings: Finding[]; text: (path: string) => string } {
  const p = structuredClone(sample);
  change(p);
  const places = new Map(collectPlaces(p).map((x) => [x.path, x.text]));
  return {
    findings: checkPlan(p).filter((f) => !baseline.has(`${f.rule} ${f.path}`)),
    text: (path) => {
      const t = places.get(path);
      if (t === undefined) throw new Error(`no place ${path}`);
      return t;
    },
  };
}
const closing = (text: string) => (p: PlanPackage) => {
  p.plan.body[8].children[11].text = [{ text: text + './.' }];
};
/** Each finding as `rule: words its range selects`. */
function words(c: ReturnType<typeof changed>): string[] {
  return c.findings.map((f) => `${f.rule}: ${f.range ? c.text(f.path).slice(f.range.start, f.range.end) : '(none)'}`);
}

describe('finding ranges', () => {
  it('select the capitals slip, in a paragraph of several runs too', () => {
    const c = changed((p) => {
      p.plan.body[8].children[11].text = [{ text: 'Thực hiện theo ' }, { text: 'điều 5', bold: true }, { text: ' và theo Khoản 2 Điều 3 của Luật./.' }];
    });
    expect(words(c)).toEqual(['capitals.article: điều 5', 'capitals.article: Khoản 2']);
    expect(c.findings.every((f) => f.path === LAST)).toBe(true);
  });

  it('select the date written without its zero, the invalid date and the citation whose years disagree', () => {
    expect(words(changed(closing('Chỉ thị số 23/CT-TTg ngày 2/9/2021 và Kế hoạch số 5/KH-UBND ngày 31/02/2023'))).sort()).toEqual([
      'dates.invalid: 31/02/2023',
      'dates.leading-zero: 2/9/2021',
    ]);
    const c = changed(closing('Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2019 của Chính phủ'));
    expect(words(c)).toEqual(['citations.number-year: 61/2018/NĐ-CP ngày 23/4/2019']);
  });

  it('select the year left from last year in a summary, and an abbreviation used before its full form', () => {
    const c = changed((p) => {
      p.plan.summary = p.plan.summary.replace('2024', '2023');
      p.plan.body[0].text = [{ text: 'Căn cứ các văn bản của UBND tỉnh.' }];
    });
    expect(words(c).sort()).toEqual(['abbreviations.before-definition: UBND', 'years.title: năm 2023']);
  });

  it('select the repeated words and the missing `số`', () => {
    expect(words(changed(closing('Tiếp tục cải cách cải cách hành chính theo Nghị quyết 76/NQ-CP của Chính phủ'))).sort()).toEqual([
      'citations.so: Nghị quyết 76/NQ-CP',
      'text.repeated-word: cải cách cải cách',
    ]);
  });

  it('every range of the sample lies inside its place and selects some text', () => {
    const places = new Map(collectPlaces(sample).map((x) => [x.path, x.text]));
    const ranged = checkPlan(sample).filter((f) => f.range);
    expect(ranged.length).toBeGreaterThan(0);
    for (const f of ranged) {
      const text = places.get(f.path)!;
      expect(f.range!.end, f.rule).toBeLessThanOrEqual(text.length);
      expect(text.slice(f.range!.start, f.range!.end).trim(), f.rule).not.toBe('');
    }
  });
});
