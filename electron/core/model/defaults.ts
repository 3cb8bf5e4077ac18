import type { ColumnDef, PlanPackage, Signer } from './types';
import { APPENDIX_LABEL, DEFAULT_SYMBOL } from './nd30-text';

/** The six usual columns of a CCHC appendix. Other frameworks are just other column lists. */
export function defaultColumns(): ColumnDef[] {
  return [
    { key: 'stt', caption: 'STT', kind: 'number', role: 'number', width: 12, hidden: false },
    { key: 'task', caption: 'Nội dung nhiệm vụ', kind: 'text', role: 'task', width: 95, hidden: false },
    { key: 'lead', caption: 'Cơ quan chủ trì', kind: 'agencies', role: 'lead', width: 45, hidden: false },
    { key: 'cooperate', caption: 'Cơ quan phối hợp', kind: 'agencies', role: 'cooperate', width: 45, hidden: false },
    { key: 'deadline', caption: 'Thời gian hoàn thành', kind: 'text', role: 'deadline', width: 30, hidden: false },
    { key: 'note', caption: 'Ghi chú', kind: 'text', role: 'note', width: 20, hidden: false },
  ];
}

export function emptySigner(): Signer {
  return { prefix: 'KT.', title: 'CHỦ TỊCH', deputyTitle: 'PHÓ CHỦ TỊCH', name: '' };
}

/** A blank Decision + Plan package for `year`, the shape a drafter fills in. */
export function blankPackage(year: number, title = `Kế hoạch năm ${year}`): PlanPackage {
  return {
    title,
    year,
    issuer: { parentBody: '', name: 'ỦY BAN NHÂN DÂN\nTỈNH', place: '', citedAs: 'Ủy ban nhân dân tỉnh' },
    decision: {
      number: '',
      symbol: DEFAULT_SYMBOL.decision,
      date: null,
      summary: `Ban hành Kế hoạch năm ${year}`,
      authority: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
      legalBases: ['Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;'],
      proposal: '',
      articles: [
        [{ text: `Ban hành kèm theo Quyết định này Kế hoạch năm ${year}.` }],
        [{ text: 'Quyết định này có hiệu lực kể từ ngày ký./.' }],
      ],
      recipients: ['Như Điều 2;', 'Lưu: VT.'],
      signer: emptySigner(),
    },
    plan: {
      summary: `Năm ${year}`,
      issuance: null,
      body: [
        { kind: 'part', heading: true, text: [{ text: 'MỤC ĐÍCH, YÊU CẦU' }], children: [] },
      ],
    },
    appendix: {
      label: APPENDIX_LABEL,
      title: `CÁC NHIỆM VỤ NĂM ${year}`,
      columns: defaultColumns(),
      groups: [{ title: 'Nhiệm vụ', rows: [] }],
    },
    agencies: [],
  };
}
