/**
 * The report's body from a data template (#23): `resources/report-templates/<key>.json`, one file per province or
 * usage (the usual outline of Công văn 581/BNV-CCHC is `cchc-bnv-581`). A template node is text (with {{period}},
 * {{group}} … filled in), a `placeholder` asking the drafter to write, or a `fill` the program writes from the period's
 * figures: the totals, each group's figures with its done and overdue tasks, the difficulties the returns name.
 * A filled node carries its fill's key (`auto`) so that the figures can be refreshed later without touching text the
 * drafter wrote. Pure but for reading the template files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { UserError } from '../errors';
import { resourcePath } from '../resources';
import { shortDate } from '../model/dates';
import { BODY_KINDS, type BodyKind, type RichText } from '../model/types';
import { isDone, periodWordsInText, type IssueState, type ReportTemplateInfo, type StatusCounts, type TaskLine, type TrackingView } from '../model/tracking';

/** The fills a template may ask for. */
export const FILLS = ['opening', 'planIssued', 'totals', 'groupFigures', 'groupDone', 'groupOverdue', 'overdueSummary', 'nextPeriod', 'difficulties', 'closing'] as const;
type Fill = (typeof FILLS)[number];

export interface TemplateNode {
  kind: BodyKind;
  heading?: boolean;
  text?: string;
  placeholder?: string;
  fill?: Fill;
  /** Repeat this node for each group of the appendix, in its order (`{{group}}` is the group's title). */
  forEachGroup?: boolean;
  children?: TemplateNode[];
}

export interface ReportTemplate {
  key: string;
  name: string;
  symbol: string;
  summary: string;
  addressees: string[];
  recipients: string[];
  appendixLabel: string;
  appendixTitle: string;
  body: TemplateNode[];
}

/** A body node as the template makes it: the report's stored node without its id. */
export interface FilledNode {
  kind: BodyKind;
  heading: boolean;
  text: RichText;
  auto: string | null;
  children: FilledNode[];
}

export const DEFAULT_TEMPLATE = 'cchc-bnv-581';
const DIR = 'report-templates';

function checkNode(node: unknown, where: string): TemplateNode {
  const n = node as TemplateNode;
  const bad = (why: string) => UserError.coded('report.badTemplate', { where, why }, `Report template, ${where}: ${why}.`);
  if (!n || typeof n !== 'object' || !(BODY_KINDS as readonly string[]).includes(n.kind)) throw bad('kind');
  if (n.fill !== undefined && !(FILLS as readonly string[]).includes(n.fill)) throw bad(`fill "${String(n.fill)}"`);
  if (n.text === undefined && n.fill === undefined && n.placeholder === undefined) throw bad('text, fill or placeholder');
  return { ...n, children: (n.children ?? []).map((c, i) => checkNode(c, `${where}.children[${i}]`)) };
}

/** One template, checked; refused naming the key and the node at fault. */
export function loadTemplate(key: string): ReportTemplate {
  if (!/^[a-z0-9-]{1,60}$/.test(key)) throw UserError.coded('report.noTemplate', { key }, `No report template "${key}".`);
  let raw: ReportTemplate & { format?: string };
  try {
    raw = JSON.parse(readFileSync(resourcePath(DIR, `${key}.json`), 'utf8')) as ReportTemplate & { format?: string };
  } catch {
    throw UserError.coded('report.noTemplate', { key }, `No report template "${key}".`);
  }
  if (raw.format !== 'soan-ke-hoach/report-template') throw UserError.coded('report.badTemplate', { where: key, why: 'format' }, `${key}: not a report template.`);
  return { ...raw, body: raw.body.map((n, i) => checkNode(n, `body[${i}]`)) };
}

/** The templates there are (every file of resources/report-templates). */
export function listTemplates(): ReportTemplateInfo[] {
  return readdirSync(resourcePath(DIR))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const t = loadTemplate(f.replace(/\.json$/, ''));
      return { key: t.key, name: t.name };
    });
}

/** `20,8%`: one decimal, a comma, as Vietnamese documents write it. */
export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1).replace('.', ',')}%`;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const plain = (text: string, italic = false): RichText => [italic ? { text, italic: true } : { text }];
const node = (kind: BodyKind, text: string, auto: string | null, children: FilledNode[] = [], heading = false): FilledNode => ({ kind, heading, text: plain(text), auto, children });

/** What the fills read: the period's view and how the plan is cited. */
export interface FillContext {
  view: TrackingView;
  /** `Ủy ban nhân dân tỉnh`: the issuer as documents cite it. */
  issuer: string;
  /** The plan's summary (`Cải cách hành chính Nhà nước năm 2024 trên địa bàn tỉnh Bình Phước`). */
  planSummary: string;
  hasDecision: boolean;
}

function countsText(c: StatusCounts): string {
  const done = c.done + c.doneLate;
  const parts = [`đã hoàn thành ${done} nhiệm vụ${c.doneLate ? ` (trong đó ${c.doneLate} nhiệm vụ hoàn thành quá hạn)` : ''}, đạt ${percent(c.rate)}`];
  parts.push(`đang thực hiện ${c.inProgress} nhiệm vụ`, `chưa thực hiện ${c.notStarted} nhiệm vụ`);
  if (c.dropped) parts.push(`không thực hiện, đề nghị điều chỉnh ${c.dropped} nhiệm vụ`);
  if (c.unreported) parts.push(`chưa có báo cáo ${c.unreported} nhiệm vụ`);
  return parts.join('; ');
}

function taskWords(t: TaskLine): string {
  return `Nhiệm vụ ${t.stt || '-'}: ${t.task.replace(/[.;:]+$/, '')}`;
}

const trimEnd = (s: string) => s.replace(/\s*\n\s*/g, '; ').replace(/[.;,]+$/, '').trim();

/** A task's result and evidence in a sentence: the secretariat's, else each lead unit's (`Sở A: kết quả, văn bản; Sở B: …`). */
function resultWords(t: TaskLine): string {
  const pair = (result: string, evidence: string) => [result, evidence].map(trimEnd).filter(Boolean).join(', ');
  if (t.override?.result !== undefined || t.override?.evidence !== undefined) return pair(t.result, t.evidence);
  const said = t.returns.filter((l) => l.role === 'lead' && (l.result.trim() || l.evidence.trim()));
  if (said.length <= 1) return pair(t.result, t.evidence);
  return said.map((l) => `${l.unitName}: ${pair(l.result, l.evidence)}`).join('; ');
}

function issuedWords(issue: IssueState, ctx: FillContext): string {
  const first = issue.issues.find((i) => i.kind === 'issue') ?? issue.issues[0];
  const summary = lowerFirst(ctx.planSummary.replace(/\s*\n\s*/g, ' ').trim());
  if (!first) return `Kế hoạch ${summary}`;
  const base = ctx.hasDecision ? `${first.citation} ban hành Kế hoạch ${summary}` : `${first.citation} về ${summary}`;
  const adjusted = issue.issues.filter((i) => i.kind === 'adjustment').map((i) => `${i.citation} điều chỉnh Kế hoạch`);
  return [base, ...adjusted].join('; ');
}

/** The nodes of one fill (`group` for the group fills), each marked with its key. */
function fill(kind: Fill, ctx: FillContext, group: TrackingView['groups'][number] | null): FilledNode {
  const { view } = ctx;
  const period = periodWordsInText(view.period.label);
  const issuer = upperFirst(ctx.issuer.trim());
  const tasksOf = (g: NonNullable<typeof group>) => view.tasks.filter((t) => t.groupId === g.groupId);
  switch (kind) {
    case 'opening':
      return node('paragraph', `Thực hiện ${view.issue.citation ?? `Kế hoạch ${lowerFirst(ctx.planSummary)}`}, ${issuer} báo cáo kết quả thực hiện công tác cải cách hành chính ${period} như sau:`, 'opening');
    case 'planIssued': {
      const leads = new Set(view.tasks.flatMap((t) => t.lead.map((l) => l.key))).size;
      return node('paragraph', `${issuer} đã ban hành ${issuedWords(view.issue, ctx)}, gồm ${view.totals.total} nhiệm vụ thuộc ${view.groups.length} lĩnh vực, giao ${leads} cơ quan, đơn vị chủ trì thực hiện.`, 'planIssued');
    }
    case 'totals': {
      const sent = view.units.filter((u) => u.leads > 0 && u.sent).length;
      const expected = view.units.filter((u) => u.leads > 0).length;
      const overdue = view.totals.overdue ? `Có ${view.totals.overdue} nhiệm vụ quá hạn chưa hoàn thành.` : 'Không có nhiệm vụ quá hạn chưa hoàn thành.';
      return node(
        'paragraph',
        `Tính đến ngày ${shortDate(view.period.cutoff)}, trong tổng số ${view.totals.total} nhiệm vụ của Kế hoạch: ${countsText(view.totals)}. ${overdue} Đã nhận báo cáo của ${sent}/${expected} cơ quan, đơn vị.`,
        'totals',
      );
    }
    case 'groupFigures': {
      const c = group!.counts;
      return node('paragraph', `Lĩnh vực có ${c.total} nhiệm vụ: ${countsText(c)}; quá hạn ${c.overdue} nhiệm vụ.`, `group:${group!.groupId}:figures`);
    }
    case 'groupDone': {
      const done = tasksOf(group!).filter((t) => isDone(t.status));
      if (!done.length) return node('paragraph', 'Chưa có nhiệm vụ hoàn thành trong kỳ.', `group:${group!.groupId}:done`);
      const items = done.map((t) => {
        const shown = resultWords(t);
        return node('dash', `${taskWords(t)}${shown ? ` (${shown})` : ''};`, null);
      });
      items[items.length - 1].text = plain((items[items.length - 1].text[0].text).replace(/;$/, '.'));
      return node('paragraph', 'Các nhiệm vụ đã hoàn thành:', `group:${group!.groupId}:done`, items);
    }
    case 'groupOverdue': {
      const late = tasksOf(group!).filter((t) => t.overdue);
      if (!late.length) return node('paragraph', 'Không có nhiệm vụ quá hạn chưa hoàn thành.', `group:${group!.groupId}:overdue`);
      const items = late.map((t) => node('dash', `${taskWords(t)} (chủ trì: ${t.leadText || '-'}; thời hạn: ${t.deadline || '-'});`, null));
      items[items.length - 1].text = plain((items[items.length - 1].text[0].text).replace(/;$/, '.'));
      return node('paragraph', 'Các nhiệm vụ quá hạn chưa hoàn thành:', `group:${group!.groupId}:overdue`, items);
    }
    case 'overdueSummary': {
      const parts: string[] = [];
      if (view.totals.overdue) parts.push(`Còn ${view.totals.overdue} nhiệm vụ quá hạn chưa hoàn thành.`);
      if (view.totals.unreported) parts.push(`${view.totals.unreported} nhiệm vụ chưa có báo cáo của cơ quan chủ trì.`);
      if (view.missing.length) parts.push(`Các cơ quan, đơn vị chưa gửi báo cáo: ${view.missing.map((m) => m.name).join(', ')}.`);
      return parts.length ? node('paragraph', parts.join(' '), 'overdueSummary') : { ...node('paragraph', '', 'overdueSummary'), text: plain('[Nêu tồn tại, hạn chế.]') };
    }
    case 'nextPeriod': {
      const open = view.totals.inProgress + view.totals.notStarted + view.totals.unreported;
      return node('paragraph', `Tiếp tục chỉ đạo các cơ quan, đơn vị triển khai ${open} nhiệm vụ chưa hoàn thành của Kế hoạch${view.totals.overdue ? `, tập trung hoàn thành ${view.totals.overdue} nhiệm vụ đã quá hạn` : ''}.`, 'nextPeriod');
    }
    case 'difficulties': {
      const noted = view.tasks.filter((t) => t.difficulties.trim());
      if (!noted.length) return node('paragraph', '[Nêu kiến nghị, đề xuất.]', 'difficulties');
      const items = noted.map((t) => node('dash', `${taskWords(t)}: ${t.difficulties.replace(/\s*\n\s*/g, '; ').replace(/[.;]+$/, '')};`, null));
      items[items.length - 1].text = plain((items[items.length - 1].text[0].text).replace(/;$/, '.'));
      return node('paragraph', 'Khó khăn, vướng mắc và đề xuất của các cơ quan, đơn vị:', 'difficulties', items);
    }
    case 'closing':
      return node('paragraph', `Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính ${period} của ${ctx.issuer.trim()}./.`, 'closing');
  }
}

function substitute(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (m, name: string) => values[name] ?? m);
}

/** The report's body from the template, filled with the period's figures. */
export function fillTemplate(template: ReportTemplate, ctx: FillContext): FilledNode[] {
  const period = periodWordsInText(ctx.view.period.label);
  const base = { period, PERIOD: ctx.view.period.label.toUpperCase(), citation: ctx.view.issue.citation ?? '', issuer: ctx.issuer };
  const build = (n: TemplateNode, group: TrackingView['groups'][number] | null): FilledNode => {
    const values = group ? { ...base, group: group.title } : base;
    if (n.fill) {
      const filled = fill(n.fill, ctx, group);
      return { ...filled, kind: n.kind, heading: n.heading ?? filled.heading };
    }
    const text = n.placeholder !== undefined ? plain(n.placeholder) : plain(substitute(n.text ?? '', values));
    return { kind: n.kind, heading: n.kind === 'part' || Boolean(n.heading), text, auto: null, children: (n.children ?? []).flatMap((c) => expand(c, group)) };
  };
  const expand = (n: TemplateNode, group: TrackingView['groups'][number] | null): FilledNode[] =>
    n.forEachGroup ? ctx.view.groups.map((g) => build(n, g)) : [build(n, group)];
  return template.body.flatMap((n) => expand(n, null));
}

/** The summary, the appendix's title, with the period ({{period}}, {{PERIOD}}) and the plan ({{PLAN}}: its summary in capitals) filled in. */
export function templateText(text: string, ctx: Pick<FillContext, 'view' | 'issuer' | 'planSummary'>): string {
  return substitute(text, {
    period: periodWordsInText(ctx.view.period.label),
    PERIOD: ctx.view.period.label.toUpperCase(),
    PLAN: ctx.planSummary.replace(/\s*\n\s*/g, ' ').trim().toUpperCase(),
    issuer: ctx.issuer,
    citation: ctx.view.issue.citation ?? '',
  });
}
