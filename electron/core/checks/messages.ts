/**
 * The checker's messages and fix labels, Vietnamese and English side by side. `{name}` is replaced by the
 * parameter of that name. The CLI prints Vietnamese by default; the UI passes its language.
 */
import type { Lang } from './types';

export type Params = Record<string, string | number>;

const RULES = {
  // ---- number, symbol, date (issuance) ----
  'number.symbol-missing': {
    vi: 'Chưa có ký hiệu văn bản (ví dụ «{expected}»).',
    en: 'The document symbol is missing (e.g. “{expected}”).',
  },
  'number.symbol-format': {
    vi: 'Ký hiệu «{symbol}» sai thể thức: viết hoa, không có khoảng trắng, các phần nối bằng dấu gạch nối (đúng: «{expected}»).',
    en: 'The symbol “{symbol}” is not in the official form: capitals, no spaces, parts joined by hyphens (right: “{expected}”).',
  },
  'number.symbol-type': {
    vi: 'Ký hiệu «{symbol}» phải bắt đầu bằng chữ viết tắt tên loại văn bản «{expected}» ({type}).',
    en: 'The symbol “{symbol}” must start with the abbreviation of the document type, “{expected}” ({type}).',
  },
  'number.symbol-issuer': {
    vi: 'Ký hiệu «{symbol}» không mang chữ viết tắt tên cơ quan ban hành «{expected}».',
    en: 'The symbol “{symbol}” does not carry the issuing body’s abbreviation “{expected}”.',
  },
  'number.zeros': {
    vi: 'Số văn bản «{number}» thừa số 0 ở đầu; chỉ số nhỏ hơn 10 mới có một số 0 (chương trình tự thêm khi in).',
    en: 'The number “{number}” has extra leading zeros; only numbers under 10 get one zero (the program adds it when printing).',
  },
  'date.year': {
    vi: 'Văn bản đề ngày {date}, không thuộc năm {prev} hoặc năm {year} của kế hoạch.',
    en: 'The document is dated {date}, neither in {prev} nor in the plan year {year}.',
  },
  'decision.before-proposal': {
    vi: 'Quyết định đề ngày {date}, sớm hơn văn bản đề nghị mà Quyết định căn cứ ({cited} ngày {citedDate}).',
    en: 'The Decision is dated {date}, before the proposal it cites ({cited} of {citedDate}).',
  },
  'decision.before-cited': {
    vi: 'Văn bản được dẫn ({cited}) đề ngày {citedDate}, sau ngày ký Quyết định ({date}).',
    en: 'The cited document ({cited}) is dated {citedDate}, after the Decision’s own date ({date}).',
  },
  // ---- legal bases ----
  'legal-bases.start': {
    vi: 'Mỗi căn cứ ban hành bắt đầu bằng «Căn cứ».',
    en: 'Each legal basis starts with “Căn cứ”.',
  },
  'legal-bases.end': {
    vi: 'Dòng này phải kết thúc bằng dấu «{mark}» (mỗi căn cứ kết thúc bằng «;», dòng cuối cùng bằng «.»).',
    en: 'This line must end with “{mark}” (each basis ends with “;”, the last line with “.”).',
  },
  'legal-bases.proposal-start': {
    vi: 'Dòng đề nghị bắt đầu bằng «Theo đề nghị của».',
    en: 'The proposal line starts with “Theo đề nghị của”.',
  },
  'legal-bases.order': {
    vi: 'Căn cứ này ({this}) có hiệu lực pháp lý cao hơn căn cứ đứng trước nó ({other}); các căn cứ xếp từ hiệu lực cao xuống thấp.',
    en: 'This basis ({this}) has a higher legal force than the one before it ({other}); legal bases go from the highest force down.',
  },
  // ---- recipients and signer ----
  'recipients.missing': {
    vi: 'Chưa có nơi nhận; nơi nhận kết thúc bằng «Lưu: VT, …».',
    en: 'There are no recipients; they end with “Lưu: VT, …”.',
  },
  'recipients.archive': {
    vi: 'Nơi nhận cuối cùng phải là «Lưu: VT, …» (lưu văn thư).',
    en: 'The last recipient must be “Lưu: VT, …” (the registry’s copy).',
  },
  'recipients.end': {
    vi: 'Dòng nơi nhận này phải kết thúc bằng dấu «{mark}» (mỗi dòng kết thúc bằng «;», dòng «Lưu: VT, …» bằng «.»).',
    en: 'This recipient must end with “{mark}” (each line ends with “;”, the “Lưu: VT, …” line with “.”).',
  },
  'signer.tm-title': {
    vi: '«TM.» (thay mặt) chỉ dùng khi ký thay mặt tập thể (ví dụ «TM. ỦY BAN NHÂN DÂN»), không dùng với «{title}».',
    en: '“TM.” (on behalf of) is for signing for a collective body (e.g. “TM. ỦY BAN NHÂN DÂN”), not with “{title}”.',
  },
  'signer.tm-position': {
    vi: 'Ký «TM. {title}» phải ghi chức vụ của người ký ở dòng dưới (ví dụ «CHỦ TỊCH»).',
    en: 'Signing “TM. {title}” needs the signer’s position on the line below (e.g. “CHỦ TỊCH”).',
  },
  'signer.kt-title': {
    vi: '«KT.» là cấp phó ký thay người đứng đầu; «{title}» là tập thể nên phải dùng «TM.».',
    en: '“KT.” is a deputy signing for the head; “{title}” is a collective body, so it takes “TM.”.',
  },
  'signer.kt-deputy': {
    vi: 'Ký «KT. {title}» (ký thay) phải ghi chức vụ cấp phó ở dòng dưới (ví dụ «PHÓ CHỦ TỊCH»).',
    en: 'Signing “KT. {title}” needs the deputy’s position on the line below (e.g. “PHÓ CHỦ TỊCH”).',
  },
  'signer.deputy-no-kt': {
    vi: 'Cấp phó («{title}») ký thì phải ghi «KT.» trước chức vụ của người đứng đầu.',
    en: 'A deputy (“{title}”) signs with “KT.” before the head’s title.',
  },
  'signer.caps': {
    vi: 'Quyền hạn, chức vụ của người ký viết in hoa: «{expected}».',
    en: 'The signing authority and position are written in capitals: “{expected}”.',
  },
  'signer.name-title': {
    vi: 'Không ghi học hàm, học vị, danh hiệu trước họ tên người ký («{title}»).',
    en: 'No academic or honorary title before the signer’s name (“{title}”).',
  },
  'signer.name-case': {
    vi: 'Họ tên người ký viết chữ thường, hoa chữ cái đầu mỗi tiếng: «{expected}».',
    en: 'The signer’s name is written in lower case with each syllable capitalised: “{expected}”.',
  },
  'signer.missing-name': {
    vi: 'Chưa có họ tên người ký.',
    en: 'The signer’s name is missing.',
  },
  'signer.authority': {
    vi: 'Dòng thẩm quyền ban hành «{authority}» không khớp với chức vụ ký «{title}».',
    en: 'The authority line “{authority}” does not match the signing title “{title}”.',
  },
  // ---- capitals (Phụ lục II) ----
  'capitals.name': {
    vi: 'Viết hoa chưa đúng: «{found}» → «{expected}» (Phụ lục II, Nghị định 30/2020/NĐ-CP).',
    en: 'Wrong capitals: “{found}” → “{expected}” (Decree 30/2020, Appendix II).',
  },
  'capitals.article': {
    vi: 'Viết hoa chưa đúng khi dẫn điều, khoản, điểm: «{found}» → «{expected}» (chỉ viết hoa «Điều» khi dẫn một điều cụ thể; «khoản», «điểm» viết thường).',
    en: 'Wrong capitals when citing: “{found}” → “{expected}” (“Điều” is capitalised only for a specific article; “khoản”, “điểm” are lower case).',
  },
  'capitals.special': {
    vi: '«{found}» ở đây chỉ {meaning} nên viết hoa: «{expected}».',
    en: '“{found}” stands for {meaningEn} here and is capitalised: “{expected}”.',
  },
  'capitals.sentence': {
    vi: 'Chữ đầu câu phải viết hoa: «{found}» → «{expected}».',
    en: 'A sentence starts with a capital: “{found}” → “{expected}”.',
  },
  // ---- agencies ----
  'agencies.variants': {
    vi: 'Cùng một cơ quan được viết hai cách: «{name}» và «{other}» ({where}).',
    en: 'The same agency is written two ways: “{name}” and “{other}” ({where}).',
  },
  // ---- appendix rows ----
  'rows.no-task': {
    vi: 'Dòng {n} của phụ lục chưa có nội dung nhiệm vụ.',
    en: 'Row {n} of the appendix has no task text.',
  },
  'rows.no-lead': {
    vi: 'Nhiệm vụ {n} chưa có cơ quan chủ trì.',
    en: 'Task {n} has no lead agency.',
  },
  'rows.no-deadline': {
    vi: 'Nhiệm vụ {n} chưa có thời gian hoàn thành.',
    en: 'Task {n} has no deadline.',
  },
  'rows.deadline-year': {
    vi: 'Thời gian hoàn thành của nhiệm vụ {n} («{deadline}») nằm ngoài năm {year} của kế hoạch.',
    en: 'The deadline of task {n} (“{deadline}”) lies outside the plan year {year}.',
  },
  'rows.deadline-unread': {
    vi: 'Không đọc được thời hạn «{deadline}» của nhiệm vụ {n}; nên ghi rõ (ví dụ «Quý II/{year}», «Trong năm {year}»).',
    en: 'The deadline “{deadline}” of task {n} cannot be read; write it plainly (e.g. “Quý II/{year}”, “Trong năm {year}”).',
  },
  'rows.empty-group': {
    vi: 'Nhóm «{title}» của phụ lục chưa có nhiệm vụ nào.',
    en: 'The appendix group “{title}” has no tasks.',
  },
  // ---- header (h5, #13) ----
  'header.wraps': {
    vi: 'Dòng «{line}» dài quá, không vừa một dòng ở phần đầu văn bản kể cả khi nới cột (bảng 17,5 cm) và giảm cỡ chữ xuống 13; nên viết ngắn lại.',
    en: 'The line “{line}” is too long for one line of the header, even with the widest columns (17.5 cm table) and 13 pt; shorten it.',
  },
  // ---- years ----
  'years.title': {
    vi: '«{found}» khác năm {year} của kế hoạch.',
    en: '“{found}” differs from the plan year {year}.',
  },
  'years.outlier': {
    vi: '«{found}»: {count} đoạn cùng nội dung đều ghi năm {year}, riêng đoạn này ghi năm {other}.',
    en: '“{found}”: {count} passages with the same wording say {year}; this one says {other}.',
  },
  'years.past-deadline': {
    vi: 'Thời hạn «{found}» đã qua so với năm {year} của kế hoạch (có thể còn sót từ kế hoạch năm trước).',
    en: 'The deadline “{found}” is already past for the plan year {year} (probably left over from last year’s plan).',
  },
  // ---- citations and dates in the text ----
  'citations.number-year': {
    vi: 'Văn bản «{number}» có năm {numberYear} trong số hiệu nhưng lại đề ngày {date}.',
    en: '“{number}” has the year {numberYear} in its number but is dated {date}.',
  },
  'citations.date-conflict': {
    vi: 'Văn bản «{number}» được dẫn với hai ngày khác nhau: {date} và {other} ({where}).',
    en: '“{number}” is cited with two different dates: {date} and {other} ({where}).',
  },
  'citations.so': {
    vi: 'Khi dẫn văn bản, ghi «số» trước số hiệu: «{expected}».',
    en: 'A cited document’s number is preceded by “số”: “{expected}”.',
  },
  'dates.leading-zero': {
    vi: 'Ngày tháng ghi chưa đúng: «{found}» → «{expected}» (thêm số 0 trước ngày nhỏ hơn 10 và trước tháng 1, 2; các tháng khác không thêm).',
    en: 'Date written wrongly: “{found}” → “{expected}” (a zero before days under 10 and months 1 and 2 only).',
  },
  'dates.invalid': {
    vi: '«{found}» không phải là một ngày có thật.',
    en: '“{found}” is not a real date.',
  },
  // ---- abbreviations ----
  'abbreviations.before-definition': {
    vi: '«{abbr}» được dùng trước khi được giải thích; cụm từ đầy đủ kèm «({abbr})» đang ở {where}, phải đặt ở lần dùng đầu tiên.',
    en: '“{abbr}” is used before it is spelt out; the full phrase with “({abbr})” is at {where} and belongs at the first use.',
  },
  'abbreviations.undefined': {
    vi: 'Chữ viết tắt «{abbr}» chưa được giải thích: lần dùng đầu tiên phải viết đầy đủ cụm từ, kèm «({abbr})» trong ngoặc đơn.',
    en: 'The abbreviation “{abbr}” is never spelt out: its first use must give the full phrase followed by “({abbr})”.',
  },
  // ---- wording and structure ----
  'text.repeated-word': {
    vi: 'Lặp từ: «{found}».',
    en: 'Repeated word: “{found}”.',
  },
  'text.quotes': {
    vi: 'Dấu ngoặc không khớp: có «{present}» nhưng thiếu «{missing}».',
    en: 'Unbalanced marks: “{present}” without “{missing}”.',
  },
  'text.end': {
    vi: 'Đoạn chưa có dấu kết thúc (dấu «.», hoặc «:» trước các ý liệt kê bên dưới).',
    en: 'The paragraph has no closing mark (“.”, or “:” before the points listed under it).',
  },
  'text.closing': {
    vi: 'Phần cuối văn bản kết thúc bằng «./.».',
    en: 'The text ends with “./.”.',
  },
  'body.nesting': {
    vi: 'Các ý con của «{title}» đang cùng cấp với nó ({kind}) nên bị đánh số lại từ đầu ngay bên dưới; cần đưa xuống cấp {expected}.',
    en: 'The children of “{title}” are at its own level ({kindEn}) and are numbered again right under it; they belong one level down ({expectedEn}).',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export type RuleId = keyof typeof RULES;
export const RULE_IDS = Object.keys(RULES) as RuleId[];

const FIXES = {
  replace: { vi: 'Sửa thành «{to}»', en: 'Change to “{to}”' },
  endMark: { vi: 'Sửa dấu cuối dòng thành «{mark}»', en: 'End the line with “{mark}”' },
  caps: { vi: 'Viết in hoa', en: 'Write in capitals' },
  nameCase: { vi: 'Sửa thành «{to}»', en: 'Change to “{to}”' },
  merge: { vi: 'Gộp vào «{into}»', en: 'Merge into “{into}”' },
  rename: { vi: 'Đổi tên thành «{to}»', en: 'Rename to “{to}”' },
  year: { vi: 'Đổi năm {from} thành {to}', en: 'Change {from} to {to}' },
  addSo: { vi: 'Thêm «số»', en: 'Add “số”' },
  dropRepeat: { vi: 'Bỏ từ lặp', en: 'Remove the repeated word' },
  addMark: { vi: 'Thêm «{mark}»', en: 'Add “{mark}”' },
  demote: { vi: 'Đưa xuống cấp {expected}', en: 'Move down to {expectedEn}' },
  number: { vi: 'Sửa số thành «{to}»', en: 'Change the number to “{to}”' },
} as const satisfies Record<string, Record<Lang, string>>;

export type FixKey = keyof typeof FIXES;

function format(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function message(rule: RuleId, lang: Lang, params: Params): string {
  return format(RULES[rule][lang], params);
}

export function fixLabel(key: FixKey, lang: Lang, params: Params): string {
  return format(FIXES[key][lang], params);
}

/** Names of body levels, for messages. */
export const KIND_NAMES: Record<string, { vi: string; en: string }> = {
  part: { vi: 'phần I, II', en: 'parts I, II' },
  item: { vi: 'mục 1, 2', en: 'items 1, 2' },
  point: { vi: 'điểm a), b)', en: 'points a), b)' },
  dash: { vi: 'gạch đầu dòng «-»', en: 'dashes “-”' },
  plus: { vi: 'dấu «+»', en: 'pluses “+”' },
  paragraph: { vi: 'đoạn văn', en: 'paragraphs' },
};
