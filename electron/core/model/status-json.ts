/**
 * The file `status --json` writes (#23): per task its row id, STT, lead agency, deadline, status code, result,
 * evidence, whether it is overdue and the files its words came from; then the counts and completion rates per group
 * and per lead agency, and who has not sent a return. A stable shape for scripts (`format`, `version`), made from
 * the tracking view the app shows. Pure.
 */
import type { TrackingView } from './tracking';

export const STATUS_JSON_FORMAT = 'soan-ke-hoach/status';

export function statusJson(view: TrackingView) {
  const { period } = view;
  return {
    format: STATUS_JSON_FORMAT,
    version: 1,
    period: { key: period.key, label: period.label, from: period.from, cutoff: period.cutoff, due: period.due, returnsDue: period.returnsDue },
    plan: { citation: view.issue.citation },
    tasks: view.tasks.map((t) => ({
      rowId: t.rowId,
      stt: t.stt,
      group: t.groupTitle,
      task: t.task,
      lead: t.lead.map((l) => l.name),
      leadKeys: t.lead.map((l) => l.key),
      deadline: t.deadline,
      deadlineEnd: t.deadlineEnd,
      status: t.status,
      progress: t.progress,
      result: t.result,
      evidence: t.evidence,
      overdue: t.overdue,
      source: t.source,
      sourceFiles: t.sourceFiles,
    })),
    totals: view.totals,
    groups: view.groups.map((g) => ({ label: g.label, title: g.title, ...g.counts })),
    agencies: view.agencies.map((a) => ({ key: a.key, name: a.name, ...a.counts })),
    units: view.units.map((u) => ({ key: u.key, name: u.name, leads: u.leads, sent: u.sent, late: u.late, files: u.files.map((f) => f.file) })),
    missing: view.missing.map((m) => m.name),
  };
}
