/**
 * Recipients (`Nơi nhận:`) and the signature block, for the Decision or a standalone Plan.
 *
 * - Recipients: each `- …;` on its own line, the last `- Lưu: VT, …` ending with `.`. The registry's copy
 *   (`Lưu: VT`) is compulsory: without it the document comes back (error). The tuyên truyền plan writes
 *   `Lưu VT, Phòng NC-NgV.` (no colon): mechanical fix. A line may introduce sub-items with `:` and the
 *   sub-items start with `+ ` (the Bắc Giang plan: `VP UBND tỉnh:` / `+ LĐVP, …;` / `+ Lưu: VT, NC.`).
 *   The end marks are repaired by the exporter too, so they are warnings with a fix.
 * - Signer: `TM.` for a collective body (`TM. ỦY BAN NHÂN DÂN` / `CHỦ TỊCH`), `KT.` for a deputy signing
 *   for the head (`KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`), nothing when the head signs; titles in capitals; the
 *   name in lower case with each syllable capitalised and without academic titles.
 * - The authority line of a Decision (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`) names whoever signs: it begins with
 *   the signer's title (`CHỦ TỊCH`, or `ỦY BAN NHÂN DÂN` for a TM. signature).
 */
import type { Issuance } from '../model/types';
import { PLAN } from './types';
import type { Ctx } from './context';

const COLLECTIVE = /^(ỦY BAN|HỘI ĐỒNG|BAN |THƯỜNG TRỰC|ĐOÀN)/u;
const ACADEMIC = /^(GS\.?\s*TS\.?|PGS\.?\s*TS\.?|GS\.|PGS\.|TS\.|ThS\.|KS\.|BS\.|Tiến sĩ|Thạc sĩ|Giáo sư|Phó giáo sư|Kỹ sư|Bác sĩ|Nhà giáo|Nghệ sĩ|Anh hùng)\s*/u;

function nameCase(name: string): string {
  return name
    .split(/(\s+)/)
    .map((w) => (/\s/.test(w) || !w ? w : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}

function checkRecipients(ctx: Ctx, base: string, iss: Issuance): void {
  const list = `${base}.recipients`;
  const items = iss.recipients;
  if (items.every((r) => r.trim() === '')) {
    ctx.add('recipients.missing', 'error', list);
    return;
  }
  let last = -1;
  items.forEach((r, i) => {
    if (r.trim()) last = i;
  });
  const lastText = items[last].trim();
  const bare = lastText.replace(/^\+\s*/, '');
  if (!/^Lưu\s*:\s*VT\b/u.test(bare)) {
    const m = /^lưu\s*:?\s*(vt|văn thư)\b\s*,?\s*(.*)$/iu.exec(bare);
    let fixed: string | null = null;
    if (m) {
      const rest = m[2].replace(/[\s;,.]+$/u, '');
      fixed = (lastText.startsWith('+') ? '+ ' : '') + `Lưu: VT${rest ? ', ' + rest : ''}.`;
    }
    // `Lưu VT` without the colon is the right line written loosely (likely to be corrected, with a
    // certain fix); no `Lưu: VT` line at all is certain to be sent back.
    if (fixed) {
      ctx.add('recipients.archive-form', 'warning', `${list}[${last}]`, { found: lastText, expected: fixed }, {
        excerpt: lastText,
        fix: { key: 'replace', params: { to: fixed }, ops: [{ method: 'updateListItem', args: [PLAN, list, last, fixed] }], preview: { before: lastText, after: fixed } },
      });
    } else {
      ctx.add('recipients.archive', 'error', `${list}[${last}]`, {}, { excerpt: lastText });
    }
    // The end mark of a wrong last line is part of that fix; do not report it twice.
    items.forEach((r, i) => i !== last && endMark(ctx, list, items, i, ';'));
    return;
  }
  items.forEach((_r, i) => endMark(ctx, list, items, i, i === last ? '.' : ';'));
}

function endMark(ctx: Ctx, list: string, items: string[], i: number, mark: ';' | '.'): void {
  const raw = items[i];
  const text = raw.trim();
  if (!text) return;
  // A line that introduces `+ ` sub-items ends with a colon.
  if (mark === ';' && text.endsWith(':') && /^\+/.test((items[i + 1] ?? '').trim())) return;
  const fixed = text.replace(/[\s;,.:]+$/u, '') + mark;
  if (fixed === text) return;
  ctx.add('recipients.end', 'warning', `${list}[${i}]`, { mark }, {
    excerpt: text,
    fix: { key: 'endMark', params: { mark }, ops: [{ method: 'updateListItem', args: [PLAN, list, i, fixed] }], preview: { before: text, after: fixed } },
  });
}

function checkSigner(ctx: Ctx, base: string, iss: Issuance): void {
  const s = iss.signer;
  const title = s.title.trim();
  const deputy = s.deputyTitle.trim();
  const tpath = `${base}.signer.title`;
  const dpath = `${base}.signer.deputyTitle`;
  const upper = (t: string) => t.toUpperCase();
  if (s.prefix === 'TM.') {
    if (!COLLECTIVE.test(upper(title))) ctx.add('signer.tm-title', 'error', `${base}.signer.prefix`, { title });
    else if (!deputy) ctx.add('signer.tm-position', 'error', dpath, { title });
  } else if (s.prefix === 'KT.') {
    if (COLLECTIVE.test(upper(title))) ctx.add('signer.kt-title', 'error', `${base}.signer.prefix`, { title });
    else if (!deputy) ctx.add('signer.kt-deputy', 'error', dpath, { title });
  } else if (s.prefix === '' && /^PHÓ\s/u.test(upper(title))) {
    ctx.add('signer.deputy-no-kt', 'error', `${base}.signer.prefix`, { title });
  }
  for (const [path, value] of [[tpath, s.title], [dpath, s.deputyTitle]] as const) {
    if (value.trim() && value !== upper(value)) {
      ctx.add('signer.caps', 'info', path, { expected: upper(value) }, {
        fix: { key: 'caps', ops: [{ method: 'setField', args: [PLAN, path, upper(value)] }], preview: { before: value, after: upper(value) } },
      });
    }
  }

  const npath = `${base}.signer.name`;
  const name = s.name.trim();
  if (!name) {
    ctx.add('signer.missing-name', 'info', npath);
  } else {
    const academic = ACADEMIC.exec(name);
    if (academic) {
      const bareName = name.slice(academic[0].length).trim();
      ctx.add('signer.name-title', 'error', npath, { title: academic[0].trim() }, {
        fix: bareName ? { key: 'replace', params: { to: bareName }, ops: [{ method: 'setField', args: [PLAN, npath, bareName] }], preview: { before: name, after: bareName } } : null,
      });
    } else if (nameCase(name) !== name) {
      const expected = nameCase(name);
      ctx.add('signer.name-case', 'info', npath, { expected }, {
        fix: { key: 'nameCase', params: { to: expected }, ops: [{ method: 'setField', args: [PLAN, npath, expected] }], preview: { before: name, after: expected } },
      });
    }
  }
}

/**
 * `Như Điều N` in the Decision's recipients sends copies to the bodies an article names; it must be the
 * article that assigns execution (`… chịu trách nhiệm thi hành Quyết định này`): Điều 2 in a two-article
 * Decision, Điều 3 when Điều 2 says when it takes effect. Reported when exactly one article assigns
 * execution and the recipients point elsewhere; the fix writes that article's number in place of N.
 */
function checkExecutionArticle(ctx: Ctx, decision: NonNullable<Ctx['pkg']['decision']>): void {
  const assigning = decision.articles
    .map((runs, i) => ({ i, text: runs.map((r) => r.text).join('') }))
    .filter((a) => /trách nhiệm thi hành|tổ chức thi hành|thi hành Quyết định này/u.test(a.text) && !/^\s*Quyết định này có hiệu lực/u.test(a.text));
  if (assigning.length !== 1) return;
  const article = assigning[0].i + 1;
  decision.recipients.forEach((r, i) => {
    const m = /(Như|như) Điều (\d+)(?!\d)/u.exec(r);
    if (!m || Number(m[2]) === article) return;
    const start = m.index + m[0].length - m[2].length;
    const fixed = r.slice(0, start) + String(article) + r.slice(start + m[2].length);
    ctx.add('recipients.article', 'error', `decision.recipients[${i}]`, { found: m[0], article }, {
      excerpt: r.trim(),
      fix: {
        key: 'replace',
        params: { to: `${m[1]} Điều ${article}` },
        ops: [{ method: 'updateListItem', args: [PLAN, 'decision.recipients', i, fixed] }],
        preview: { before: r.trim(), after: fixed.trim() },
      },
    });
  });
}

export function checkRecipientsAndSigner(ctx: Ctx): void {
  const { pkg } = ctx;
  if (pkg.decision) {
    checkRecipients(ctx, 'decision', pkg.decision);
    checkExecutionArticle(ctx, pkg.decision);
    checkSigner(ctx, 'decision', pkg.decision);
    const authority = pkg.decision.authority.trim().toUpperCase().replace(/\s+/g, ' ');
    const title = pkg.decision.signer.title.trim().toUpperCase().replace(/\s+/g, ' ');
    if (authority && title && !authority.startsWith(title)) {
      ctx.add('signer.authority', 'warning', 'decision.authority', { authority: pkg.decision.authority, title: pkg.decision.signer.title });
    }
  }
  if (pkg.plan.issuance) {
    checkRecipients(ctx, 'plan.issuance', pkg.plan.issuance);
    checkSigner(ctx, 'plan.issuance', pkg.plan.issuance);
  }
}
