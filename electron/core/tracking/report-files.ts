/**
 * The models of a period's files (#23), built from the store: the report (its stored fields and body, and its appendix
 * "Tình hình thực hiện các nhiệm vụ …" as a table laid out like the plan's appendix — the plan's groups, row tree and
 * numbering, so each STT is the plan's) and the status table. tracking/render.ts turns them into bytes.
 */
import type { Db } from '../store/open';
import { loadPlan } from '../store/plans';
import { citation } from '../model/dates';
import { STATUS_WORDS, type TaskLine, type TrackingView } from '../model/tracking';
import type { AppendixRow, CellValue, ColumnDef, PlanPackage } from '../model/types';
import type { ReportDocModel } from '../export/docx/report';
import { groupLabel, rowNumbering } from '../model/rows';
import { shortDate } from '../model/dates';
import { reportDraft } from './report';
import { loadTemplate, templateText } from './report-template';
import { trackingView } from './status';
import { planTasks, type PlanTask } from './tasks';
import type { ReportFileJob } from './render';
import type { StatusTableModel, StatusTableRow } from './status-xlsx';

const COLUMNS: ColumnDef[] = [
  { key: 'stt', caption: 'STT', kind: 'number', role: 'number', width: 15, hidden: false },
  { key: 'task', caption: 'Nội dung nhiệm vụ', kind: 'text', role: 'task', width: 84, hidden: false },
  { key: 'lead', caption: 'Cơ quan chủ trì', kind: 'text', role: null, width: 36, hidden: false },
  { key: 'deadline', caption: 'Thời gian hoàn thành', kind: 'text', role: 'deadline', width: 26, hidden: false },
  { key: 'status', caption: 'Tình trạng', kind: 'text', role: null, width: 28, hidden: false },
  { key: 'result', caption: 'Kết quả, sản phẩm; văn bản minh chứng', kind: 'text', role: null, width: 62, hidden: false },
  { key: 'note', caption: 'Ghi chú', kind: 'text', role: 'note', width: 26, hidden: false },
];

/** A status as the report's table prints it: `Đang thực hiện (70%)`; `Chưa báo cáo` when nobody said. */
export function statusText(line: Pick<TaskLine, 'status' | 'progress'>): string {
  if (!line.status) return 'Chưa báo cáo';
  return `${STATUS_WORDS[line.status]}${line.progress !== null && line.status === 'inProgress' ? ` (${line.progress}%)` : ''}`;
}

const joinLines = (...parts: string[]) => parts.map((p) => p.trim()).filter(Boolean).join('\n');

/** The appendix of the report as a package whose appendix the plan's table writer prints. */
function statusAppendix(pkg: PlanPackage, tasks: readonly PlanTask[], lines: ReadonlyMap<number, TaskLine>): PlanPackage {
  const byRow = new Map(tasks.map((t) => [t.rowId, t]));
  const rowOf = (row: AppendixRow): AppendixRow => {
    const t = byRow.get(row.id!)!;
    const line = lines.get(row.id!);
    const cells: Record<string, CellValue> = { task: t.task, lead: t.leadText, deadline: t.deadline, status: '', result: '', note: '' };
    if (line) {
      cells.status = statusText(line);
      cells.result = joinLines(line.result, line.evidence);
      cells.note = joinLines(line.overdue ? 'Quá hạn' : '', line.note);
    }
    return row.children?.length ? { cells, children: row.children.map(rowOf) } : { cells };
  };
  return {
    ...pkg,
    appendix: { ...pkg.appendix, columns: COLUMNS, groups: pkg.appendix.groups.map((g) => ({ title: g.title, rows: g.rows.map(rowOf) })) },
  };
}

function fileNames(periodKey: string) {
  return { docx: `bao-cao-${periodKey}.docx`, xlsx: `tinh-hinh-thuc-hien-${periodKey}.xlsx` };
}

/** The report of the period as the DOCX writer takes it (the report must have been opened). */
export function reportDocJob(db: Db, planId: number, periodKey: string): ReportFileJob {
  const draft = reportDraft(db, planId, periodKey);
  const { pkg } = loadPlan(db, planId);
  const view = trackingView(db, planId, periodKey);
  const tasks = planTasks(pkg);
  const template = loadTemplate(draft.template);
  const ctx = { view, issuer: pkg.issuer.citedAs, planSummary: pkg.plan.summary };
  const by = pkg.issuer.citedAs.trim();
  const model: ReportDocModel = {
    issuer: pkg.issuer,
    year: draft.period.year,
    number: draft.number,
    symbol: draft.symbol,
    date: draft.date,
    place: draft.place,
    summary: draft.summary,
    addressees: draft.addressees,
    recipients: draft.recipients,
    signer: draft.signer,
    body: draft.body,
    appendix: tasks.length
      ? {
          label: template.appendixLabel,
          title: templateText(template.appendixTitle, ctx),
          citation: `(Kèm theo ${citation('Báo cáo', { number: draft.number, symbol: draft.symbol, date: draft.date }, draft.period.year)}${by ? ` của ${by}` : ''})`,
          pkg: statusAppendix(pkg, tasks, new Map(view.tasks.map((t) => [t.rowId, t]))),
        }
      : null,
  };
  return { format: 'docx', fileName: fileNames(periodKey).docx, model };
}

function tableRows(pkg: PlanPackage, tasks: readonly PlanTask[], view: TrackingView): StatusTableRow[] {
  const lines = new Map(view.tasks.map((t) => [t.rowId, t]));
  const numbering = rowNumbering(pkg.appendix);
  const out: StatusTableRow[] = [];
  let group = -1;
  for (const t of tasks) {
    if (t.group !== group) {
      group = t.group;
      out.push({ kind: 'group', label: groupLabel(numbering, group).replace(/\.$/, ''), title: t.groupTitle });
    }
    const line = lines.get(t.rowId);
    out.push({
      kind: 'task',
      heading: !t.leaf,
      stt: t.stt,
      task: t.task,
      lead: t.leadText,
      deadline: t.deadline,
      status: line ? statusText(line) : '',
      progress: line?.progress ?? null,
      result: line?.result ?? '',
      evidence: line?.evidence ?? '',
      overdue: line?.overdue ?? false,
      difficulties: line?.difficulties ?? '',
      note: line?.note ?? '',
      source: !line ? '' : line.source === 'secretariat' ? 'Cơ quan tổng hợp' : line.sourceFiles.join('; '),
    });
  }
  return out;
}

/** The status table of the period (every task, filterable) and its rates. */
export function statusTableJob(db: Db, planId: number, periodKey: string): ReportFileJob {
  const { pkg } = loadPlan(db, planId);
  const view = trackingView(db, planId, periodKey);
  const model: StatusTableModel = {
    title: `TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ - ${view.period.label.toUpperCase()}`,
    subtitle: [
      ...(view.issue.citation ? [view.issue.citation] : []),
      `Số liệu từ ngày ${shortDate(view.period.from)} đến ngày ${shortDate(view.period.cutoff)}`,
    ],
    rows: tableRows(pkg, planTasks(pkg), view),
    totals: view.totals,
    groups: view.groups,
    agencies: view.agencies,
  };
  return { format: 'xlsx', fileName: fileNames(periodKey).xlsx, model };
}
