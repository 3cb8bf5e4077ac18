/**
 * The checker's messages and fix labels, Vietnamese and English side by side. `{name}` is replaced by the
 * parameter of that name. The CLI prints Vietnamese by default; the UI passes its language.
 */
import type { Lang } from './types';

export type Params = Record<string, string | number>;

const RULES = {
  // ---- number, symbol, date (issuance) ----
  'number.symbol-missing': {
    vi: 'Chưa có ký hiệu văn bản (ví dụ «{expected}») (Nghị định 30/2020/NĐ-CP, Phụ lục I: số, ký hiệu của văn bản).',
    en: 'The document symbol is missing (e.g. “{expected}”) (Decree 30/2020, Appendix I: number and symbol).',
  },
  'number.symbol-format': {
    vi: 'Ký hiệu «{symbol}» sai thể thức: viết hoa, không có khoảng trắng, các phần nối bằng dấu gạch nối (đúng: «{expected}») (Nghị định 30/2020/NĐ-CP, Phụ lục I: số, ký hiệu của văn bản).',
    en: 'The symbol “{symbol}” is not in the official form: capitals, no spaces, parts joined by hyphens (right: “{expected}”) (Decree 30/2020, Appendix I: number and symbol).',
  },
  'number.symbol-type': {
    vi: 'Ký hiệu «{symbol}» phải bắt đầu bằng chữ viết tắt tên loại văn bản «{expected}» ({type}) (Nghị định 30/2020/NĐ-CP, Phụ lục III).',
    en: 'The symbol “{symbol}” must start with the abbreviation of the document type, “{expected}” ({type}) (Decree 30/2020, Appendix III).',
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
    vi: 'Dòng căn cứ ban hành phải bắt đầu bằng «Căn cứ» (văn bản quy phạm, văn bản giao quyền), «Thực hiện» (văn bản chỉ đạo của cấp trên) hoặc «Xét đề nghị» (Nghị định 30/2020/NĐ-CP, Phụ lục I: căn cứ ban hành văn bản).',
    en: 'A legal basis line starts with “Căn cứ” (laws and delegating acts), “Thực hiện” (a higher body’s instruction) or “Xét đề nghị” (Decree 30/2020, Appendix I: legal bases).',
  },
  'legal-bases.kind-order': {
    vi: '«{this}» đứng trước căn cứ «{other}»: các dòng «Căn cứ …» đặt trước, sau đó mới đến «Thực hiện …», «Xét đề nghị …» (Nghị định 30/2020/NĐ-CP, Phụ lục I: căn cứ ban hành văn bản).',
    en: '“{this}” comes before the basis “{other}”: “Căn cứ …” lines come first, then “Thực hiện …” and “Xét đề nghị …” (Decree 30/2020, Appendix I: legal bases).',
  },
  'legal-bases.end': {
    vi: 'Dòng này phải kết thúc bằng dấu «{mark}» (mỗi căn cứ kết thúc bằng «;», dòng cuối cùng bằng «.») (Nghị định 30/2020/NĐ-CP, Phụ lục I: căn cứ ban hành văn bản).',
    en: 'This line must end with “{mark}” (each basis ends with “;”, the last line with “.”) (Decree 30/2020, Appendix I: legal bases).',
  },
  'legal-bases.proposal-start': {
    vi: 'Dòng đề nghị bắt đầu bằng «Theo đề nghị của» hoặc «Xét đề nghị của» (Nghị định 30/2020/NĐ-CP, Phụ lục I: căn cứ ban hành văn bản).',
    en: 'The proposal line starts with “Theo đề nghị của” or “Xét đề nghị của” (Decree 30/2020, Appendix I: legal bases).',
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
    vi: 'Nơi nhận cuối cùng phải là «Lưu: VT, …»: văn thư giữ một bản, không có dòng này văn bản bị trả lại (Nghị định 30/2020/NĐ-CP, Phụ lục I: nơi nhận).',
    en: 'The last recipient must be “Lưu: VT, …”: the registry keeps a copy, and a document without it comes back (Decree 30/2020, Appendix I: recipients).',
  },
  'recipients.archive-form': {
    vi: 'Dòng lưu viết chưa đúng mẫu: «{found}» → «{expected}» (Nghị định 30/2020/NĐ-CP, Phụ lục I: nơi nhận).',
    en: 'The archive line is not in the set form: “{found}” → “{expected}” (Decree 30/2020, Appendix I: recipients).',
  },
  'recipients.article': {
    vi: 'Nơi nhận ghi «{found}» nhưng điều giao tổ chức thi hành («… chịu trách nhiệm thi hành Quyết định này») là Điều {article}: bản gửi sẽ đến sai người (Nghị định 30/2020/NĐ-CP, Phụ lục I: nơi nhận).',
    en: 'The recipients say “{found}” but the article that assigns execution (“… chịu trách nhiệm thi hành Quyết định này”) is Article {article}: copies would go to the wrong people (Decree 30/2020, Appendix I: recipients).',
  },
  'recipients.end': {
    vi: 'Dòng nơi nhận này phải kết thúc bằng dấu «{mark}» (mỗi dòng kết thúc bằng «;», dòng «Lưu: VT, …» bằng «.») (Nghị định 30/2020/NĐ-CP, Phụ lục I: nơi nhận).',
    en: 'This recipient must end with “{mark}” (each line ends with “;”, the “Lưu: VT, …” line with “.”) (Decree 30/2020, Appendix I: recipients).',
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
    vi: 'Không ghi học hàm, học vị, danh hiệu trước họ tên người ký («{title}») (Nghị định 30/2020/NĐ-CP, Phụ lục I: chức vụ, họ tên người ký).',
    en: 'No academic or honorary title before the signer’s name (“{title}”) (Decree 30/2020, Appendix I: signature block).',
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
    vi: 'Viết hoa tên cơ quan chưa đúng: «{found}» → «{expected}» (Nghị định 30/2020/NĐ-CP, Phụ lục II: viết hoa tên cơ quan, tổ chức).',
    en: 'Wrong capitals in an agency’s name: “{found}” → “{expected}” (Decree 30/2020, Appendix II: names of agencies and organisations).',
  },
  'capitals.article': {
    vi: 'Viết hoa chưa đúng khi dẫn điều, khoản, điểm: «{found}» → «{expected}» (chỉ viết hoa «Điều» khi dẫn một điều cụ thể; «khoản», «điểm» viết thường) (Nghị định 30/2020/NĐ-CP, Phụ lục II).',
    en: 'Wrong capitals when citing: “{found}” → “{expected}” (“Điều” is capitalised only for a specific article; “khoản”, “điểm” are lower case).',
  },
  'capitals.special': {
    vi: '«{found}» ở đây chỉ {meaning} nên viết hoa: «{expected}» (Nghị định 30/2020/NĐ-CP, Phụ lục II: danh từ đặc biệt).',
    en: '“{found}” stands for {meaningEn} here and is capitalised: “{expected}” (Decree 30/2020, Appendix II: special nouns).',
  },
  'capitals.sentence': {
    vi: 'Chữ đầu câu phải viết hoa: «{found}» → «{expected}» (Nghị định 30/2020/NĐ-CP, Phụ lục II).',
    en: 'A sentence starts with a capital: “{found}” → “{expected}” (Decree 30/2020, Appendix II).',
  },
  // ---- agencies ----
  'agencies.variants': {
    vi: 'Cùng một cơ quan được viết hai cách: «{name}» và «{other}» ({where}).',
    en: 'The same agency is written two ways: “{name}” and “{other}” ({where}).',
  },
  // ---- appendix rows ----
  'rows.no-task': {
    vi: 'Dòng {n} của phụ lục chưa có nội dung nhiệm vụ: không giao được cho ai, không theo dõi được.',
    en: 'Row {n} of the appendix has no task text: it cannot be assigned or tracked.',
  },
  'rows.empty-row': {
    vi: 'Dòng {n} của phụ lục để trống hoàn toàn (có thể là dòng thừa).',
    en: 'Row {n} of the appendix is entirely empty (probably a stray row).',
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
    vi: 'Thời gian hoàn thành của nhiệm vụ {n} («{deadline}») nằm ngoài {period} của kế hoạch.',
    en: 'The deadline of task {n} (“{deadline}”) lies outside the plan’s {period}.',
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
    vi: 'Thời hạn «{found}» đã qua trước cả năm {year} của kế hoạch: nhiều khả năng còn sót từ kế hoạch năm trước.',
    en: 'The deadline “{found}” is over before the plan year {year} begins: most likely left over from last year’s plan.',
  },
  'dates.before-issue': {
    vi: 'Thời hạn «{found}» sớm hơn ngày ký văn bản ({date}): khi văn bản được ký, thời hạn này đã qua; cần lùi thời hạn hoặc sửa ngày.',
    en: 'The deadline “{found}” is earlier than the document’s own date ({date}): it is over by the time the document is signed; move the deadline or correct the date.',
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
    vi: 'Ngày tháng ghi chưa đúng: «{found}» → «{expected}» (thêm số 0 trước ngày nhỏ hơn 10 và trước tháng 1, 2; các tháng khác không thêm) (Nghị định 30/2020/NĐ-CP, Phụ lục I: thời gian ban hành văn bản).',
    en: 'Date written wrongly: “{found}” → “{expected}” (a zero before days under 10 and months 1 and 2 only) (Decree 30/2020, Appendix I: date of issue).',
  },
  'dates.invalid': {
    vi: '«{found}» không phải là một ngày có thật (ngày không tồn tại trong tháng đó).',
    en: '“{found}” is not a real date (that month has no such day).',
  },
  // ---- abbreviations ----
  'abbreviations.before-definition': {
    vi: '«{abbr}» được dùng trước khi được giải thích; cụm từ đầy đủ kèm «({abbr})» đang ở {where}, phải đặt ở lần dùng đầu tiên.',
    en: '“{abbr}” is used before it is spelt out; the full phrase with “({abbr})” is at {where} and belongs at the first use.',
  },
  'abbreviations.undefined': {
    vi: 'Chữ viết tắt «{abbr}» chưa được giải thích: lần dùng đầu tiên phải viết đầy đủ cụm từ, kèm «({abbr})» trong ngoặc đơn (Nghị định 30/2020/NĐ-CP, Phụ lục I: nội dung văn bản). Nếu tỉnh quen dùng không giải thích, thêm «{abbr}» vào danh sách chữ viết tắt của kế hoạch.',
    en: 'The abbreviation “{abbr}” is never spelt out: its first use must give the full phrase followed by “({abbr})” (Decree 30/2020, Appendix I: content). If the province always uses it as is, add “{abbr}” to the plan’s list of abbreviations.',
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
  knownAbbr: { vi: 'Không cần giải thích «{abbr}» trong kế hoạch này', en: '“{abbr}” needs no spelling-out in this plan' },
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
