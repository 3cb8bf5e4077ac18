/** Model v2 helpers: body numbering styles, row labels and printed lines of row trees, recipients, period, blanks. */
import { describe, expect, it } from 'vitest';
import {
  BODY_NUMBERING_PRESETS, bodyLabels, citation, documentNumber, nd30DateWords, numberingPreset, planPeriod, periodWords,
  recipientLines, recipientTree, rowLabels, rowLines, rowSpans, shortDate, type BodyNode,
} from '../../electron/core/model';
import { frameworkPackage } from './fixtures/framework';
import { samplePackage } from './fixtures/packages';

const node = (kind: BodyNode['kind'], children: BodyNode[] = []): BodyNode => ({ kind, heading: false, text: [{ text: kind }], children });

describe('body numbering styles', () => {
  const body = [node('part', [node('item', [node('point', [node('dash')]), node('point')]), node('paragraph'), node('item')]), node('part')];
  const labels = (numbering?: Parameters<typeof bodyLabels>[1]): string[] => {
    const map = bodyLabels(body, numbering);
    const out: string[] = [];
    const walk = (nodes: BodyNode[]): void => nodes.forEach((n) => { out.push(map.get(n)!); walk(n.children); });
    walk(body);
    return out;
  };
  it('ND30 by default: I., 1., a), -, +', () => {
    expect(labels()).toEqual(['I.', '1.', 'a)', '-', 'b)', '', '2.', 'II.']);
    expect(numberingPreset(undefined)).toBe('nd30');
  });
  it('decimal: 1., 1.1., 1.1.1.', () => {
    expect(labels(BODY_NUMBERING_PRESETS.decimal)).toEqual(['1.', '1.1.', '1.1.1.', '-', '1.1.2.', '', '1.2.', '2.']);
    expect(numberingPreset(BODY_NUMBERING_PRESETS.decimal)).toBe('decimal');
  });
  it('Roman parts over a decimal outline, and none', () => {
    expect(labels(BODY_NUMBERING_PRESETS['roman-decimal'])).toEqual(['I.', '1.', '1.1.', '-', '1.2.', '', '2.', 'II.']);
    expect(labels(BODY_NUMBERING_PRESETS.none).every((l) => l === '')).toBe(true);
  });
});

describe('appendix row trees', () => {
  it('v1 rows keep their continuous numbers', () => {
    const pkg = samplePackage();
    const labels = rowLabels(pkg.appendix);
    const flat = pkg.appendix.groups.flatMap((g) => g.rows.map((r) => labels.get(r)));
    expect(flat).toEqual(flat.map((_, i) => String(i + 1)));
    const lines = rowLines(pkg.appendix).flat();
    expect(lines).toHaveLength(flat.length);
    expect(lines.every((l) => l.cells.every((c) => c.merge === null) && !l.continues)).toBe(true);
  });

  it('numbering styles: per group, start at N, none, hierarchical', () => {
    const pkg = samplePackage();
    const first = (style: NonNullable<typeof pkg.appendix.numbering>): string[] => {
      const labels = rowLabels({ ...pkg.appendix, numbering: style });
      return pkg.appendix.groups.map((g) => labels.get(g.rows[0])!);
    };
    expect(first({ style: 'per-group' })).toEqual(pkg.appendix.groups.map(() => '1'));
    expect(first({ style: 'continuous', start: 5 })[1]).toBe(String(5 + pkg.appendix.groups[0].rows.length));
    expect(first({ style: 'none' })).toEqual(pkg.appendix.groups.map(() => ''));
    expect(first({ style: 'hierarchical' })).toEqual(pkg.appendix.groups.map((_, g) => `${g + 1}.1`));
  });

  it('an objective spans its tasks and activities: merged cells, one line per activity', () => {
    const pkg = frameworkPackage(2, 3);
    const [lines] = rowLines(pkg.appendix);
    expect(lines).toHaveLength(2 * 2 * 3);
    expect(rowSpans(pkg.appendix.groups[0].rows[0], pkg.appendix.columns)).toBe(true);
    const objective = lines.map((l) => l.cells[1]);
    expect(objective[0]).toMatchObject({ merge: 'restart', span: 6 });
    expect(objective.slice(1, 6).every((c) => c.merge === 'continue')).toBe(true);
    expect(objective[6]).toMatchObject({ merge: 'restart', span: 6, value: expect.stringContaining('Mục tiêu 2') });
    const task = lines.map((l) => l.cells[2]);
    expect(task[0]).toMatchObject({ merge: 'restart', span: 3 });
    expect(task[3]).toMatchObject({ merge: 'restart', value: expect.stringContaining('Nhiệm vụ 1.2') });
    // Every line has its activity and deadline; STT shows the activity's hierarchical label.
    expect(lines.every((l) => typeof l.cells[3].value === 'string' && typeof l.cells[7].value === 'string')).toBe(true);
    expect(lines.map((l) => l.label).slice(0, 4)).toEqual(['1.1.1', '1.1.2', '1.1.3', '1.2.1']);
    expect(lines.every((l) => l.continues)).toBe(true);
  });

  it('sub-numbered tasks (same column) print the parent on its own line: 1, 1.1, 1.2, 2', () => {
    const pkg = samplePackage();
    const g = pkg.appendix.groups[0];
    g.rows = [
      { cells: { task: 'Nhiệm vụ 1' }, children: [{ cells: { task: 'Việc 1.1', deadline: 'Quý I' } }, { cells: { task: 'Việc 1.2', deadline: 'Quý II' } }] },
      { cells: { task: 'Nhiệm vụ 2', deadline: 'Quý III' } },
    ];
    pkg.appendix.groups = [g];
    const [lines] = rowLines(pkg.appendix);
    expect(lines.map((l) => l.label)).toEqual(['1', '1.1', '1.2', '2']);
    expect(lines.map((l) => l.depth)).toEqual([0, 1, 1, 0]);
    expect(lines.every((l) => l.cells.every((c) => c.merge === null))).toBe(true);
  });
});

describe('recipients, period, blanks', () => {
  it('recipient sub-items: + lines under the line above', () => {
    const lines = ['Như Điều 3;', 'VP UBND tỉnh:', '+ LĐVP, các phòng, đơn vị;', '+ Lưu: VT, NC.'];
    const tree = recipientTree(lines);
    expect(tree).toEqual([
      { text: 'Như Điều 3;', items: [] },
      { text: 'VP UBND tỉnh:', items: ['LĐVP, các phòng, đơn vị;', 'Lưu: VT, NC.'] },
    ]);
    expect(recipientLines(tree)).toEqual(lines);
  });
  it('a period plan and a one-year plan', () => {
    expect(planPeriod({ year: 2024 })).toEqual({ from: 2024, to: 2024 });
    expect(planPeriod({ year: 2021, period: { from: 2021, to: 2030 } })).toEqual({ from: 2021, to: 2030 });
    expect(periodWords({ year: 2021, period: { from: 2021, to: 2030 } })).toBe('giai đoạn 2021 - 2030');
  });
  it('one blank style for unsigned, "…" for unknown', () => {
    expect(documentNumber('', 'QĐ-UBND')).toBe('Số:        /QĐ-UBND');
    expect(documentNumber('', 'QĐ-UBND', true)).toBe('Số: …/QĐ-UBND');
    expect(nd30DateWords(null, 2024)).toBe('ngày      tháng      năm 2024');
    expect(shortDate(null, 2024)).toBe('      /      /2024');
    expect(shortDate(null, 2024, true)).toBe('…/…/…');
    expect(citation('Kế hoạch', { number: '', symbol: 'KH-UBND', date: null }, 2024)).toBe('Kế hoạch số        /KH-UBND ngày       /      /2024');
    expect(citation('Quyết định', { number: '2142', symbol: 'QĐ-UBND', date: '2023-12-09' }, 2024)).toBe('Quyết định số 2142/QĐ-UBND ngày 09/12/2023');
  });
});
