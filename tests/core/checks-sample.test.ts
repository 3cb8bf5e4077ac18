/**
 * The checker on the bundled 2024 Bình Phước sample: the exact list of findings. Each one is justified by
 * the seed's text (shared/seeds/ke-hoach-cchc-2024-binh-phuoc.md), so a new false positive fails here.
 */
import { describe, expect, it } from 'vitest';
import { loadSamplePackage } from '../../electron/core/sample';
import { checkPlan, countFindings, type Finding } from '../../electron/core/checks';

const EXPECTED: Array<[severity: Finding['severity'], rule: string, path: string]> = [
  // Header `ngày 09 tháng 12 năm 2023`, proposal `Tờ trình số 2696/TTr-SNV ngày 26/12/2023`: the Decision
  // cannot answer a proposal made 17 days later (the Plan's own line says the Decision is of 29/12/2023).
  ['error', 'decision.before-proposal', 'decision.date'],
  // Part II item 8: `Nghị định số 67/2021/NĐ-CP ngày 31/12/2017` — a 2021 decree dated 2017 (the date was
  // copied from Nghị định 167/2017 cited just before).
  ['error', 'citations.number-year', 'plan.body[3].children[7]'],
  // Task 9's cooperating agency `Sở Thông tin và Truyền Thông`; tasks 13–15, 30–34, 36 write `… Truyền thông`.
  ['warning', 'agencies.variants', 'agencies[10]'],
  // Task 23's lead `Trường chính trị tỉnh`; the Decision's recipients write `Trường Chính trị tỉnh`.
  ['warning', 'agencies.variants', 'agencies[15]'],
  // Part III `1. Cải cách thể chế` holds tasks numbered `1.` … `5.` again (its siblings use a), b) …).
  ['warning', 'body.nesting', 'plan.body[4].children[0]'],
  // Part VII: Sở Nội vụ 2.h, Văn phòng 4.b, Sở Tài chính 5.c, Sở KH&ĐT 6.b and Sở TT&TT 7.b raise the
  // `Chỉ số cải cách hành chính (Par Index) của tỉnh năm 2024`; only Sở Tư pháp's 3.b says `năm 2023`.
  ['warning', 'years.outlier', 'plan.body[8].children[2].children[1]'],
  // Legal basis 6: `sửa đổi, bổ sung một số Điều của Quy định …` — `điều` names no specific article.
  ['info', 'capitals.article', 'decision.legalBases[5]'],
  // Legal basis 7: `Căn cứ Quyết định 2685/QĐ-UBND ngày 18/10/2021` without `số`.
  ['info', 'citations.so', 'decision.legalBases[6]'],
  // Article 2: `Chủ tịch UBND các huyện` — the Decision never spells out UBND.
  ['info', 'abbreviations.undefined', 'decision.articles[1]'],
  // The Plan's opening line: `Quyết định 2685/QĐ-UBND ngày 18/10/2021` without `số`.
  ['info', 'citations.so', 'plan.body[0]'],
  // Part II item 4 ends `… hướng dẫn việc thực hiện` with no full stop.
  ['info', 'text.end', 'plan.body[3].children[3]'],
  // Part II item 10: `do HĐND tỉnh giao` — HĐND is never spelt out in the Plan.
  ['info', 'abbreviations.undefined', 'plan.body[3].children[10]'],
  // Part III 4.đ: `gắn với vị trí việc làm. rà soát, sửa đổi …` — a sentence starting in lower case.
  ['info', 'capitals.sentence', 'plan.body[4].children[3].children[4]'],
  // Part III 6.b and 6.d introduce dashes without `:` (their siblings c), đ), e), g) have it).
  ['info', 'text.end', 'plan.body[4].children[5].children[1]'],
  ['info', 'text.end', 'plan.body[4].children[5].children[3]'],
  // Part III 6.d: `cấp độ ATTT` — never spelt out.
  ['info', 'abbreviations.undefined', 'plan.body[4].children[5].children[3].children[1]'],
  // Part III 6.d, third dash ends `… kỹ năng số cơ bản.”` — a closing quote with no opening one.
  ['info', 'text.quotes', 'plan.body[4].children[5].children[3].children[2]'],
  // Part IV item 1: `nhiệm vụ cải cách hành chính của của tỉnh`.
  ['info', 'text.repeated-word', 'plan.body[5].children[0]'],
  // Task 1: `Luật Ban hành văn bản QPPL năm 2015` — the Plan writes `văn bản quy phạm pháp luật` in full
  // elsewhere but never `(QPPL)`.
  ['info', 'abbreviations.undefined', 'appendix.groups[0].rows[0].task'],
  // Task 31: `Thuê hạ tầng CNTT, Cloud` — CNTT never spelt out.
  ['info', 'abbreviations.undefined', 'appendix.groups[5].rows[1].task'],
  // Task 33: `trang thiết bị, CSDL, ứng dụng …` — CSDL never spelt out.
  ['info', 'abbreviations.undefined', 'appendix.groups[5].rows[3].task'],
  // Task 33: `Dự án “Đầu tư thiết bị, … giai đoạn 2022-2025` — the quotation is never closed.
  ['info', 'text.quotes', 'appendix.groups[5].rows[3].task'],
];

describe('checkPlan on the 2024 sample', () => {
  const findings = checkPlan(loadSamplePackage());

  it('reports exactly the seed’s real slips, errors first', () => {
    expect(findings.map((f) => [f.severity, f.rule, f.path])).toEqual(EXPECTED);
  });

  it('says what it does not report: no false alarm on the legitimate years, bases order, recipients or signer', () => {
    const rules = new Set(findings.map((f) => f.rule));
    // `so với năm 2023`, `Chỉ số cải cách hành chính năm 2023 của các cơ quan …`, `dự toán … năm 2025`,
    // `giai đoạn 2021-2030`: last year's results, next year's budget and cited periods are right.
    expect(rules.has('years.title')).toBe(false);
    expect(findings.filter((f) => f.rule === 'years.outlier')).toHaveLength(1);
    // Laws, then the Government's resolution, the PM's directive, the province's normative decisions, then 2685/QĐ-UBND.
    expect(rules.has('legal-bases.order')).toBe(false);
    expect([...rules].some((r) => r.startsWith('recipients.') || r.startsWith('signer.') || r.startsWith('number.'))).toBe(false);
    // Every task has a lead agency and a readable deadline in 2024.
    expect([...rules].some((r) => r.startsWith('rows.'))).toBe(false);
    // UBND and TTHC are spelt out at their first use in the Plan (`Ủy ban nhân dân (UBND)`, `thủ tục hành chính (TTHC)`).
    const undefinedAbbrs = findings.filter((f) => f.rule.startsWith('abbreviations.')).map((f) => /«(\S+)»/.exec(f.message)![1]);
    expect(undefinedAbbrs).toEqual(['UBND', 'HĐND', 'ATTT', 'QPPL', 'CNTT', 'CSDL']);
    expect(countFindings(findings)).toEqual({ error: 2, warning: 4, info: 16 });
  });

  it('writes every message in the requested language', () => {
    const en = checkPlan(loadSamplePackage(), { lang: 'en' });
    expect(en.map((f) => [f.rule, f.path])).toEqual(findings.map((f) => [f.rule, f.path]));
    for (const [i, f] of findings.entries()) {
      expect(f.message).not.toMatch(/\{\w+\}/);
      expect(en[i].message).not.toMatch(/\{\w+\}/);
      expect(en[i].message).not.toBe(f.message);
    }
    expect(findings[0].message).toBe(
      'Quyết định đề ngày 09/12/2023, sớm hơn văn bản đề nghị mà Quyết định căn cứ (Tờ trình số 2696/TTr-SNV ngày 26/12/2023).',
    );
    expect(en[0].message).toBe('The Decision is dated 09/12/2023, before the proposal it cites (Tờ trình số 2696/TTr-SNV of 26/12/2023).');
  });

  it('offers a fix only where the change is mechanical and the package has store ids', () => {
    // The bundled sample has no store ids: only directory and list fixes (which need none) are offered.
    const withFix = findings.filter((f) => f.fix).map((f) => `${f.rule} ${f.path}`);
    expect(withFix).toEqual([
      'agencies.variants agencies[10]',
      'agencies.variants agencies[15]',
      'capitals.article decision.legalBases[5]',
      'citations.so decision.legalBases[6]',
      // Never spelt out: the action is to add the name to the plan's own list (no store id needed).
      'abbreviations.undefined decision.articles[1]',
      'abbreviations.undefined plan.body[3].children[10]',
      'abbreviations.undefined plan.body[4].children[5].children[3].children[1]',
      'abbreviations.undefined appendix.groups[0].rows[0].task',
      'abbreviations.undefined appendix.groups[5].rows[1].task',
      'abbreviations.undefined appendix.groups[5].rows[3].task',
    ]);
    const merge = findings.find((f) => f.path === 'agencies[10]')!.fix!;
    expect(merge.ops).toEqual([{ method: 'mergeAgencies', args: ['$plan', 'so-thong-tin-va-truyen-thong', 'so-thong-tin-va-truyen-thong-2'] }]);
    expect(merge.label).toBe('Gộp vào «Sở Thông tin và Truyền thông»');
  });
});
