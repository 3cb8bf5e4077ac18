/**
 * Reading a status as departments type it (#23): the drop-down's words are read for certain; anything else —
 * "xong", "HT", "đang triển khai (70%)", "chưa", "đạt 100%" — is a guess, said so in the return's report. Text the
 * program cannot read keeps no status and is never dropped (the caller keeps it as a note and lists it).
 * Pure: the renderer may show the same reading.
 */
import { STATUS_WORDS, TASK_STATUSES, type TaskStatus } from './tracking';

export interface StatusReading {
  status: TaskStatus | null;
  /** A percentage written in the cell (`70%`), else null. */
  progress: number | null;
  /** True for one of the drop-down's words or an empty cell; false for a guess or for unreadable text. */
  certain: boolean;
  /** False when the cell held text none of the rules read (status null, the text to be kept as a note). */
  read: boolean;
}

/** Folded: lower case, no diacritics, `đ` → `d`, spaces squeezed; `/` and `-` kept as word breaks. */
function fold(text: string): string {
  return ` ${text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[()[\]{}.,;:!?"“”'’/\\-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

const EXACT = new Map<string, TaskStatus>(TASK_STATUSES.map((s) => [fold(STATUS_WORDS[s]).trim(), s]));
// The drop-down's words as people shorten them when they retype the list: still certain.
EXACT.set('hoan thanh qua han', 'doneLate');
EXACT.set('khong thuc hien', 'dropped');
EXACT.set('de nghi dieu chinh', 'dropped');

/** Rules in order: the first whose words appear decides. `late` words before `done`; `chua` before `hoan thanh`. */
const RULES: Array<[RegExp, TaskStatus]> = [
  [/ (?:qua han|tre han|cham han|muon) /, 'doneLate'],
  [/ (?:khong thuc hien|khong trien khai|de nghi (?:dieu chinh|bo|dung|xoa|loai|khong)|dung thuc hien|tam dung|huy bo|bo nhiem vu) /, 'dropped'],
  [/ chua (?:hoan thanh|xong|ht) /, 'inProgress'],
  [/ chua /, 'notStarted'],
  [/ (?:dang|dung tien do|cham tien do|tiep tuc|thuong xuyen|dinh ky|trien khai|thuc hien mot phan|mot phan) /, 'inProgress'],
  [/ (?:da hoan thanh|hoan thanh|hoan tat|xong|da xong|ht|dht|da thuc hien|hoan thien|dat|done|ok|roi) /, 'done'],
];

/** Reads one status cell. An empty cell is certain and has no status. */
export function readStatusWords(text: string): StatusReading {
  const raw = text.normalize('NFC').trim();
  if (!raw) return { status: null, progress: null, certain: true, read: true };
  const folded = fold(raw);
  const exact = EXACT.get(folded.trim());
  if (exact) return { status: exact, progress: null, certain: true, read: true };

  const percent = /(\d{1,3}(?:[.,]\d+)?)\s*%/.exec(raw);
  const progress = percent ? Math.min(100, Math.round(Number(percent[1].replace(',', '.')))) : null;
  const late = / (?:qua han|tre han|cham han|muon) /.test(folded) && / (?:hoan thanh|xong|ht) /.test(folded);
  if (progress !== null && !late) {
    // "đạt 70%", "Hoàn thành 70%" (70 % complete), "(100%)": the figure decides, the words only what 0 and 100 mean.
    if (progress >= 100) return { status: 'done', progress, certain: false, read: true };
    if (progress === 0) return { status: 'notStarted', progress, certain: false, read: true };
    return { status: 'inProgress', progress, certain: false, read: true };
  }
  for (const [pattern, status] of RULES) {
    if (status === 'doneLate' && !late) continue;
    if (pattern.test(folded)) return { status, progress, certain: false, read: true };
  }
  return { status: null, progress, certain: false, read: false };
}
