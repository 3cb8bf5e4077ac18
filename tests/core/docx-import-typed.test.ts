/**
 * DOCX import of files "typed by a person in Word" (hand-built with the `docx` library in
 * fixtures/docx-import-typed.ts): the awkward cases, and what a drafter gets from them.
 *
 * Soft line breaks inside a cell are KEPT as "\n" (a text cell holds its lines, as the exporter writes
 * them back); paragraphs inside a cell are lines too. An agency cell typed one agency per line is joined
 * back with "; " (where the splitter cuts), a line starting in lower case carrying on the name above.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export/docx';
import { importDocx, type DocxImport } from '../../electron/core/import/docx';
import { joinAgencyLines } from '../../electron/core/import/docx/appendix';
import { cellText, type BodyNode, type Mention, type PlanPackage } from '../../electron/core/model';
import { appendixOnlyDocx, tabLayoutDecisionDocx, typedDecisionDocx, typedStandalonePlanDocx } from './fixtures/docx-import-typed';
import { codedText } from '../../electron/core/model/messages';

const names = (pkg: PlanPackage, value: unknown) => (value as Mention[]).map((m) => pkg.agencies.find((a) => a.key === m.agency)?.name);
/** The body as `kind heading text` lines, indented by depth: easy to read when it fails. */
function outline(nodes: BodyNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [
    `${'  '.repeat(depth)}${n.kind}${n.heading ? '*' : ''} ${n.text.map((r) => r.text).join('')}`,
    ...outline(n.children, depth + 1),
  ]);
}

describe('a Decision + Plan + appendix typed in Word', () => {
  let r: DocxImport;
  beforeAll(async () => {
    r = await importDocx(await typedDecisionDocx(), 'QD-05-2024.docx');
  });

  it('finds all three parts', () => {
    expect(r.found).toEqual({ decision: true, body: true, appendix: true });
  });

  it('reads the header, title block, legal bases and articles', () => {
    const d = r.pkg.decision!;
    expect(r.pkg.issuer).toMatchObject({ name: 'ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI', place: 'Đồng Nai', parentBody: '' });
    // `Số: 05/QĐ-UBND`: the exporter pads numbers under 10, the model keeps the digit.
    expect([d.number, d.symbol, d.date]).toEqual(['5', 'QĐ-UBND', '2024-12-28']);
    // A summary typed as two centred paragraphs is one summary with a line break.
    expect(d.summary).toBe('Ban hành Kế hoạch cải cách hành chính nhà nước\nnăm 2025 trên địa bàn tỉnh Đồng Nai');
    expect(d.authority).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI');
    // Two bases typed in one paragraph with a soft break are two bases.
    expect(d.legalBases).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
      'Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;',
      'Căn cứ Kế hoạch số 10/KH-UBND ngày 01/3/2021 của UBND tỉnh;',
    ]);
    expect(d.proposal).toBe('Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 100/TTr-SNV ngày 20/12/2024.');
    expect(d.articles).toHaveLength(3);
    expect(d.articles[0]).toEqual([{ text: 'Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính nhà nước năm 2025 trên địa bàn tỉnh Đồng Nai.' }]);
    // The label `Điều 3.` is gone; a bold phrase inside stays bold; runs with the same look are joined.
    expect(d.articles[2]).toEqual([
      { text: 'Chánh Văn phòng UBND tỉnh, ' },
      { text: 'Giám đốc Sở Nội vụ', bold: true },
      { text: ' và các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này./.' },
    ]);
  });

  it('reads recipients (the "- " dropped, punctuation kept) and the signer, skipping "(Đã ký)"', () => {
    const d = r.pkg.decision!;
    expect(d.recipients).toEqual(['Như Điều 3;', 'Bộ Nội vụ (b/c);', 'Lưu: VT, NC.']);
    expect(d.signer).toEqual({ prefix: 'KT.', title: 'CHỦ TỊCH', deputyTitle: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' });
  });

  it('reads the Plan: summary, citation skipped (its issuer kept), year', () => {
    expect(r.pkg.plan.summary).toBe('Cải cách hành chính nhà nước năm 2025');
    expect(r.pkg.issuer.citedAs).toBe('Chủ tịch UBND tỉnh');
    expect(r.pkg.year).toBe(2025);
    expect(r.pkg.plan.issuance).toBeNull();
  });

  it("turns Word's automatic numbering (I., 1., a), -, +) into body kinds", () => {
    expect(outline(r.pkg.plan.body)).toEqual([
      'paragraph Thực hiện Nghị quyết số 76/NQ-CP của Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:',
      'part* MỤC ĐÍCH, YÊU CẦU',
      '  item* Mục đích',
      '    paragraph Nâng cao hiệu quả cải cách hành chính.',
      // Bold from the paragraph style "Muc con", not from the runs: still a heading.
      '  item* Yêu cầu',
      '    point Bám sát các mục tiêu đã đề ra.',
      '    point Bảo đảm đúng tiến độ:',
      '      dash Báo cáo hằng quý;',
      '        plus Quý I trước ngày 15/3;',
      '      dash Báo cáo năm.',
      'part* NHIỆM VỤ',
      '  item Cải cách thể chế.',
      '  item Cải cách thủ tục hành chính.',
      // An unlabelled paragraph after a plain item closes the list: it belongs to the part.
      '  paragraph Các sở, ban, ngành căn cứ Kế hoạch này để triển khai thực hiện.',
    ]);
    const requirement = r.pkg.plan.body[1].children[1];
    // The heading's bold is `heading: true`, not a flag on its runs; emphasis inside a point is kept.
    expect(r.pkg.plan.body[1].text).toEqual([{ text: 'MỤC ĐÍCH, YÊU CẦU' }]);
    expect(requirement.text).toEqual([{ text: 'Yêu cầu' }]);
    expect(requirement.children[0].text).toEqual([{ text: 'Bám sát các mục tiêu ' }, { text: 'đã đề ra', italic: true }, { text: '.' }]);
    expect(requirement.children[1].text).toEqual([{ text: 'Bảo đảm ' }, { text: 'đúng tiến độ', bold: true }, { text: ':' }]);
  });

  it('reads the appendix: captions to columns, merged cells, repeated header, split row, soft breaks', () => {
    const a = r.pkg.appendix;
    expect(a.label).toBe('PHỤ LỤC');
    expect(a.title).toBe('CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025');
    // A caption with a soft break reads as one line; an unknown caption becomes a text column.
    expect(a.columns.map((c) => [c.key, c.caption, c.kind])).toEqual([
      ['stt', 'STT', 'number'],
      ['task', 'Nội dung công việc', 'text'],
      ['lead', 'Cơ quan chủ trì', 'agencies'],
      ['cooperate', 'Cơ quan phối hợp', 'agencies'],
      ['deadline', 'Thời gian hoàn thành', 'text'],
      ['san-pham', 'Sản phẩm', 'text'],
      ['note', 'Ghi chú', 'text'],
    ]);
    // Group rows: a Roman numeral with the title spanned beside it, or `II. Title` in one spanned cell;
    // the header typed again before group III is skipped.
    expect(a.groups.map((g) => [g.title, g.rows.length])).toEqual([
      ['Cải cách thể chế', 2],
      ['Cải cách thủ tục hành chính', 1],
      ['Cải cách tổ chức bộ máy', 1],
    ]);
    const [r1, r2] = a.groups[0].rows;
    // A soft break inside a cell is kept as "\n"; so is a second paragraph in a cell.
    expect(r1.cells.task).toBe('Rà soát văn bản quy phạm pháp luật;\nbáo cáo kết quả');
    expect(a.groups[2].rows[0].cells.task).toBe('Sắp xếp tổ chức bộ máy\nKiện toàn đơn vị sự nghiệp');
    // The lead agency merged down over two rows is each row's lead.
    expect(names(r.pkg, r1.cells.lead)).toEqual(['Sở Tư pháp']);
    expect(names(r.pkg, r2.cells.lead)).toEqual(['Sở Tư pháp']);
    expect(names(r.pkg, r1.cells.cooperate)).toEqual(['Các sở, ban, ngành', 'UBND cấp huyện']);
    // One agency per line, bullets typed: two agencies.
    expect(names(r.pkg, r2.cells.cooperate)).toEqual(['Sở Nội vụ', 'Sở Tài chính']);
    expect(r2.cells).toMatchObject({ deadline: 'Trong năm 2025', 'san-pham': 'Báo cáo', note: 'Hằng quý' });
    // The row split across pages: its leftover (no STT, lower-case start) is joined to the task above.
    expect(a.groups[1].rows[0].cells.task).toBe('Công bố, công khai thủ tục hành chính trên Cổng dịch vụ công của tỉnh theo đúng quy định.');
    expect(r.warnings.map((w) => codedText(w)).some((w) => /dòng 7 .*bị ngắt trang/.test(w))).toBe(true);
    expect(r.warnings.map((w) => codedText(w)).some((w) => /tiêu đề bảng lặp lại/.test(w))).toBe(true);
  });

  it('exports and reads back to the same package (a drafter can continue from it)', async () => {
    const { buffer } = await exportDocx(r.pkg);
    const again = await importDocx(buffer, 'again.docx');
    const strip = (pkg: PlanPackage) => ({ ...pkg, appendix: { ...pkg.appendix, columns: pkg.appendix.columns.map((c) => ({ ...c, width: 0 })) } });
    expect(strip(again.pkg)).toEqual(strip(r.pkg));
    again.pkg.appendix.columns.forEach((c, i) => expect(Math.abs(c.width - r.pkg.appendix.columns[i].width)).toBeLessThanOrEqual(1));
  });
});

describe('a standalone Plan typed in Word, labels typed by hand', () => {
  let r: DocxImport;
  beforeAll(async () => {
    r = await importDocx(await typedStandalonePlanDocx(), 'KH-tuyen-truyen.docx');
  });

  it('has no Decision: the Plan carries its own number line, recipients and signer', () => {
    expect(r.found).toEqual({ decision: false, body: true, appendix: true });
    expect(r.pkg.decision).toBeNull();
    expect(r.pkg.issuer).toMatchObject({ parentBody: 'UBND TỈNH BÌNH PHƯỚC', name: 'SỞ NỘI VỤ', place: 'Bình Phước' });
    // `Số:      /KH-SNV` and `ngày      tháng 01`: an unsigned draft, number and date blank.
    expect(r.pkg.plan.issuance).toEqual({
      number: '',
      symbol: 'KH-SNV',
      date: null,
      recipients: ['UBND tỉnh (b/c);', 'Lưu: VT.'],
      signer: { prefix: 'TM.', title: 'ỦY BAN NHÂN DÂN', deputyTitle: 'CHỦ TỊCH', name: 'Trần Văn Bình' },
    });
    expect(r.pkg.plan.summary).toBe('Tuyên truyền cải cách hành chính năm 2025');
    expect(r.pkg.year).toBe(2025);
  });

  it('reads typed labels into the body tree', () => {
    expect(outline(r.pkg.plan.body)).toEqual([
      'part* MỤC ĐÍCH, YÊU CẦU',
      '  item* Mục đích',
      '    point Nâng cao nhận thức của cán bộ, công chức.',
      '    point Tạo sự đồng thuận của người dân:',
      '      dash Qua báo chí;',
      '        plus Báo in;',
      '        plus Báo điện tử.',
      '      dash Qua mạng xã hội.',
      '  item* Yêu cầu',
      '    paragraph Tuyên truyền thường xuyên, đúng trọng tâm.',
      'part* TỔ CHỨC THỰC HIỆN',
      '  item Các phòng thuộc Sở triển khai thực hiện.',
      '  item Văn phòng Sở tổng hợp, báo cáo.',
      '  paragraph Trong quá trình thực hiện, nếu có vướng mắc, báo cáo Giám đốc Sở./.',
    ]);
  });

  it('reads a two-row header, skips the (1) (2) … row, and reads rows numbered by a Word list', () => {
    const a = r.pkg.appendix;
    expect(a.title).toBe('DANH MỤC NHIỆM VỤ\nTUYÊN TRUYỀN NĂM 2025');
    expect(a.columns.map((c) => [c.key, c.caption])).toEqual([
      ['stt', 'TT'],
      ['task', 'Nhiệm vụ'],
      ['lead', 'Chủ trì'],
      ['cooperate', 'Phối hợp'],
      ['deadline', 'Thời hạn'],
    ]);
    expect(a.groups.map((g) => [g.title, g.rows.map((row) => row.cells.task)])).toEqual([
      ['Tuyên truyền', ['Tổ chức hội nghị tuyên truyền', 'Đăng tin trên Cổng thông tin điện tử']],
      ['Kiểm tra', ['Kiểm tra công tác cải cách hành chính']],
    ]);
    // STT cells numbered by Word (1, 2, 3): not "unnumbered" rows.
    expect(r.warnings).toEqual([]);
    expect(cellText(a.groups[0].rows[1].cells.cooperate, r.pkg.agencies)).toBe('');
  });
});

describe('an older Decision laid out with tabs instead of tables', () => {
  it('reads the tabbed header and closing, and articles numbered by Word (`Điều %1.`)', async () => {
    const r = await importDocx(await tabLayoutDecisionDocx(), 'QD-12.docx');
    expect(r.found).toEqual({ decision: true, body: false, appendix: true });
    const d = r.pkg.decision!;
    expect(r.pkg.issuer).toMatchObject({ name: 'ỦY BAN NHÂN DÂN\nTỈNH BÌNH DƯƠNG', place: 'Bình Dương' });
    expect([d.number, d.symbol, d.date]).toEqual(['12', 'QĐ-UBND', '2025-01-05']);
    expect(d.articles.map((a) => a.map((x) => x.text).join(''))).toEqual([
      'Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.',
      'Quyết định này có hiệu lực kể từ ngày ký.',
      'Chánh Văn phòng UBND tỉnh và Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.',
    ]);
    expect(d.recipients).toEqual(['Như Điều 3;', 'Lưu: VT.']);
    expect(d.signer).toEqual({ prefix: '', title: 'CHỦ TỊCH', deputyTitle: '', name: 'Lê Văn Cường' });
    expect(r.pkg.appendix.groups.map((g) => [g.title, g.rows.length])).toEqual([['Cải cách thể chế', 1]]);
    expect(r.pkg.year).toBe(2025);
  });
});

describe('an appendix table alone', () => {
  it('reads the table; the Decision is the blank template and says so', async () => {
    const r = await importDocx(await appendixOnlyDocx(), 'bang-nhiem-vu.docx');
    expect(r.found).toEqual({ decision: false, body: false, appendix: true });
    expect(r.pkg.appendix.groups[0].rows.map((row) => row.cells.task)).toEqual(['Rà soát quy chế làm việc', 'Tổng kết năm']);
    expect(r.pkg.appendix.title).toBe('CÁC NHIỆM VỤ NĂM 2025');
    expect(r.pkg.year).toBe(2025);
    expect(r.pkg.plan.body).toEqual([]);
    expect(r.warnings.map((w) => codedText(w)).some((w) => /Quyết định mẫu trống/.test(w))).toBe(true);
  });
});

describe('agency cells typed one per line', () => {
  it('joins lines where the splitter cuts, keeps wrapped names whole', () => {
    expect(joinAgencyLines('- Sở Nội vụ\n- Sở Tài chính')).toBe('Sở Nội vụ; Sở Tài chính');
    expect(joinAgencyLines('Sở Nội vụ;\nSở Tư pháp')).toBe('Sở Nội vụ; Sở Tư pháp');
    expect(joinAgencyLines('Các sở, ban, ngành\ntỉnh')).toBe('Các sở, ban, ngành tỉnh');
    expect(joinAgencyLines('Sở Nội vụ,\nSở Tư pháp')).toBe('Sở Nội vụ, Sở Tư pháp');
  });
});
