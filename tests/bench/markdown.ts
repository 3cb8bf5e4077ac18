/**
 * The same plan content as Markdown, for pandoc to write as DOCX beside our exporter: the Decision (heading
 * block, legal bases, articles, recipients, signer), the Plan's body as headings and paragraphs, and the
 * appendix as one pipe table (STT, every visible column, agencies by name). Yardstick only: not ND30 layout.
 */
import type { BodyNode, CellValue, PlanPackage, RichText } from '../../electron/core/model/types';
import { bodyLabel, toRoman } from '../../electron/core/model/numbering';

const text = (t: RichText | string): string => (typeof t === 'string' ? t : t.map((r) => (r.bold ? `**${r.text}**` : r.italic ? `*${r.text}*` : r.text)).join(''));
const cellText = (v: CellValue | undefined, names: Map<string, string>): string =>
  (v === undefined ? '' : typeof v === 'string' ? v : v.map((m) => `${names.get(m.agency) ?? m.agency}${m.after}`).join('')).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function body(nodes: BodyNode[], depth: number, out: string[]): void {
  nodes.forEach((n, i) => {
    const line = `${bodyLabel(n.kind, i)} ${text(n.text)}`;
    out.push(n.heading && depth < 3 ? `${'#'.repeat(depth + 2)} ${line}` : line, '');
    body(n.children, depth + 1, out);
  });
}

export function planMarkdown(pkg: PlanPackage): string {
  const out: string[] = [];
  const names = new Map(pkg.agencies.map((a) => [a.key, a.name]));
  out.push(`**${pkg.issuer.name.replace(/\n/g, ' ')}**`, '');
  const d = pkg.decision;
  if (d) {
    out.push(`Số: ${d.number}/${d.symbol}`, '', `# QUYẾT ĐỊNH`, '', d.summary, '', `**${d.authority}**`, '');
    for (const b of d.legalBases) out.push(`*${b}*`, '');
    out.push(`*${d.proposal}*`, '', '**QUYẾT ĐỊNH:**', '');
    d.articles.forEach((a, i) => out.push(`**Điều ${i + 1}.** ${text(a)}`, ''));
    out.push('**Nơi nhận:**', '', ...d.recipients.map((r) => `- ${r}`), '', `**${d.signer.prefix} ${d.signer.title}**`, '', `**${d.signer.name}**`, '');
  }
  out.push('# KẾ HOẠCH', '', pkg.plan.summary, '');
  body(pkg.plan.body, 0, out);
  const cols = pkg.appendix.columns.filter((c) => !c.hidden && c.kind !== 'number');
  out.push(`# ${pkg.appendix.label}`, '', pkg.appendix.title, '');
  out.push(`| STT | ${cols.map((c) => c.caption).join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`);
  let n = 0;
  pkg.appendix.groups.forEach((g, gi) => {
    out.push(`| **${toRoman(gi + 1)}** | **${g.title}** |${cols.slice(1).map(() => ' ').join('|')}|`);
    for (const r of g.rows) out.push(`| ${++n} | ${cols.map((c) => cellText(r.cells[c.key], names)).join(' | ')} |`);
  });
  return `${out.join('\n')}\n`;
}
