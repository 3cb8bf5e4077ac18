/**
 * The one agency splitter: the text of an agency cell ("Sở Nội vụ, Sở Tư pháp", "Văn phòng UBND tỉnh và các
 * cơ quan, đơn vị có liên quan", one agency per line) → the agencies it names, each with the text printed
 * after it. Shared by the Word and Excel importers, the merge of proposals and paste/typing in the grid
 * (pure: no Node, no DOM, so the renderer may call it too).
 *
 * Where it cuts:
 * - at a new line (Alt+Enter in Excel, Shift+Enter or a new paragraph in Word, Excel's `_x000D_`) and at ";":
 *   the drafter said so; a line that starts in lower case carries on the name above (a forced wrap);
 * - at ", " and " và " only when what follows starts like an agency name (Sở …, UBND …, Ban …, Văn phòng …,
 *   Công an …, Các/các …, Trung tâm …, Đài …, Báo …; see AGENCY_STARTS) or is a name the directory knows,
 *   and never inside a known name: "Các sở, ban, ngành tỉnh", "Sở Kế hoạch và Đầu tư", "Sở Văn hóa, Thể
 *   thao và Du lịch" stay whole. Those cuts are guesses and are reported as such;
 * - the shared-prefix form "Các Sở: Tài chính, Tư pháp" → Sở Tài chính, Sở Tư pháp (a guess too).
 *
 * Names are compared by agencyNameKey (NFC, every kind of space, case), so `Sở\u00a0Nội\u00a0vụ`, a decomposed
 * "Sở Nội vụ" and "sở nội vụ" are one agency.
 */

/** Every kind of space a pasted name may carry: no-break, thin, figure, ideographic, zero-width, tab. */
const SPACES = /[\s\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff]+/gu;

/** A name as the program writes it: NFC, every space kind one ordinary space, trimmed. */
export function cleanAgencyName(name: string): string {
  return name.normalize('NFC').replace(SPACES, ' ').trim();
}

/** The key two spellings of one name share: cleanAgencyName, then lower case. */
export function agencyNameKey(name: string): string {
  return cleanAgencyName(name).toLowerCase();
}

/**
 * How agency names start (folded to lower case, after cleanAgencyName). Data, not code: add a pattern here and
 * every reader splits before it. `các` covers the collective names (Các sở, ban, ngành; các cơ quan, đơn vị …).
 */
export const AGENCY_STARTS: readonly string[] = [
  'sở', 'ubnd', 'ủy ban', 'uỷ ban', 'ban', 'văn phòng', 'vp', 'công an', 'các', 'trung tâm', 'đài', 'báo', 'bộ chỉ huy', 'bộ',
  'cục', 'chi cục', 'thanh tra', 'kho bạc', 'bảo hiểm', 'hội', 'liên đoàn', 'liên minh', 'tỉnh đoàn', 'thành đoàn', 'đoàn',
  'mặt trận', 'ủy ban mttq', 'ngân hàng', 'trường', 'bệnh viện', 'viện', 'phòng', 'công ty', 'hội đồng', 'tòa án', 'toà án',
  'thuế', 'hải quan', 'bưu điện', 'đảng ủy', 'đảng uỷ', 'tỉnh ủy', 'tỉnh uỷ', 'huyện ủy', 'thành ủy', 'bch', 'cơ quan',
  'đơn vị', 'hđnd', 'hội đồng nhân dân', 'tổng công ty', 'quỹ',
];

/**
 * Names with a comma or "và" inside that are one agency (besides whatever the plan's directory holds).
 * Compared by agencyNameKey.
 */
export const KNOWN_AGENCY_NAMES: readonly string[] = [
  'Các sở, ban, ngành tỉnh', 'Các sở, ban, ngành', 'Các sở, ngành', 'Các sở, ban, ngành, địa phương', 'Các sở, ban, ngành, đoàn thể',
  'Các cơ quan, đơn vị có liên quan', 'Các cơ quan, đơn vị liên quan', 'Các cơ quan, đơn vị', 'Các sở, ban, ngành cấp tỉnh',
  'UBND các huyện, thị xã, thành phố', 'UBND các huyện, thành phố', 'Ủy ban nhân dân các huyện, thị xã, thành phố',
  'UBND các xã, phường, thị trấn', 'Ủy ban nhân dân các xã, phường, thị trấn', 'UBND cấp huyện, cấp xã',
  'Sở Kế hoạch và Đầu tư', 'Sở Tài nguyên và Môi trường', 'Sở Thông tin và Truyền thông', 'Sở Giáo dục và Đào tạo',
  'Sở Khoa học và Công nghệ', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở Nông nghiệp và Môi trường', 'Sở Văn hóa, Thể thao và Du lịch',
  'Sở Văn hóa và Thể thao', 'Sở Lao động - Thương binh và Xã hội', 'Sở Dân tộc và Tôn giáo', 'Sở Khoa học, Công nghệ và Đổi mới sáng tạo',
  'Đài Phát thanh và Truyền hình tỉnh', 'Đài Phát thanh - Truyền hình tỉnh', 'Bộ Chỉ huy Quân sự tỉnh',
  'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội', 'Trung tâm Phục vụ hành chính công tỉnh',
  'Ban Quản lý các khu công nghiệp', 'Ban Quản lý Khu kinh tế và các khu công nghiệp',
];

/** One agency of a cell: its name (clean), what the cell printed after it, and whether the cut before it was a guess. */
export interface AgencyPart {
  name: string;
  after: string;
  /** The cut before this part (or the prefix it got) was guessed from patterns, not said by a ";" or a new line. */
  guessed: boolean;
}

export interface AgencySplit {
  parts: AgencyPart[];
  /** True when at least one cut (or a shared prefix) was guessed: the import report lists the cell. */
  guessed: boolean;
  /** The cell's text as printed, cleaned (what the split came from). */
  printed: string;
}

/** What the splitter knows besides its built-in lists: the names of the plan's directory. */
export interface SplitContext {
  /** agencyNameKey of every name known to be one agency. */
  known: ReadonlySet<string>;
  /** The longest known name in words, to bound the search for a known name. */
  maxWords: number;
}

const BUILT_IN_KEYS = KNOWN_AGENCY_NAMES.map(agencyNameKey);

/** A context from the plan's directory names (any spelling); the built-in names are always known. */
export function splitContext(names: Iterable<string> = []): SplitContext {
  const known = new Set(BUILT_IN_KEYS);
  for (const n of names) known.add(agencyNameKey(n));
  let maxWords = 0;
  for (const k of known) maxWords = Math.max(maxWords, k.split(' ').length);
  return { known, maxWords };
}

const DEFAULT_CONTEXT = splitContext();

/** AGENCY_STARTS as one expression, longest first: `sở …`, `ubnd …`, `các …`. */
const STARTS = new RegExp(`^(?:${[...AGENCY_STARTS].sort((a, b) => b.length - a.length).join('|')})(?: |$)`, 'u');

function startsLikeAgency(text: string, ctx: SplitContext): boolean {
  const k = agencyNameKey(text);
  return STARTS.test(k) || ctx.known.has(k);
}

function startsLowercase(text: string): boolean {
  const first = text.trimStart().charAt(0);
  return first !== '' && first === first.toLowerCase() && first !== first.toUpperCase();
}

/** Tokens of a line: text pieces and the separators between them, as written. */
interface Piece {
  text: string;
  /** The separator written after the piece (", ", " và ", "; " …); '' for the last. */
  sep: string;
  /** The separator is ";": the drafter cut there. */
  hard: boolean;
}

const SEPARATOR = /\s*;\s*|\s*,\s*|\s+và\s+/gu;

function pieces(line: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of line.matchAll(SEPARATOR)) {
    const at = m.index ?? 0;
    out.push({ text: line.slice(last, at), sep: m[0], hard: m[0].includes(';') });
    last = at + m[0].length;
  }
  out.push({ text: line.slice(last), sep: '', hard: false });
  return out;
}

/** The separator as printed: "; " and ", " with one space after, " và " with spaces around. */
function printedSeparator(sep: string): string {
  if (sep.includes(';')) return '; ';
  if (sep.includes(',')) return ', ';
  return sep ? ' và ' : '';
}

/** Cuts one line (no new lines in it) into parts. */
function splitLine(line: string, ctx: SplitContext): AgencyPart[] {
  // The shared-prefix form: "Các Sở: Tài chính, Tư pháp" → Sở Tài chính, Sở Tư pháp.
  const shared = /^(?:các|những)\s+(sở|ban|phòng|trung tâm|đài|báo|hội|cục|chi cục|ủy ban nhân dân|ubnd)\s*:\s*(\S.*)$/iu.exec(line);
  if (shared) {
    const noun = shared[1].charAt(0).toLocaleUpperCase('vi') + shared[1].slice(1);
    const items = pieces(shared[2]).filter((p) => p.text.trim());
    if (items.length > 0) {
      return items.map((p, i) => ({
        name: cleanAgencyName(`${noun} ${p.text}`),
        after: i < items.length - 1 ? printedSeparator(p.sep) : '',
        guessed: true,
      }));
    }
  }
  const ps = pieces(line);
  const parts: AgencyPart[] = [];
  let i = 0;
  let guessedCut = false;
  while (i < ps.length) {
    // Longest known name starting here (it may hold commas and "và"), else the piece alone, then more pieces
    // until a cut: ";" always, ", "/" và " when the next piece starts like an agency.
    let end = i;
    let text = ps[i].text;
    // A known name never spans a ";": look no further than the next one.
    let limit = Math.min(ps.length - 1, i + ctx.maxWords);
    for (let k = i; k < limit; k++) {
      if (ps[k].hard) {
        limit = k;
        break;
      }
    }
    for (let j = limit; j > i; j--) {
      let candidate = ps[i].text;
      for (let k = i; k < j; k++) candidate += ps[k].sep + ps[k + 1].text;
      if (ctx.known.has(agencyNameKey(candidate))) {
        end = j;
        text = candidate;
        break;
      }
    }
    // Then pieces that do not start like an agency carry the name on, after a known name too: "Các cơ quan,
    // đơn vị" is known, and "Các cơ quan, đơn vị, địa phương có liên quan" is still one agency.
    while (end < ps.length - 1 && !ps[end].hard && !startsLikeAgency(ps[end + 1].text, ctx)) {
      text += ps[end].sep + ps[end + 1].text;
      end++;
    }
    const name = cleanAgencyName(text);
    if (name) parts.push({ name, after: '', guessed: guessedCut });
    else if (parts.length) parts[parts.length - 1].after = '';
    const sep = ps[end].sep;
    if (parts.length && end < ps.length - 1) parts[parts.length - 1].after = printedSeparator(sep);
    guessedCut = !ps[end].hard;
    i = end + 1;
  }
  if (parts.length) parts[parts.length - 1].after = '';
  return parts;
}

/**
 * Splits an agency cell's text into agencies. `context` holds the plan directory's names (splitContext);
 * without it only the built-in names and patterns decide. Never throws; empty text gives no parts.
 * New lines cut with "; " printed between the agencies (how the exporters print a list in one cell).
 */
export function splitAgencies(text: string, context: SplitContext = DEFAULT_CONTEXT): AgencySplit {
  const normalised = text.replace(/_x000D_/g, '').replace(/\r\n?/g, '\n').normalize('NFC');
  const lines = normalised
    .split('\n')
    .map((l) => l.replace(SPACES, ' ').replace(/^\s*[-–—+•*]\s*/u, '').trim())
    .filter(Boolean);
  // A line that starts in lower case carries on the name above (a forced wrap: "Các sở, ban, ngành" / "tỉnh");
  // a line ending with "," or "và" carries on too.
  const joined: string[] = [];
  for (const line of lines) {
    const prev = joined[joined.length - 1];
    if (prev !== undefined && (startsLowercase(line) && !/^các\s/u.test(line) || /(,|\svà)$/u.test(prev))) joined[joined.length - 1] = `${prev} ${line}`;
    else joined.push(line);
  }
  const parts: AgencyPart[] = [];
  joined.forEach((line, li) => {
    const got = splitLine(line.replace(/[;,]$/, ''), context);
    if (li > 0 && parts.length && got.length) parts[parts.length - 1].after = '; ';
    parts.push(...got);
  });
  // Inside a list a collective name is written "các …"; the directory holds it as "Các …" (mentionsText
  // writes it back in lower case there), so both spellings are one agency.
  parts.forEach((p, i) => {
    if (i > 0 && /^các\s/u.test(p.name)) p.name = `C${p.name.slice(1)}`;
  });
  return { parts, guessed: parts.some((p) => p.guessed), printed: joined.join('; ') };
}
