/**
 * Each rule of the checker, on small changes of the sample (one thing changed) and on real instances from
 * the two OCR seeds, rewritten with their diacritics: that it fires, and that it does not fire on the
 * legitimate neighbour of the slip.
 */
import { describe, expect, it } from 'vitest';
import { loadSamplePackage } from '../../electron/core/sample';
import { blankPackage, type BodyNode, type PlanPackage } from '../../electron/core/model';
import { checkPlan, type Finding } from '../../electron/core/checks';

const sample = loadSamplePackage();
const baseline = new Set(checkPlan(sample).map((f) => `${f.rule} ${f.path}`));

/** The sample changed by `change`, checked; only findings the sample itself does not have. */
function newFindings(change: (p: PlanPackage) => void): Finding[] {
  const p = structuredClone(sample);
  change(p);
  return checkPlan(p).filter((f) => !baseline.has(`${f.rule} ${f.path}`));
}
const keys = (fs: Finding[]) => fs.map((f) => `${f.rule} ${f.path}`);
const para = (text: string): BodyNode => ({ kind: 'paragraph', heading: false, text: [{ text }], children: [] });
/** Replaces the Plan's closing paragraph with `text` (and keeps the closing `./.` rule quiet). */
function bodyText(p: PlanPackage, text: string): void {
  p.plan.body[8].children[11].text = [{ text: text + './.' }];
}
const LAST = 'plan.body[8].children[11]';

/** The standalone tuyên truyền plan of 2022 (seed 003), its header, opening and closing with diacritics. */
function tuyenTruyen(): PlanPackage {
  const p = blankPackage(2022, 'Kế hoạch thông tin, tuyên truyền CCHC năm 2022');
  p.issuer = { parentBody: '', name: 'ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC', place: 'Bình Phước', citedAs: 'Ủy ban nhân dân tỉnh' };
  p.decision = null;
  p.plan.summary = 'Thông tin, tuyên truyền cải cách hành chính năm 2022\ntrên địa bàn tỉnh Bình Phước';
  p.plan.issuance = {
    number: '',
    symbol: 'KH-UBND',
    date: null,
    recipients: [
      'Chủ tịch, các PCT UBND tỉnh;',
      'Các sở, ban, ngành tỉnh;',
      'UBND cấp huyện;',
      'Đài PT-TH và Báo Bình Phước;',
      'Công đoàn viên chức tỉnh;',
      'LĐVP;',
      'Sở Nội vụ;',
      'Văn phòng Điều phối tỉnh;',
      'Lưu VT, Phòng NC-NgV.',
    ],
    signer: { prefix: 'TM.', title: 'ỦY BAN NHÂN DÂN', deputyTitle: 'CHỦ TỊCH', name: 'Trần Tuệ Hiền' },
  };
  p.plan.body = [
    para(
      'Thực hiện Quyết định số 251/QĐ-BNV ngày 29/3/2022 của Bộ Nội vụ ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2022; Quyết định số 3223/QĐ-UBND ngày 27/12/2021 của Ủy ban nhân dân tỉnh ban hành Kế hoạch cải cách hành chính nhà nước năm 2022 trên địa bàn tỉnh.',
    ),
    para('Ủy ban nhân dân (UBND) tỉnh ban hành Kế hoạch thông tin, tuyên truyền cải cách hành chính năm 2022 trên địa bàn tỉnh, như sau:'),
    {
      kind: 'part',
      heading: true,
      text: [{ text: 'MỤC TIÊU, YÊU CẦU VÀ ĐỐI TƯỢNG' }],
      children: [
        {
          kind: 'item',
          heading: true,
          text: [{ text: 'Yêu cầu' }],
          children: [
            {
              kind: 'point',
              heading: false,
              text: [
                {
                  text: 'Lồng ghép công tác thông tin, tuyên truyền cải cách hành chính nhà nước với việc tuyên truyền, phổ biến, giáo dục về các chủ trương, chính sách của Đảng, pháp luật của Nhà nước về cải cách lập pháp, cải cách tư pháp, xây dựng nhà nước pháp quyền xã hội chủ nghĩa của dân, do dân, vì dân.',
                },
              ],
              children: [],
            },
          ],
        },
      ],
    },
    {
      kind: 'part',
      heading: true,
      text: [{ text: 'TỔ CHỨC THỰC HIỆN' }],
      children: [
        {
          kind: 'item',
          heading: true,
          text: [{ text: 'Công đoàn viên chức tỉnh có trách nhiệm' }],
          children: [
            para('Phối hợp với Công đoàn cơ sở trực thuộc và các cơ quan, đơn vị liên quan tổ chức cuộc thi video clip “Chung tay cải cách cải cách hành chính” năm 2022.'),
          ],
        },
      ],
    },
    para('Trên đây là Kế hoạch thông tin, tuyên truyền cải cách hành chính nhà nước năm 2022 trên địa bàn tỉnh Bình Phước./.'),
  ];
  p.appendix.groups = [];
  return p;
}

describe('number, symbol and date', () => {
  it('reports a missing, badly written or wrong-type symbol, with a fix when mechanical', () => {
    expect(keys(newFindings((p) => (p.decision!.symbol = '')))).toEqual(['number.symbol-missing decision.symbol']);
    const spaced = newFindings((p) => (p.decision!.symbol = 'QĐ - UBND'));
    expect(keys(spaced)).toEqual(['number.symbol-format decision.symbol']);
    expect(spaced[0].fix!.ops).toEqual([{ method: 'setField', args: ['$plan', 'decision.symbol', 'QĐ-UBND'] }]);
    expect(newFindings((p) => (p.decision!.symbol = 'QD-UBND'))[0].fix!.ops[0].args[2]).toBe('QĐ-UBND');
    expect(newFindings((p) => (p.decision!.symbol = 'qđ-ubnd'))[0].fix!.ops[0].args[2]).toBe('QĐ-UBND');
    expect(keys(newFindings((p) => (p.decision!.symbol = 'KH-UBND')))).toEqual(['number.symbol-type decision.symbol']);
    expect(keys(newFindings((p) => (p.decision!.symbol = 'QĐ-SNV')))).toEqual(['number.symbol-issuer decision.symbol']);
    expect(keys(newFindings((p) => (p.decision!.number = '002')))).toEqual(['number.zeros decision.number']);
    expect(newFindings((p) => (p.decision!.number = '02'))).toEqual([]);
  });

  it('accepts the blank number and date of an unsigned draft (the tuyên truyền plan: `Số:      /KH-UBND`)', () => {
    const rules = keys(checkPlan(tuyenTruyen()));
    expect(rules.filter((r) => r.startsWith('number.') || r.startsWith('date.'))).toEqual([]);
    const p = tuyenTruyen();
    p.plan.issuance!.symbol = 'QĐ-UBND';
    expect(keys(checkPlan(p))).toContain('number.symbol-type plan.issuance.symbol');
  });

  it('reports a signing date outside the plan year and the year before', () => {
    // Signed in 2025: the date is the one slip. The Plan's deadlines (`trước ngày 15/01/2024`, the
    // appendix's 2024 quarters) are not reported against a date that is itself wrong.
    expect(keys(newFindings((p) => (p.decision!.date = '2025-01-05')))).toEqual(['date.year decision.date']);
    // Signed in March of the plan year, a deadline of January is over before the Decision exists.
    expect(keys(newFindings((p) => (p.decision!.date = '2024-03-05')))).toContain('dates.before-issue plan.body[8].children[0].children[0]');
    // Dated a year too early, the Decision also predates the 2023 documents it cites: each is reported.
    const early = newFindings((p) => (p.decision!.date = '2022-12-29'));
    expect(early.filter((x) => x.rule === 'decision.before-cited').length).toBe(9);
    // Signed in January of the plan year, after the proposal: nothing (the sample's proposal finding goes too).
    const p = structuredClone(sample);
    p.decision!.date = '2024-01-05';
    expect(keys(checkPlan(p))).not.toContain('decision.before-proposal decision.date');
    expect(keys(checkPlan(p)).filter((k) => k.startsWith('date.'))).toEqual([]);
  });

  it('reports a Decision dated before what it cites', () => {
    const p = structuredClone(sample);
    p.decision!.date = '2023-12-29';
    expect(keys(checkPlan(p))).not.toContain('decision.before-proposal decision.date');
    expect(
      keys(newFindings((q) => q.decision!.legalBases.push('Căn cứ Quyết định số 10/QĐ-UBND ngày 20/12/2023 của Ủy ban nhân dân tỉnh;'))),
    ).toEqual(['decision.before-cited decision.legalBases[7]']);
  });
});

describe('legal bases', () => {
  it('wants `;` after each basis and `.` after the last line, with a fix', () => {
    const f = newFindings((p) => (p.decision!.legalBases[2] = p.decision!.legalBases[2].replace(/;$/, '.')));
    expect(keys(f)).toEqual(['legal-bases.end decision.legalBases[2]']);
    expect(f[0].fix!.ops[0]).toEqual({ method: 'updateListItem', args: ['$plan', 'decision.legalBases', 2, sample.decision!.legalBases[2]] });
    // Without a proposal line, the last basis ends with `.`.
    expect(keys(newFindings((p) => (p.decision!.proposal = '')))).toEqual(['legal-bases.end decision.legalBases[6]']);
    expect(keys(newFindings((p) => (p.decision!.proposal = p.decision!.proposal.replace(/\.$/, ';'))))).toEqual(['legal-bases.end decision.proposal']);
  });

  it('wants `Căn cứ …` and `Theo đề nghị của …`', () => {
    expect(keys(newFindings((p) => (p.decision!.legalBases[0] = 'Theo Luật Tổ chức chính quyền địa phương ngày 19/6/2015;')))).toEqual([
      'legal-bases.start decision.legalBases[0]',
    ]);
    expect(keys(newFindings((p) => (p.decision!.proposal = 'Đề nghị của Giám đốc Sở Nội vụ.')))).toEqual(['legal-bases.proposal-start decision.proposal']);
    // `Xét đề nghị của …` is as right as `Theo đề nghị của …`; `Thực hiện …` after the `Căn cứ` lines too.
    expect(newFindings((p) => (p.decision!.proposal = 'Xét đề nghị của Giám đốc Sở Nội vụ.'))).toEqual([]);
    expect(newFindings((p) => p.decision!.legalBases.push('Thực hiện Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ Nội vụ;'))).toEqual([]);
    // The proposal typed as the last basis, with no proposal line: in its place (the sample's Tờ trình
    // dated after the Decision is then reported as a cited document, the same slip as before).
    expect(
      keys(
        newFindings((p) => {
          p.decision!.legalBases.push(p.decision!.proposal);
          p.decision!.proposal = '';
        }),
      ),
    ).toEqual(['decision.before-cited decision.legalBases[7]']);
    // A `Căn cứ` after a `Thực hiện` line: the order is the slip, reported once on the `Thực hiện` line.
    const order = newFindings((p) => p.decision!.legalBases.splice(2, 0, 'Thực hiện Kế hoạch số 690/KH-BNV ngày 20/02/2023 của Bộ Nội vụ;'));
    // (The sample's own findings on bases 6 and 7 move down one place with the insertion.)
    expect(keys(order.filter((x) => x.rule.startsWith('legal-bases.')))).toEqual(['legal-bases.kind-order decision.legalBases[2]']);
  });

  it('reports a basis of higher legal force placed after a lower one, not a date order within a rank', () => {
    const f = newFindings((p) => {
      const [law] = p.decision!.legalBases.splice(0, 1);
      p.decision!.legalBases.splice(3, 0, law);
    });
    expect(keys(f)).toEqual(['legal-bases.order decision.legalBases[3]']);
    expect(f[0].message).toContain('Luật Tổ chức chính quyền địa phương');
    // 25/2022/QĐ-UBND before 34/2020/QĐ-UBND: same rank, not reported.
    expect(
      newFindings((p) => {
        const b = p.decision!.legalBases;
        [b[4], b[5]] = [b[5], b[4]];
      }).filter((x) => x.rule === 'legal-bases.order'),
    ).toEqual([]);
  });
});

describe('recipients and signer', () => {
  it('wants `Lưu: VT` last: the tuyên truyền plan writes `Lưu VT, Phòng NC-NgV.`', () => {
    const f = checkPlan(tuyenTruyen()).filter((x) => x.rule.startsWith('recipients.'));
    // The line is there, loosely written: a warning with its certain fix; no `Lưu` line at all is an error.
    expect(keys(f)).toEqual(['recipients.archive-form plan.issuance.recipients[8]']);
    expect(f[0].severity).toBe('warning');
    expect(f[0].fix!.preview).toEqual({ before: 'Lưu VT, Phòng NC-NgV.', after: 'Lưu: VT, Phòng NC-NgV.' });
    expect(f[0].fix!.ops).toEqual([{ method: 'updateListItem', args: ['$plan', 'plan.issuance.recipients', 8, 'Lưu: VT, Phòng NC-NgV.'] }]);
    expect(keys(newFindings((p) => p.decision!.recipients.pop()))).toEqual(['recipients.archive decision.recipients[9]']);
  });

  it('points `Như Điều N` at the article that assigns execution', () => {
    // The sample: two articles, Điều 2 assigns execution, `Như Điều 2;`: right.
    expect(checkPlan(sample).filter((x) => x.rule === 'recipients.article')).toEqual([]);
    const threeArticles = (p: PlanPackage) => {
      const execution = p.decision!.articles[1];
      p.decision!.articles[1] = [{ text: 'Quyết định này có hiệu lực kể từ ngày ký.' }];
      p.decision!.articles.push(execution);
    };
    // (Article 2's `UBND` moves to Điều 3 with it: only the recipients are looked at here.)
    const f = newFindings(threeArticles).filter((x) => x.rule.startsWith('recipients.'));
    expect(keys(f)).toEqual(['recipients.article decision.recipients[5]']);
    expect(f[0].severity).toBe('error');
    expect(f[0].message).toContain('Điều 3');
    expect(f[0].fix!.ops).toEqual([{ method: 'updateListItem', args: ['$plan', 'decision.recipients', 5, 'Như Điều 3;'] }]);
    expect(f[0].fix!.preview).toEqual({ before: 'Như Điều 2;', after: 'Như Điều 3;' });
    expect(
      newFindings((p) => {
        threeArticles(p);
        p.decision!.recipients[5] = 'Như Điều 3;';
      }).filter((x) => x.rule.startsWith('recipients.')),
    ).toEqual([]);
  });

  it('accepts the Bắc Giang plan’s sub-items under `VP UBND tỉnh:` ending with `+ Lưu: VT, NC.`', () => {
    const f = newFindings((p) => {
      p.decision!.recipients = ['Bộ Nội vụ;', 'TT Tỉnh ủy, TT HĐND tỉnh;', 'VP UBND tỉnh:', '+ LĐVP, các phòng, đơn vị;', '+ Cổng TTĐT tỉnh;', '+ Lưu: VT, NC.'];
    });
    expect(f.filter((x) => x.rule.startsWith('recipients.'))).toEqual([]);
  });

  it('wants `;` after each recipient', () => {
    const f = newFindings((p) => (p.decision!.recipients[5] = 'Như Điều 2'));
    expect(keys(f)).toEqual(['recipients.end decision.recipients[5]']);
    expect(f[0].fix!.ops[0].args).toEqual(['$plan', 'decision.recipients', 5, 'Như Điều 2;']);
  });

  it('checks the authority prefix: TM. for a collective (the tuyên truyền plan), KT. for a deputy', () => {
    expect(checkPlan(tuyenTruyen()).filter((x) => x.rule.startsWith('signer.'))).toEqual([]);
    const signer = (s: Partial<PlanPackage['decision'] & object>['signer']) => keys(newFindings((p) => Object.assign(p.decision!.signer, s)));
    expect(signer({ prefix: 'TM.', title: 'CHỦ TỊCH', deputyTitle: '', name: 'Trần Tuệ Hiền' })).toEqual(['signer.tm-title decision.signer.prefix']);
    expect(signer({ prefix: 'KT.', title: 'CHỦ TỊCH', deputyTitle: '', name: 'Trần Tuệ Hiền' })).toEqual(['signer.kt-deputy decision.signer.deputyTitle']);
    expect(signer({ prefix: 'KT.', title: 'CHỦ TỊCH', deputyTitle: 'PHÓ CHỦ TỊCH', name: 'Trần Tuệ Hiền' })).toEqual([]);
    expect(signer({ prefix: '', title: 'PHÓ CHỦ TỊCH', deputyTitle: '', name: 'Trần Tuệ Hiền' })).toEqual([
      'signer.deputy-no-kt decision.signer.prefix',
      'signer.authority decision.authority',
    ]);
    expect(signer({ prefix: 'KT.', title: 'Chủ tịch', deputyTitle: 'PHÓ CHỦ TỊCH', name: 'Trần Tuệ Hiền' })).toEqual(['signer.caps decision.signer.title']);
    const p = tuyenTruyen();
    p.plan.issuance!.signer.deputyTitle = '';
    expect(keys(checkPlan(p))).toContain('signer.tm-position plan.issuance.signer.deputyTitle');
  });

  it('checks the signer’s name: no academic title, lower case with capitals', () => {
    const titled = newFindings((p) => (p.decision!.signer.name = 'TS. Trần Tuệ Hiền'));
    expect(keys(titled)).toEqual(['signer.name-title decision.signer.name']);
    expect(titled[0].fix!.ops[0].args[2]).toBe('Trần Tuệ Hiền');
    const caps = newFindings((p) => (p.decision!.signer.name = 'TRẦN TUỆ HIỀN'));
    expect(keys(caps)).toEqual(['signer.name-case decision.signer.name']);
    expect(caps[0].fix!.ops[0].args[2]).toBe('Trần Tuệ Hiền');
  });
});

describe('capitals', () => {
  it('reports a known name with the wrong capitals, not one set wholly in capitals', () => {
    const f = newFindings((p) => bodyText(p, 'Ủy Ban Nhân Dân tỉnh giao Sở nội vụ theo dõi; ỦY BAN NHÂN DÂN TỈNH chỉ đạo'));
    expect(f.map((x) => x.message)).toEqual([
      'Viết hoa tên cơ quan chưa đúng: «Ủy Ban Nhân Dân» → «Ủy ban nhân dân» (Nghị định 30/2020/NĐ-CP, Phụ lục II: viết hoa tên cơ quan, tổ chức).',
      'Viết hoa tên cơ quan chưa đúng: «Sở nội vụ» → «Sở Nội vụ» (Nghị định 30/2020/NĐ-CP, Phụ lục II: viết hoa tên cơ quan, tổ chức).',
    ]);
    expect(f[0].path).toBe(LAST);
  });

  it('reads a name in lower case only where the text names an agency, never inside `cơ sở …`', () => {
    for (const text of [
      'Phát triển quy hoạch đô thị thông minh trên cơ sở xây dựng bản đồ số trên nền GIS 3D',
      'Nâng cấp hạ tầng các cơ sở y tế tuyến xã',
      'Cơ sở y tế tuyến huyện được đầu tư trang thiết bị',
      'Các cơ sở giáo dục và đào tạo đáp ứng yêu cầu của người dân',
      'Bảo đảm chất lượng công trình xây dựng của các nhà thầu',
    ]) {
      expect(newFindings((p) => bodyText(p, text)), text).toEqual([]);
    }
    // After `giao`, `phối hợp với`, `đề nghị`: the agency, written in lower case.
    for (const [text, expected] of [
      ['Giao sở xây dựng chủ trì rà soát thủ tục', 'Sở Xây dựng'],
      ['Sở Nội vụ phối hợp với sở y tế triển khai', 'Sở Y tế'],
      ['Đề nghị sở tư pháp thẩm định', 'Sở Tư pháp'],
    ] as const) {
      const found = newFindings((p) => bodyText(p, text));
      expect(found.map((x) => x.rule), text).toEqual(['capitals.name']);
      expect(found[0].message, text).toContain(`→ «${expected}»`);
    }
  });

  it('reports `điều 5`, `Khoản 2 Điều 3` mid-sentence and a generic `Điều`', () => {
    const f = newFindings((p) => bodyText(p, 'Thực hiện theo điều 5 và theo Khoản 2 Điều 3 của Luật; sửa đổi một số điều của Nghị định'));
    expect(f.map((x) => x.message.split(':')[1].split('(')[0].trim())).toEqual(['«điều 5» → «Điều 5»', '«Khoản 2» → «khoản 2»']);
  });

  it('reports `Nhà nước` / `Nhân dân` in lower case where they mean the State and the People (the OCR seeds)', () => {
    // Bắc Giang: `… xây dựng Nhà nước pháp quyền xã hội chủ nghĩa của nhân dân, do nhân dân, vì nhân dân …`
    const bg = newFindings((p) => bodyText(p, 'Xây dựng Nhà nước pháp quyền xã hội chủ nghĩa của nhân dân, do nhân dân, vì nhân dân trong giai đoạn 2021-2030'));
    expect(bg.map((x) => x.rule)).toEqual(['capitals.special', 'capitals.special', 'capitals.special']);
    expect(bg[0].fix).toBeUndefined(); // the bundled sample has no store ids
    // Tuyên truyền: `xây dựng nhà nước pháp quyền xã hội chủ nghĩa của dân, do dân, vì dân`.
    const tt = checkPlan(tuyenTruyen()).filter((x) => x.rule === 'capitals.special');
    expect(tt.map((x) => x.message)).toEqual(['«nhà nước» ở đây chỉ Nhà nước nên viết hoa: «Nhà nước» (Nghị định 30/2020/NĐ-CP, Phụ lục II: danh từ đặc biệt).']);
    // Lower case `nhà nước` qualifying a noun is right: `quản lý nhà nước`, `ngân sách nhà nước`, `hành chính nhà nước`.
    expect(newFindings((p) => bodyText(p, 'Tăng cường quản lý nhà nước, ngân sách nhà nước và cải cách hành chính nhà nước của tỉnh'))).toEqual([]);
  });

  it('reports a sentence that starts in lower case, not an abbreviation’s full stop', () => {
    expect(keys(newFindings((p) => bodyText(p, 'Hoàn thành kế hoạch. tiếp tục theo dõi')))).toEqual([`capitals.sentence ${LAST}`]);
    expect(newFindings((p) => bodyText(p, 'Các hồ sơ, tài liệu, v.v. được lưu trữ'))).toEqual([]);
  });
});

describe('agencies written two ways', () => {
  it('merges `UBND` / `Ủy ban nhân dân`, case and spacing variants into the entry spelt right', () => {
    const f = newFindings((p) => {
      p.agencies.push({ key: 'uy-ban-nhan-dan-cap-huyen', name: 'Ủy ban nhân dân cấp huyện' }, { key: 'so-noi-vu-2', name: 'Sở Nội Vụ' });
      p.appendix.groups[0].rows[0].cells.lead = [{ agency: 'so-noi-vu-2', after: '' }];
      p.appendix.groups[0].rows[1].cells.cooperate = [{ agency: 'uy-ban-nhan-dan-cap-huyen', after: '' }];
    });
    expect(keys(f)).toEqual(['agencies.variants agencies[25]', 'agencies.variants agencies[26]']);
    expect(f[0].fix!.ops).toEqual([{ method: 'mergeAgencies', args: ['$plan', 'uy-ban-nhan-dan-cap-huyen', 'ubnd-cap-huyen'] }]);
    expect(f[1].fix!.ops).toEqual([{ method: 'mergeAgencies', args: ['$plan', 'so-noi-vu-2', 'so-noi-vu'] }]);
  });

  it('does not merge collectives worded differently (`Các đơn vị liên quan` / `Các cơ quan, đơn vị liên quan`)', () => {
    expect(checkPlan(sample).filter((x) => x.rule === 'agencies.variants').map((x) => x.path)).toEqual(['agencies[10]', 'agencies[15]']);
  });

  it('reports a directory name with wrong capitals once', () => {
    const f = newFindings((p) => p.agencies.push({ key: 'so-tai-nguyen', name: 'Sở Tài Nguyên và Môi Trường' }));
    expect(keys(f)).toEqual(['capitals.name agencies[25]']);
    expect(f[0].fix!.ops).toEqual([{ method: 'renameAgency', args: ['$plan', 'so-tai-nguyen', 'Sở Tài nguyên và Môi trường'] }]);
  });
});

describe('appendix rows', () => {
  it('reports a task with no lead agency, no deadline or no text', () => {
    expect(keys(newFindings((p) => (p.appendix.groups[2].rows[1].cells.lead = [])))).toEqual(['rows.no-lead appendix.groups[2].rows[1].lead']);
    const f = newFindings((p) => (p.appendix.groups[2].rows[1].cells.deadline = ' '));
    expect(keys(f)).toEqual(['rows.no-deadline appendix.groups[2].rows[1].deadline']);
    expect(f[0].message).toBe('Nhiệm vụ 17 chưa có thời gian hoàn thành.');
    expect(f[0].severity).toBe('error');
    // A row left wholly empty is one slip, not three.
    expect(keys(newFindings((p) => p.appendix.groups[0].rows.push({ cells: { task: '', lead: [], cooperate: [], deadline: '', note: '' } })))).toEqual([
      'rows.empty-row appendix.groups[0].rows[5].task',
    ]);
    expect(keys(newFindings((p) => p.appendix.groups[0].rows.push({ cells: { task: '', lead: [], cooperate: [], deadline: 'Quý II/2024', note: '' } })))).toEqual([
      'rows.no-task appendix.groups[0].rows[5].task',
      'rows.no-lead appendix.groups[0].rows[5].lead',
    ]);
  });

  it('reports a deadline outside the plan year, not a span over it or an early report next year', () => {
    const f = newFindings((p) => (p.appendix.groups[6].rows[3].cells.deadline = 'Quý I/2023'));
    expect(keys(f)).toEqual(['rows.deadline-year appendix.groups[6].rows[3].deadline']);
    expect(f[0].message).toBe('Thời gian hoàn thành của nhiệm vụ 38 («Quý I/2023») nằm ngoài năm 2024 của kế hoạch.');
    for (const ok of ['Giai đoạn 2022-2025', 'Trước ngày 15/01/2025', 'Tháng 12/2024', 'Hàng quý, 06 tháng, năm và đột xuất']) {
      expect(newFindings((p) => (p.appendix.groups[6].rows[3].cells.deadline = ok))).toEqual([]);
    }
  });

  it('reports a deadline it cannot read (info) and an empty group', () => {
    const f = newFindings((p) => (p.appendix.groups[6].rows[3].cells.deadline = 'Khi có chỉ đạo'));
    expect(f.map((x) => [x.rule, x.severity])).toEqual([['rows.deadline-unread', 'info']]);
    expect(keys(newFindings((p) => p.appendix.groups.push({ title: 'Nhiệm vụ khác', rows: [] })))).toEqual(['rows.empty-group appendix.groups[7].title']);
  });
});

describe('years', () => {
  it('reports a summary, appendix title or Article 1 left on last year', () => {
    const f = newFindings((p) => {
      p.plan.summary = p.plan.summary.replace('2024', '2023');
      p.appendix.title = 'CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2023';
      p.decision!.articles[0] = [{ text: p.decision!.articles[0][0].text.replace('2024', '2023') }];
    });
    expect(keys(f)).toEqual(['years.title decision.articles[0]', 'years.title plan.summary', 'years.title appendix.title']);
    expect(newFindings((p) => (p.plan.summary = 'Cải cách hành chính năm 2024, định hướng đến năm 2030'))).toEqual([]);
  });

  it('finds the odd year among repeated wording, and is quiet when it is put right', () => {
    const f = checkPlan(sample).find((x) => x.rule === 'years.outlier')!;
    expect(f.message).toBe('«năm 2023»: 5 đoạn cùng nội dung đều ghi năm 2024, riêng đoạn này ghi năm 2023.');
    const fixed = structuredClone(sample);
    fixed.plan.body[8].children[2].children[1].text[2].text = fixed.plan.body[8].children[2].children[1].text[2].text.replace('2023', '2024');
    expect(checkPlan(fixed).filter((x) => x.rule === 'years.outlier')).toEqual([]);
    // Last year's index (`Chỉ số cải cách hành chính năm 2023 của các cơ quan …`, task 38) is never compared with it.
    expect(checkPlan(sample).filter((x) => x.rule.startsWith('years.') && x.path.startsWith('appendix'))).toEqual([]);
  });

  it('reports a deadline in the text that is already past when the Decision is signed', () => {
    expect(keys(newFindings((p) => bodyText(p, 'Gửi báo cáo về Sở Nội vụ trước ngày 15/01/2023')))).toEqual([`years.past-deadline ${LAST}`]);
    expect(keys(newFindings((p) => bodyText(p, 'Hoàn thành trong quý III/2023')))).toEqual([`years.past-deadline ${LAST}`]);
    // Before the end of December 2023: after the Decision's date (09/12/2023), so a real deadline.
    expect(newFindings((p) => bodyText(p, 'Gửi kế hoạch về Sở Nội vụ trước ngày 25/12/2023'))).toEqual([]);
  });

  it('reads a date by its role: baselines, past events and history are not deadlines', () => {
    for (const text of [
      // The Bắc Giang plan's baseline of the 20% cut.
      'Cắt giảm 20% chi phí tuân thủ tại các văn bản có hiệu lực thi hành tính đến hết ngày 31/5/2020.',
      'Tỷ lệ hồ sơ đúng hạn tăng so với trước ngày 01/7/2023.',
      'Rà soát các văn bản quy phạm pháp luật ban hành trước ngày 01/7/2022.',
      'Năm 2023, các sở đã hoàn thành trước ngày 30/6/2023 việc rà soát quy trình nội bộ.',
      'Tổng hợp hồ sơ tiếp nhận trước ngày 15/12/2022 còn tồn đọng.',
      'Trong tháng 6/2023, tỉnh đã tổ chức hội nghị sơ kết.',
      'Trước ngày 30/6/2023, các sở đã ban hành quy trình nội bộ.',
    ]) {
      expect(newFindings((p) => bodyText(p, text)), text).toEqual([]);
    }
  });

  it('reports a deadline of the plan year that falls before the Decision’s own date as its own finding, without a fix', () => {
    // The sample is dated 09/12/2023; in a Decision of 15/01/2024 `chậm nhất ngày 10/01/2024` cannot be met.
    const f = newFindings((p) => {
      p.decision!.date = '2024-01-15';
      p.decision!.proposal = 'Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 2696/TTr-SNV ngày 26/12/2023.';
      bodyText(p, 'Các sở gửi đăng ký nhiệm vụ chậm nhất ngày 10/01/2024.');
    }).filter((x) => x.path === LAST);
    expect(keys(f)).toEqual([`dates.before-issue ${LAST}`]);
    expect(f[0].message).toBe('Thời hạn «chậm nhất ngày 10/01/2024» sớm hơn ngày ký văn bản (15/01/2024): khi văn bản được ký, thời hạn này đã qua; cần lùi thời hạn hoặc sửa ngày.');
    // Never "Đổi năm 2024 thành 2024".
    expect(f[0].fix).toBeUndefined();
  });
});

describe('citations and dates', () => {
  it('reports a number whose year disagrees with the date', () => {
    const f = newFindings((p) => bodyText(p, 'Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2019 của Chính phủ'));
    expect(keys(f)).toEqual([`citations.number-year ${LAST}`]);
    expect(f[0].severity).toBe('error');
    expect(newFindings((p) => bodyText(p, 'Thực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ'))).toEqual([]);
  });

  it('reports the same document cited with two dates in one year', () => {
    expect(keys(newFindings((p) => bodyText(p, 'Theo Quyết định số 1493/QĐ-UBND ngày 15/9/2023 của UBND tỉnh')))).toEqual([`citations.date-conflict ${LAST}`]);
    // A number without a year restarts each year: 1493/QĐ-UBND of 2022 is another document.
    expect(newFindings((p) => bodyText(p, 'Theo Quyết định số 1493/QĐ-UBND ngày 15/9/2022 của UBND tỉnh'))).toEqual([]);
  });

  it('writes days under 10 and months 1, 2 with a zero, other months without', () => {
    const f = newFindings((p) => bodyText(p, 'Chỉ thị số 23/CT-TTg ngày 2/9/2021, Kế hoạch số 5/KH-UBND ngày 15/1/2023 và Công văn số 9/SNV-CCHC ngày 02/09/2021'));
    expect(f.map((x) => x.message.split(':')[1].split('(')[0].trim())).toEqual([
      '«2/9/2021» → «02/9/2021»',
      '«15/1/2023» → «15/01/2023»',
      '«02/09/2021» → «02/9/2021»',
    ]);
    expect(keys(newFindings((p) => bodyText(p, 'Kế hoạch số 5/KH-UBND ngày 31/02/2023')))).toEqual([`dates.invalid ${LAST}`]);
  });
});

describe('abbreviations', () => {
  it('reports an abbreviation used before the bracketed full form', () => {
    const f = newFindings((p) => (p.plan.body[0].text = [{ text: 'Căn cứ các văn bản của UBND tỉnh.' }]));
    expect(keys(f)).toEqual(['abbreviations.before-definition plan.body[0]']);
    expect(f[0].message).toBe(
      '«UBND» được dùng trước khi được giải thích; cụm từ đầy đủ kèm «(UBND)» đang ở nội dung Kế hoạch, phải đặt ở lần dùng đầu tiên.',
    );
  });

  it('names a sub-row of the appendix by the STT it prints (1.1), not by the count of its parent', () => {
    const f = newFindings((p) => {
      p.plan.body[0].text = [{ text: 'Căn cứ kết nối CSDLQG của tỉnh.' }];
      const task = p.appendix.columns.find((c) => c.role === 'task')!.key;
      const parent = p.appendix.groups[0].rows[0];
      parent.children = [{ cells: { [task]: 'Xây dựng cơ sở dữ liệu quốc gia (CSDLQG) về cán bộ' } }];
    });
    const early = f.filter((x) => x.rule === 'abbreviations.before-definition');
    expect(keys(early)).toEqual(['abbreviations.before-definition plan.body[0]']);
    expect(early[0].message).toContain('đang ở nhiệm vụ 1.1 của phụ lục');
  });

  it('reads the Bắc Giang plan: `UBND tỉnh ban hành …` never spelt out, `(QPPL)` and `(CQNN)` spelt out at first use', () => {
    const p = structuredClone(sample);
    p.plan.body = [
      para('Thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ, UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước tỉnh Bắc Giang giai đoạn 2021-2030, cụ thể:'),
      para('Tiếp tục hoàn thiện hệ thống văn bản quy phạm pháp luật (QPPL) thuộc thẩm quyền của tỉnh, chú trọng ban hành văn bản QPPL.'),
      para('Nâng cao hiệu quả hoạt động của các cơ quan nhà nước (CQNN) trên địa bàn tỉnh; kết nối CQNN các cấp./.'),
    ];
    p.appendix.groups = [];
    p.agencies = [];
    const f = checkPlan(p).filter((x) => x.rule.startsWith('abbreviations.') && x.path.startsWith('plan.'));
    expect(keys(f)).toEqual(['abbreviations.undefined plan.body[0]']);
    expect(f[0].message).toContain('«UBND»');
  });

  it('does not read document symbols, Roman numerals, recipients or text in capitals', () => {
    expect(newFindings((p) => bodyText(p, 'Thực hiện Kết luận số 36-KL/TW của Ban Chấp hành Trung ương khóa XIII trong Quý IV/2024, đạt chuẩn ISO'))).toEqual([]);
  });
});

describe('wording and structure', () => {
  it('reports a repeated function word or phrase (the tuyên truyền plan’s `cải cách cải cách`), not `giao thông thông minh`', () => {
    const f = checkPlan(tuyenTruyen()).filter((x) => x.rule === 'text.repeated-word');
    expect(f.map((x) => x.message)).toEqual(['Lặp từ: «cải cách cải cách».']);
    expect(checkPlan(sample).filter((x) => x.rule === 'text.repeated-word').map((x) => x.path)).toEqual(['plan.body[5].children[0]']);
  });

  it('reports unbalanced quotes and brackets', () => {
    expect(keys(newFindings((p) => bodyText(p, 'Duy trì chuyên mục “cải cách hành chính trên Đài (Phát thanh')))).toEqual([
      `text.quotes ${LAST}`,
      `text.quotes ${LAST}`,
    ]);
  });

  it('wants the text to end with `./.`', () => {
    const f = newFindings((p) => (p.decision!.articles[1] = [{ text: 'Quyết định này có hiệu lực kể từ ngày ký.' }]));
    expect(keys(f)).toEqual(['text.closing decision.articles[1]']);
    expect(f[0].fix!.ops[0].args[3]).toEqual([{ text: 'Quyết định này có hiệu lực kể từ ngày ký./.' }]);
  });

  it('reports items nested under an item, and is quiet once they are points', () => {
    const p = structuredClone(sample);
    for (const c of p.plan.body[4].children[0].children) c.kind = 'point';
    expect(checkPlan(p).filter((x) => x.rule === 'body.nesting')).toEqual([]);
  });
});

describe('a 2,000-row plan', () => {
  it('is checked without stumbling on rows that have no store ids', async () => {
    const { largePlan } = await import('../fixtures/large-plan');
    const f = checkPlan(largePlan(2000));
    expect(f.filter((x) => x.rule.startsWith('rows.'))).toEqual([]);
    expect(f.every((x) => !x.fix || x.fix.ops.every((op) => op.args[0] === '$plan'))).toBe(true);
  });
});
