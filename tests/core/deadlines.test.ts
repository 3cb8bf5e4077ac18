import { describe, expect, it } from 'vitest';
import { readDeadline, type DeadlineReading } from '../../electron/core/deadlines';

type Expected = Partial<DeadlineReading> & Pick<DeadlineReading, 'kind'>;

function expectReading(text: string, expected: Expected, planYear = 2024): void {
  const got = readDeadline(text, planYear);
  expect(got.kind, text).toBe(expected.kind);
  expect(got.start, `${text}: start`).toBe(expected.start);
  expect(got.end, `${text}: end`).toBe(expected.end);
  if (expected.label !== undefined) expect(got.label, `${text}: label`).toBe(expected.label);
  if (expected.every !== undefined) expect(got.every, `${text}: every`).toEqual(expected.every);
  if (expected.condition !== undefined) expect(got.condition, `${text}: condition`).toBe(expected.condition);
}

const YEAR_2024 = { start: '2024-01-01', end: '2024-12-31' };

describe('readDeadline: every wording of the 2024 Bình Phước appendix (seed 001)', () => {
  // Copied from the appendix's "Thời gian hoàn thành" column, as written.
  const cases: Array<[string, Expected]> = [
    ['Trong năm 2024', { kind: 'period', ...YEAR_2024, label: 'Năm 2024' }],
    ['Thường xuyên trong năm', { kind: 'ongoing', ...YEAR_2024, label: 'Thường xuyên trong năm 2024' }],
    ['Thường xuyên hàng tháng', { kind: 'recurring', every: ['month'], label: 'Hàng tháng' }],
    ['Trong năm quý I/2024', { kind: 'period', start: '2024-01-01', end: '2024-03-31', label: 'Quý I/2024' }],
    [
      'Trong năm 2024 (sau khi có văn bản hướng dẫn, triển khai của Bộ Nội vụ).',
      { kind: 'period', ...YEAR_2024, label: 'Năm 2024', condition: 'sau khi có văn bản hướng dẫn, triển khai của Bộ Nội vụ' },
    ],
    ['Thường xuyên', { kind: 'ongoing', label: 'Thường xuyên' }],
    ['Tháng 12/2024', { kind: 'period', start: '2024-12-01', end: '2024-12-31', label: 'Tháng 12/2024' }],
    ['Quý IV/2024', { kind: 'period', start: '2024-10-01', end: '2024-12-31', label: 'Quý IV/2024' }],
    ['Quý I/2024', { kind: 'period', start: '2024-01-01', end: '2024-03-31', label: 'Quý I/2024' }],
    [
      'Hàng quý, 06 tháng, năm và đột xuất',
      { kind: 'recurring', every: ['quarter', 'half-year', 'year', 'ad-hoc'], label: 'Hàng quý, 6 tháng, hàng năm, đột xuất' },
    ],
    ['Định kỳ hàng quý', { kind: 'recurring', every: ['quarter'] }],
  ];
  it.each(cases)('%s', (text, expected) => expectReading(text, expected));

  it('reads deadlines in the plan body of the same seed', () => {
    expectReading('trước ngày 15/01/2024', { kind: 'period', end: '2024-01-15', label: 'Trước ngày 15/01/2024' });
    expectReading('định kỳ hàng quý, 06 tháng và năm', { kind: 'recurring', every: ['quarter', 'half-year', 'year'] });
    expectReading('định kỳ và đột xuất', { kind: 'recurring', every: ['ad-hoc'], label: 'Định kỳ, đột xuất' });
    expectReading('hàng năm', { kind: 'recurring', every: ['year'] });
    expectReading('giai đoạn 2022 - 2025', { kind: 'period', start: '2022-01-01', end: '2025-12-31' });
    expectReading('giai đoạn 2021 - 2030', { kind: 'period', start: '2021-01-01', end: '2030-12-31' });
  });
});

describe('readDeadline: OCR text without diacritics (seeds 002 Bắc Giang, 003 tuyên truyền)', () => {
  // As the OCR wrote them: Đ read as P or B, ă as i or d, ư as d.
  const cases: Array<[string, Expected, number]> = [
    ['Dén nam 2025', { kind: 'period', end: '2025-12-31', label: 'Đến năm 2025' }, 2021],
    ['Pén nam 2030', { kind: 'period', end: '2030-12-31', label: 'Đến năm 2030' }, 2021],
    ['Pén nim 2025', { kind: 'period', end: '2025-12-31' }, 2021],
    ['Dén nim 2025', { kind: 'period', end: '2025-12-31' }, 2021],
    ['giai doan 2021-2030', { kind: 'period', start: '2021-01-01', end: '2030-12-31' }, 2021],
    ['giai doan 2022 - 2025', { kind: 'period', start: '2022-01-01', end: '2025-12-31' }, 2021],
    ['doan 2021-2025', { kind: 'period', start: '2021-01-01', end: '2025-12-31' }, 2021],
    ['Nam 2021', { kind: 'period', start: '2021-01-01', end: '2021-12-31' }, 2021],
    ['nim 2022', { kind: 'period', start: '2022-01-01', end: '2022-12-31' }, 2022],
    ['ndm 2022', { kind: 'period', start: '2022-01-01', end: '2022-12-31' }, 2022],
    ['trong nam 2022', { kind: 'period', start: '2022-01-01', end: '2022-12-31' }, 2022],
    ['hang nam', { kind: 'recurring', every: ['year'] }, 2021],
    ['Hang ndm', { kind: 'recurring', every: ['year'] }, 2021],
    ['Dinh ky hang quy, sau thang va ndm', { kind: 'recurring', every: ['quarter', 'half-year', 'year'] }, 2022],
    ['dinh ky hang quy', { kind: 'recurring', every: ['quarter'] }, 2022],
    ['dinh ky hodc dot xuat', { kind: 'recurring', every: ['ad-hoc'] }, 2021],
    ['Binh ky', { kind: 'recurring', label: 'Định kỳ', every: [] }, 2022],
    ['Pinh ky', { kind: 'recurring', label: 'Định kỳ', every: [] }, 2022],
    ['Thudng xuyén', { kind: 'ongoing', label: 'Thường xuyên' }, 2021],
    ['Thuong xuyén', { kind: 'ongoing', label: 'Thường xuyên' }, 2021],
    ['Thuong xuyen', { kind: 'ongoing', label: 'Thường xuyên' }, 2021],
    ['Quy I/2022', { kind: 'period', start: '2022-01-01', end: '2022-03-31', label: 'Quý I/2022' }, 2022],
    ['Quy l/2022', { kind: 'period', start: '2022-01-01', end: '2022-03-31', label: 'Quý I/2022' }, 2022],
    ['Thang 12/2022', { kind: 'period', start: '2022-12-01', end: '2022-12-31' }, 2022],
  ];
  it.each(cases)('%s', (text, expected, year) => expectReading(text, expected, year));
});

describe('readDeadline: the wordings drafters use', () => {
  const cases: Array<[string, Expected]> = [
    ['Năm 2024', { kind: 'period', ...YEAR_2024, label: 'Năm 2024' }],
    ['Trong năm', { kind: 'period', ...YEAR_2024 }],
    ['Quý II/2024', { kind: 'period', start: '2024-04-01', end: '2024-06-30' }],
    ['Quý III/2024', { kind: 'period', start: '2024-07-01', end: '2024-09-30' }],
    ['Quý I, II/2024', { kind: 'period', start: '2024-01-01', end: '2024-06-30', label: 'Quý I, II/2024' }],
    ['Quý I - III/2024', { kind: 'period', start: '2024-01-01', end: '2024-09-30' }],
    ['Quý II năm 2024', { kind: 'period', start: '2024-04-01', end: '2024-06-30' }],
    ['Quý 3/2024', { kind: 'period', start: '2024-07-01', end: '2024-09-30' }],
    ['Quý IV', { kind: 'period', start: '2024-10-01', end: '2024-12-31', label: 'Quý IV/2024' }],
    ['Tháng 6 năm 2024', { kind: 'period', start: '2024-06-01', end: '2024-06-30', label: 'Tháng 6/2024' }],
    ['Tháng 02/2024', { kind: 'period', start: '2024-02-01', end: '2024-02-29' }],
    ['Tháng 6, 7/2024', { kind: 'period', start: '2024-06-01', end: '2024-07-31' }],
    ['Tháng 12', { kind: 'period', start: '2024-12-01', end: '2024-12-31' }],
    ['06 tháng đầu năm 2024', { kind: 'period', start: '2024-01-01', end: '2024-06-30' }],
    ['6 tháng cuối năm', { kind: 'period', start: '2024-07-01', end: '2024-12-31' }],
    ['Trước ngày 15/01/2024', { kind: 'period', end: '2024-01-15', label: 'Trước ngày 15/01/2024' }],
    ['Trước 30/6/2024', { kind: 'period', end: '2024-06-30' }],
    ['Ngày 30/6/2024', { kind: 'period', start: '2024-06-30', end: '2024-06-30' }],
    ['Trước ngày 30 tháng 6 năm 2024', { kind: 'period', end: '2024-06-30' }],
    ['Đến hết quý II/2024', { kind: 'period', end: '2024-06-30' }],
    ['Cuối năm 2024', { kind: 'period', end: '2024-12-31' }],
    ['2022-2025', { kind: 'period', start: '2022-01-01', end: '2025-12-31', label: 'Giai đoạn 2022 - 2025' }],
    ['Thường xuyên', { kind: 'ongoing' }],
    ['Thường xuyên trong năm 2024', { kind: 'ongoing', ...YEAR_2024 }],
    ['Hàng quý', { kind: 'recurring', every: ['quarter'] }],
    ['Hàng tháng', { kind: 'recurring', every: ['month'] }],
    ['Hàng quý năm 2024', { kind: 'recurring', ...YEAR_2024, every: ['quarter'] }],
    ['Đột xuất', { kind: 'recurring', every: ['ad-hoc'] }],
    ['Khi có yêu cầu', { kind: 'recurring', every: ['ad-hoc'] }],
  ];
  it.each(cases)('%s', (text, expected) => expectReading(text, expected));

  it('reads text in decomposed Unicode (NFD) like precomposed', () => {
    expect(readDeadline('Quý I/2024'.normalize('NFD'), 2024)).toEqual(readDeadline('Quý I/2024', 2024));
  });
});

describe('readDeadline: what it does not guess', () => {
  it.each(['', '   ', 'Theo tiến độ dự án', 'Tháng 13/2024', '31/02/2024', 'Số 1234', 'Quý V/2024'])(
    '%j is unknown',
    (text) => {
      const got = readDeadline(text, 2024);
      expect(got.kind).toBe('unknown');
      expect(got.start).toBeUndefined();
      expect(got.end).toBeUndefined();
    },
  );

  it('is pure: the same input gives the same reading', () => {
    expect(readDeadline('Quý I/2024', 2024)).toEqual(readDeadline('Quý I/2024', 2024));
  });
});
