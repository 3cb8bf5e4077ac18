/**
 * The bundled sample `resources/sample/ke-hoach-cchc-2024-binh-phuoc.json`: the real Bình Phước CCHC 2024
 * package (Quyết định 2142/QĐ-UBND, its Kế hoạch and the Phụ lục task table) as an exchange file.
 * The expected strings below are copied from the source document; the JSON is the program's own data.
 *
 * Row numbers: the source numbers its appendix rows 1..47 and has one unnumbered row after row 25
 * ("25-bis"), so the program numbers 48 rows: source row n is program row n for n <= 25 and n + 1 after.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  defaultColumns,
  mentionsText,
  plainText,
  slug,
  type AppendixRow,
  type BodyNode,
  type Mention,
  type PlanPackage,
} from '../../electron/core/model';
import { loadSamplePackage } from '../../electron/core/sample';

type SampleFile = PlanPackage & { format: string; version: number };

const raw = readFileSync(new URL('../../resources/sample/ke-hoach-cchc-2024-binh-phuoc.json', import.meta.url), 'utf8');
const sample = JSON.parse(raw) as SampleFile;
// Read through the program's own loader, which validates the file and gives rows as { cells }.
const { decision, plan, appendix, agencies } = loadSamplePackage();

/** All rows in print order; index 0 is STT 1. */
const rows: AppendixRow[] = appendix.groups.flatMap((g) => g.rows);
/** The row the source numbers `n` (25.5 = the unnumbered row after 25). */
function sourceRow(n: number): AppendixRow {
  const stt = n === 25.5 ? 26 : n <= 25 ? n : n + 1;
  return rows[stt - 1];
}
const text = (row: AppendixRow, key: string): string => {
  const v = row.cells[key];
  return typeof v === 'string' ? v : mentionsText(v, agencies);
};
const mentions = (row: AppendixRow, key: string): Mention[] => row.cells[key] as Mention[];

function allNodes(nodes: readonly BodyNode[]): BodyNode[] {
  return nodes.flatMap((n) => [n, ...allNodes(n.children)]);
}

describe('sample data: Kế hoạch CCHC 2024 Bình Phước', () => {
  it('is an exchange file of version 2 without store ids', () => {
    expect(sample.format).toBe('soan-ke-hoach/plan');
    expect(sample.version).toBe(2);
    expect(sample.title).toBe('Kế hoạch CCHC năm 2024 - tỉnh Bình Phước');
    expect(sample.year).toBe(2024);
    expect(raw).not.toMatch(/"id"\s*:/);
    expect(raw.endsWith('}\n')).toBe(true);
    expect(sample.issuer).toEqual({
      parentBody: '',
      name: 'ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC',
      place: 'Bình Phước',
      citedAs: 'Ủy ban nhân dân tỉnh',
    });
  });

  it('holds only NFC text without tabs, double spaces or stray edges', () => {
    const bad: string[] = [];
    const check = (s: string, where: string, edges: boolean) => {
      if (s !== s.normalize('NFC')) bad.push(`not NFC: ${where}`);
      if (s.includes('\t')) bad.push(`tab: ${where}`);
      if (/ {2}/.test(s)) bad.push(`double space: ${where}`);
      if (/ \n|\n /.test(s)) bad.push(`space at line break: ${where}`);
      if (edges && s !== s.trim()) bad.push(`leading/trailing space: ${where} ${JSON.stringify(s)}`);
    };
    // every string value, wherever it is (run texts and mention `after`s may start or end with a space)
    const visit = (v: unknown, path: string) => {
      if (typeof v === 'string') {
        const edges = !/\.text$/.test(path) && !/\.after$/.test(path);
        check(v, path, edges);
      } else if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) visit(x, `${path}.${k}`);
    };
    visit(sample, '$');
    // composed texts: paragraphs and agency cells as printed
    allNodes(plan.body).forEach((n, i) => check(plainText(n.text), `body node ${i}`, true));
    decision!.articles.forEach((a, i) => check(plainText(a), `article ${i + 1}`, true));
    rows.forEach((r, i) => {
      check(text(r, 'lead'), `row ${i + 1} lead`, true);
      check(text(r, 'cooperate'), `row ${i + 1} cooperate`, true);
    });
    // line breaks only where the model wants them
    const withNewline: string[] = [];
    const findNewlines = (v: unknown, path: string) => {
      if (typeof v === 'string') {
        if (v.includes('\n')) withNewline.push(path);
      } else if (Array.isArray(v)) v.forEach((x, i) => findNewlines(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) findNewlines(x, `${path}.${k}`);
    };
    findNewlines(sample, '$');
    expect(bad).toEqual([]);
    expect(withNewline).toEqual(['$.issuer.name', '$.decision.summary']);
  });

  describe('decision', () => {
    it('has number, date, summary and authority', () => {
      expect(decision).not.toBeNull();
      expect(decision!.number).toBe('2142');
      expect(decision!.symbol).toBe('QĐ-UBND');
      expect(decision!.date).toBe('2023-12-09');
      expect(decision!.summary).toBe('Ban hành Kế hoạch cải cách hành chính Nhà nước năm 2024\ntrên địa bàn tỉnh Bình Phước');
      expect(decision!.authority).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH');
    });

    it('has the 7 legal bases verbatim and the proposal', () => {
      const bases = decision!.legalBases;
      expect(bases).toHaveLength(7);
      expect(bases.every((b) => b.startsWith('Căn cứ ') && b.endsWith(';'))).toBe(true);
      expect(bases[0]).toBe('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;');
      expect(bases[4]).toBe(
        'Căn cứ Quyết định số 34/2020/QĐ-UBND ngày 29/12/2020 của Ủy ban nhân dân tỉnh Quy định trách nhiệm đối với người đứng đầu cơ quan, đơn vị, địa phương trong thực hiện nhiệm vụ cải cách hành chính trên địa bàn tỉnh;',
      );
      expect(bases[6]).toBe(
        'Căn cứ Quyết định 2685/QĐ-UBND ngày 18/10/2021 của Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính Nhà nước giai đoạn 2021-2025 trên địa bàn tỉnh;',
      );
      // the real inconsistency stays: a decision of 09/12/2023 citing a proposal of 26/12/2023
      expect(decision!.proposal).toBe('Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 2696/TTr-SNV ngày 26/12/2023.');
    });

    it('has 2 articles without their labels, article 2 joined across the page break', () => {
      expect(decision!.articles).toHaveLength(2);
      expect(decision!.articles[0]).toEqual([
        { text: 'Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh Bình Phước.' },
      ]);
      expect(plainText(decision!.articles[1])).toBe(
        'Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng các sở, ban, ngành tỉnh; Chủ tịch UBND các huyện, thị xã, thành phổ; Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này kể từ ngày ký./.',
      );
      for (const a of decision!.articles) expect(plainText(a)).not.toMatch(/^Điều/);
    });

    it('has the 11 recipients without dashes and the signer', () => {
      const r = decision!.recipients;
      expect(r).toHaveLength(11);
      expect(r[0]).toBe('Vụ CCHC - Bộ Nội vụ (b/c);');
      expect(r[6]).toBe('Đài PTTH và Báo Bình Phước;');
      expect(r[8]).toBe('Trường Chính trị tỉnh;');
      expect(r[10]).toBe('Lưu: VT, (T337QĐ).');
      expect(r.some((x) => x.startsWith('-'))).toBe(false);
      expect(r.slice(0, 10).every((x) => x.endsWith(';'))).toBe(true);
      expect(decision!.signer).toEqual({ prefix: '', title: 'CHỦ TỊCH', deputyTitle: '', name: 'Trần Tuệ Hiền' });
    });
  });

  describe('plan body', () => {
    const parts = plan.body.filter((n) => n.kind === 'part');

    it('has the summary, no own issuance, two preamble paragraphs then 7 parts', () => {
      expect(plan.summary).toBe('Cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh Bình Phước');
      expect(plan.issuance).toBeNull();
      expect(plan.body.map((n) => n.kind)).toEqual(['paragraph', 'paragraph', 'part', 'part', 'part', 'part', 'part', 'part', 'part']);
      expect(plainText(plan.body[0].text)).toMatch(/^Căn cứ Nghị quyết số 76\/NQ-CP ngày 15\/7\/2021/);
      expect(plainText(plan.body[1].text)).toBe(
        'Chủ tịch Ủy ban nhân dân (UBND) tỉnh ban hành Kế hoạch cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh, như sau:',
      );
    });

    it('has the 7 part titles, part V with its unbolded remark', () => {
      expect(parts.map((p) => plainText(p.text))).toEqual([
        'MỤC ĐÍCH, YÊU CẦU',
        'MỘT SỐ CHỈ TIÊU CHỦ YẾU TRONG NĂM 2024',
        'NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
        'CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH',
        'KẾ HOẠCH CỤ THỂ TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH (có phụ lục kèm theo)',
        'KINH PHÍ THỰC HIỆN',
        'TỔ CHỨC THỰC HIỆN',
      ]);
      expect(parts.every((p) => p.heading)).toBe(true);
      expect(parts[4].text).toEqual([
        { text: 'KẾ HOẠCH CỤ THỂ TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH' },
        { text: ' (có phụ lục kèm theo)', bold: false },
      ]);
      expect(parts[4].children).toEqual([]);
    });

    it('keeps all 11 targets of part II (the source numbers 8 twice)', () => {
      const items = parts[1].children;
      expect(items).toHaveLength(11);
      expect(items.every((n) => n.kind === 'item' && !n.heading)).toBe(true);
      // the first "8." was split by a page break: one paragraph
      expect(plainText(items[7].text)).toMatch(/và các văn bản hướng dẫn thi hành\. Số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên/);
      expect(plainText(items[7].text)).toContain('Nghị định số 67/2021/NĐ-CP ngày 31/12/2017');
      expect(plainText(items[8].text)).toMatch(/^100% văn bản, hồ sơ công việc được xử lý trên môi trường điện tử \(trừ văn bản mật\)\./);
      expect(items[2].text).toEqual([
        { text: '100% các cơ quan chuyên môn thuộc UBND tỉnh (' },
        { text: 'cả Ban Quản lý Khu kinh tế', italic: true },
        {
          text: '); UBND các huyện, thị xã, thành phố; UBND các xã, phường, thị trấn được đánh giá, xếp loại Chỉ số cải cách hành chính.',
        },
      ]);
    });

    it('has the heading items of parts I, III and VII and the nested items of III.1', () => {
      const headings = (p: BodyNode) => p.children.filter((n) => n.kind === 'item' && n.heading).map((n) => plainText(n.text));
      expect(headings(parts[0])).toEqual(['Mục tiêu', 'Yêu cầu']);
      expect(headings(parts[2])).toEqual([
        'Cải cách thể chế',
        'Cải cách thủ tục hành chính',
        'Cải cách tổ chức bộ máy',
        'Cải cách chế độ công vụ',
        'Cải cách tài chính công',
        'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
      ]);
      expect(headings(parts[6])).toHaveLength(11);
      expect(headings(parts[6])[1]).toBe('Sở Nội vụ');
      expect(headings(parts[6])[10]).toBe('Đài Phát thanh, Truyền hình tỉnh và Báo Bình Phước');
      const nested = parts[2].children[0].children;
      expect(nested).toHaveLength(5);
      expect(nested.every((n) => n.kind === 'item' && !n.heading)).toBe(true);
      expect(plainText(nested[3].text)).toContain('để kịp thời kiến nghị những văn bản không phù hợp');
      // points of III.2 go a) … i): nine of them
      expect(parts[2].children[1].children.map((n) => n.kind)).toEqual(Array(9).fill('point'));
      // VII closes with the unnumbered "Căn cứ các nội dung …" paragraph
      const last = parts[6].children[parts[6].children.length - 1];
      expect(last.kind).toBe('paragraph');
      expect(plainText(last.text)).toMatch(/^Căn cứ các nội dung của Kế hoạch này, .* tỉnh\.\/\.$/);
    });

    it('joins the page-break splits, keeps emphasis and never stores labels', () => {
      const all = allNodes(plan.body);
      const texts = all.map((n) => plainText(n.text));
      for (const joined of ['không phụ thuộc vào địa giới hành chính', 'chia sẻ dữ liệu với các cơ quan bên ngoài. Bảo đảm an toàn', 'có thể rà soát sự trùng lặp', 'của UBND tỉnh ban hành Bộ tiêu chí']) {
        expect(texts.filter((t) => t.includes(joined))).toHaveLength(1);
      }
      // no paragraph starts with a lower-case word (a leftover half of a split)
      expect(texts.filter((t) => /^\p{Ll}/u.test(t))).toEqual([]);
      expect(texts.filter((t) => /^(?:[IVX]+\.|\d+\.|[a-zđ]\)|[-+])\s/.test(t))).toEqual([]);
      expect(texts.filter((t) => /[*#<>]/.test(t))).toEqual([]);
      const boldRuns = all.flatMap((n) => n.text.filter((r) => r.bold === true).map((r) => r.text));
      expect(boldRuns).toEqual(['trước ngày 15/01/2024']);
      const italicRuns = all.flatMap((n) => n.text.filter((r) => r.italic).map((r) => r.text));
      expect(italicRuns).toContain('Cloud Computing');
      expect(italicRuns.filter((t) => t === 'Par Index')).toHaveLength(8);
      expect(all.every((n) => Array.isArray(n.children))).toBe(true);
      expect(all.filter((n) => n.kind === 'plus')).toEqual([]);
      expect(all.filter((n) => n.kind === 'dash')).toHaveLength(15);
    });
  });

  describe('appendix', () => {
    it('has the label, the title and the default columns', () => {
      expect(appendix.label).toBe('PHỤ LỤC');
      expect(appendix.title).toBe('CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024');
      expect(appendix.columns).toEqual(defaultColumns());
    });

    it('has the 7 groups with their titles and 48 rows', () => {
      expect(appendix.groups.map((g) => g.title)).toEqual([
        'Cải cách thể chế',
        'Cải cách thủ tục hành chính',
        'Cải cách tổ chức bộ máy',
        'Cải cách chế độ công vụ',
        'Cải cách tài chính công',
        'Xây dựng và phát triển Chính phủ điện tử',
        'Công tác chỉ đạo điều hành và tuyên truyền cải cách hành chính',
      ]);
      expect(appendix.groups.map((g) => g.rows.length)).toEqual([5, 10, 3, 6, 5, 5, 14]);
      expect(rows).toHaveLength(48);
    });

    it('has well-formed cells and no page furniture', () => {
      for (const [i, r] of rows.entries()) {
        expect(Object.keys(r.cells).sort(), `row ${i + 1}`).toEqual(['cooperate', 'deadline', 'lead', 'note', 'task']);
        expect(typeof r.cells.task).toBe('string');
        expect((r.cells.task as string).length, `row ${i + 1} task`).toBeGreaterThan(20);
        expect(mentions(r, 'lead').length, `row ${i + 1} lead`).toBeGreaterThan(0);
        expect(mentions(r, 'cooperate').length, `row ${i + 1} cooperate`).toBeGreaterThan(0);
        expect(text(r, 'deadline'), `row ${i + 1} deadline`).not.toBe('');
        expect(r.cells.note).toBe('');
        expect(r.cells.task).not.toMatch(/Nội dung, nhiệm vụ|^STT/);
      }
    });

    it('joins source row 15 across the page break', () => {
      const r = sourceRow(15);
      expect(text(r, 'task')).toBe(
        'Tiến hành rà soát bộ thủ tục hành chính hoặc nhóm thủ tục hành chính theo thẩm quyền để lập phương án cấu trúc lại và đơn giản hóa quy trình hoặc thủ tục hành chính không phát sinh hồ sơ trong ba năm gần nhất để kiến nghị tạm dừng cung cấp và nhanh chóng đầu tư nâng cấp, hoàn thiện đối với dịch vụ công trực tuyên không đáp ứng được mức độ dịch vụ đã công bố, chưa thông suốt và đơn giản, thuận lợi, giảm thời gian, chi phí thực hiện hơn so với thực hiện trực tiếp hoặc qua bưu chính.',
      );
      // the source writes "các sở, …" in lower case: the directory entry starts "Các"
      expect(text(r, 'lead')).toBe('Các sở, ban, ngành tỉnh; UBND cấp huyện; UBND cấp xã');
      expect(text(r, 'cooperate')).toBe('Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh');
      expect(text(r, 'deadline')).toBe('Thường xuyên trong năm');
      expect(rows.indexOf(r)).toBe(14);
    });

    it('joins source row 45 across the page break (program row 46)', () => {
      const r = sourceRow(45);
      expect(rows.indexOf(r)).toBe(45);
      expect(text(r, 'task')).toBe(
        'Tăng cường công tác tuyên truyền cải cách hành chính Nhà nước bằng nhiều hình thức, như: Trên Website cơ quan; trên panô, áp phích; xây dựng những video, clip về cải cách hành chính; đưa gương những điển hình tiên tiến, trong ngày pháp luật của cơ quan, tổ chức hội thi, ...',
      );
      expect(text(r, 'lead')).toBe('Các sở, ban, ngành tỉnh; UBND cấp huyện và UBND cấp xã');
      expect(mentions(r, 'lead').map((m) => m.agency)).toEqual(['cac-so-ban-nganh-tinh', 'ubnd-cap-huyen', 'ubnd-cap-xa']);
      expect(text(r, 'cooperate')).toBe('Sở Nội vụ, Đài Phát thanh - Truyền hình và Báo Bình Phước');
      expect(text(r, 'deadline')).toBe('Thường xuyên trong năm');
    });

    it('keeps the unnumbered row after row 25 as a row of its own in group V', () => {
      const group = appendix.groups[4];
      expect(group.rows[0]).toBe(sourceRow(25));
      const bis = group.rows[1];
      expect(bis).toBe(sourceRow(25.5));
      expect(text(bis, 'task')).toMatch(
        /^Tiếp tục thực hiện giao quyền tự chủ cho các đơn vị thực hiện Nghị định số 130\/2005\/NĐ-CP ngày 17\/10\/2005 của Chính phủ .* Nghị định số 60\/2021\/NĐ-CP ngày 21\/6\/2021 của Chính phủ quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập\.$/,
      );
      expect(text(bis, 'lead')).toBe('Sở Tài chính');
      expect(text(bis, 'cooperate')).toBe('Các cơ quan, đơn vị liên quan');
      expect(text(bis, 'deadline')).toBe('Trong năm 2024');
      expect(text(group.rows[2], 'task')).toMatch(/^Triển khai thực hiện các kiến nghị sau thanh tra/);
    });

    // [source row, lead, cooperate, deadline] as written in the source
    const spot: Array<[number, string, string, string]> = [
      [1, 'Sở Tư pháp', 'Các sở, ban, ngành tỉnh; UBND cấp huyện', 'Trong năm 2024'],
      [3, 'Cơ quan chuyên môn quản lý ngành, lĩnh vực được giao kiểm tra, rà soát, hệ thống hóa', 'Sở Tư pháp và các sở, ban, ngành tỉnh; UBND cấp huyện', 'Thường xuyên trong năm'],
      [7, 'Trung tâm Phục vụ hành chính công; các sở, ban, ngành tỉnh; UBND cấp huyện; UBND cấp xã', 'Văn phòng UBND tỉnh và các cơ quan, đơn vị có liên quan', 'Thường xuyên trong năm'],
      [9, 'Văn phòng UBND tỉnh', 'Sở Thông tin và Truyền Thông', 'Thường xuyên hàng tháng'],
      [11, 'Trung tâm Phục vụ hành chính công; các sở, ban, ngành tỉnh; UBND cấp huyện; UBND cấp xã', 'Văn phòng UBND tỉnh, Sở Nội vụ và các cơ quan, đơn vị có liên quan', 'Thường xuyên trong năm'],
      [13, 'Bưu điện tỉnh; Trung tâm Phục vụ hành chính công; các sở, ban, ngành tỉnh; UBND cấp huyện; UBND cấp xã', 'Sở Thông tin và Truyền thông, Văn phòng UBND tỉnh', 'Thường xuyên trong năm'],
      [17, 'Các cơ quan chuyên môn thuộc UBND tỉnh, UBND cấp huyện', 'Sở Nội vụ thẩm định', 'Thường xuyên trong năm'],
      [19, 'Các sở, ban, ngành tỉnh; UBND cấp huyện', 'Sở Nội vụ', 'Trong năm quý I/2024'],
      [20, 'Các sở, ban, ngành tỉnh; UBND cấp huyện', 'Sở Nội vụ', 'Trong năm 2024 (sau khi có văn bản hướng dẫn, triển khai của Bộ Nội vụ).'],
      [23, 'Trường chính trị tỉnh và các cơ quan, đơn vị có liên quan', 'Sở Nội vụ và các sở, ban, ngành tỉnh; UBND cấp huyện', 'Trong năm 2024'],
      [28, 'Sở Tài chính', 'Sở Kế hoạch và Đầu tư, Cục Thuế và các đơn vị liên quan', 'Quý IV/2024'],
      [35, 'Sở Nội vụ', 'Văn phòng UBND tỉnh, Sở Tư pháp, Sở Tài chính, Sở Thông tin và Truyền thông, Sở Khoa học và Công nghệ', 'Trong năm 2024'],
      [37, 'Sở Nội vụ, UBND cấp huyện và các cơ quan, đơn vị có liên quan', 'Các sở, ban, ngành tỉnh; UBND cấp huyện, UBND cấp xã', 'Quý I/2024'],
      [40, 'Các sở, ban, ngành tỉnh; Trung tâm Phục vụ hành chính công; UBND cấp huyện và UBND cấp xã', 'Sở Nội vụ', 'Thường xuyên trong năm'],
      [41, 'Sở Nội vụ', 'Văn phòng UBND tỉnh, các Sở: Tài chính, Tư pháp, Thông tin và Truyền thông, Khoa học và Công nghệ, Kế hoạch và Đầu tư và các cơ quan, đơn vị có liên quan', 'Quý I/2024'],
      [42, 'Sở Nội vụ', 'Các sở, ban, ngành tỉnh; UBND cấp huyện', 'Hàng quý, 06 tháng, năm và đột xuất'],
      [44, 'Đài Phát thanh - Truyền hình và Báo Bình Phước', 'Các sở, ban, ngành tỉnh; UBND cấp huyện và UBND cấp xã', 'Thường xuyên trong năm'],
      [46, 'Sở Kế hoạch và Đầu tư và các cơ quan, đơn vị có liên quan', 'Đài Phát thanh - Truyền hình và Báo Bình Phước', 'Thường xuyên trong năm'],
      [47, 'Sở Nội vụ', 'Các sở, ban, ngành tỉnh; UBND cấp huyện', 'Định kỳ hàng quý'],
    ];
    it.each(spot)('prints source row %i as written', (n, lead, cooperate, deadline) => {
      const r = sourceRow(n);
      expect(text(r, 'lead')).toBe(lead);
      expect(text(r, 'cooperate')).toBe(cooperate);
      expect(text(r, 'deadline')).toBe(deadline);
    });

    it('prints the cells the model cannot reproduce letter for letter in its own way', () => {
      // source: "các đơn vị liên quan" (a collective first in its cell is printed "Các")
      expect(text(sourceRow(25), 'cooperate')).toBe('Các đơn vị liên quan');
      // source: "Sở Tư pháp; Các cơ quan, …" (a collective after another name is printed "các")
      expect(text(sourceRow(2), 'cooperate')).toBe('Sở Tư pháp; các cơ quan, đơn vị, địa phương có liên quan');
      expect(text(sourceRow(2), 'lead')).toBe('Cơ quan được giao chủ trì soạn thảo dự thảo văn bản QPPL');
    });

    it('splits agency cells only where the text lists separate bodies', () => {
      const ag = (n: number, key: string) => mentions(sourceRow(n), key);
      expect(ag(40, 'lead')).toHaveLength(4);
      expect(ag(17, 'cooperate')).toEqual([{ agency: 'so-noi-vu', after: ' thẩm định' }]);
      expect(ag(3, 'lead')).toHaveLength(1);
      expect(ag(13, 'cooperate')).toHaveLength(2);
      expect(ag(46, 'lead').map((m) => m.after)).toEqual([' và ', '']);
      const collective = ag(41, 'cooperate');
      expect(collective).toHaveLength(3);
      expect(agencies.find((a) => a.key === collective[1].agency)?.name).toBe(
        'Các Sở: Tài chính, Tư pháp, Thông tin và Truyền thông, Khoa học và Công nghệ, Kế hoạch và Đầu tư',
      );
      expect(ag(44, 'lead').map((m) => agencies.find((a) => a.key === m.agency)?.name)).toEqual(['Đài Phát thanh - Truyền hình', 'Báo Bình Phước']);
    });
  });

  describe('agency directory', () => {
    const used = new Set(rows.flatMap((r) => [...mentions(r, 'lead'), ...mentions(r, 'cooperate')].map((m) => m.agency)));

    it('has unique slug keys and unique names', () => {
      expect(new Set(agencies.map((a) => a.key)).size).toBe(agencies.length);
      expect(new Set(agencies.map((a) => a.name)).size).toBe(agencies.length);
      for (const a of agencies) expect(a.key).toMatch(new RegExp(`^${slug(a.name)}(-\\d+)?$`));
      expect(agencies[0]).toEqual({ key: 'so-tu-phap', name: 'Sở Tư pháp' });
    });

    it('is exactly the set of agencies the rows mention', () => {
      expect([...used].filter((k) => !agencies.some((a) => a.key === k))).toEqual([]);
      expect(agencies.filter((a) => !used.has(a.key)).map((a) => a.name)).toEqual([]);
    });

    it('is in order of first appearance', () => {
      const order: string[] = [];
      for (const r of rows) for (const m of [...mentions(r, 'lead'), ...mentions(r, 'cooperate')]) if (!order.includes(m.agency)) order.push(m.agency);
      expect(agencies.map((a) => a.key)).toEqual(order);
    });

    it('keeps differently written names apart and collectives once', () => {
      const names = agencies.map((a) => a.name);
      expect(names).toContain('Sở Thông tin và Truyền thông');
      expect(names).toContain('Sở Thông tin và Truyền Thông');
      expect(names).toContain('Trường chính trị tỉnh');
      expect(names.filter((n) => /^các /i.test(n) && n.startsWith('các'))).toEqual([]);
      expect(names.filter((n) => n.toLowerCase() === 'các sở, ban, ngành tỉnh')).toEqual(['Các sở, ban, ngành tỉnh']);
    });
  });
});
