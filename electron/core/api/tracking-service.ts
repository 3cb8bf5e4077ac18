/**
 * The API's methods of the year after the signature (#23), over one open store: issue, periods, reporting units,
 * returns, the tracking view, the report. service.ts spreads them into the SoanApi; only file delivery differs per
 * shell (options.deliver, options.deliverFiles). Heavy steps (writing and reading workbooks, the report's DOCX) go
 * through the jobs, off the main thread on the desktop.
 */
import type { Db } from '../store/open';
import { loadPlan, planSummary } from '../store/plans';
import * as history from '../store/history';
import type { Jobs } from '../jobs/tasks';
import type { ExportResult, SoanApi } from './contract';
import type { RenderedFile } from '../export/render';
import type { FilesResult } from '../model/tracking';
import * as issue from '../tracking/issue';
import * as periods from '../tracking/periods';
import * as units from '../tracking/units';
import { returnBooks } from '../tracking/returns-book';
import { readReturns } from '../tracking/returns-read';
import { listReturnProposals, listReturns, setReturnProposalState } from '../tracking/proposals';
import { clearTaskStatus, setTaskStatus, trackingView } from '../tracking/status';
import * as report from '../tracking/report';
import { reportDocJob, statusTableJob } from '../tracking/report-files';
import { listTemplates } from '../tracking/report-template';
import { planTasks } from '../tracking/tasks';

type TrackingMethod =
  | 'issueState' | 'issuePlan' | 'startAdjustment' | 'cancelAdjustment' | 'attachIssuedPdf' | 'saveIssuedPdf'
  | 'listPeriods' | 'updatePeriod' | 'addPeriod' | 'deletePeriod'
  | 'listReportingUnits' | 'addReportingUnit' | 'updateReportingUnit' | 'removeReportingUnit'
  | 'writeReturns' | 'readReturns' | 'listReturns' | 'listReturnProposals' | 'setReturnProposalState'
  | 'trackingView' | 'setTaskStatus' | 'clearTaskStatus' | 'undoTracking' | 'redoTracking' | 'trackingHistory'
  | 'listReportTemplates' | 'openReport' | 'resetReport' | 'setReportField' | 'setReportList'
  | 'insertReportNode' | 'updateReportNode' | 'moveReportNode' | 'deleteReportNode' | 'refreshReportFigures' | 'exportReport';

/** Browser delivery of several files: their bytes go back to the page, which offers them as downloads. */
async function deliverFilesAsDownloads(files: RenderedFile[]): Promise<FilesResult> {
  return { kind: 'download', files: files.map((f) => ({ fileName: f.fileName, mime: f.mime, base64: f.bytes.toString('base64') })) };
}

/** The service's ways of delivering files (ServiceOptions'). */
interface Delivery {
  deliver(file: RenderedFile): Promise<ExportResult>;
  deliverFiles?(files: RenderedFile[], folderName: string): Promise<FilesResult>;
}

export function trackingMethods(db: Db, jobs: Jobs, options: Delivery): Pick<SoanApi, TrackingMethod> {
  const deliverFiles = options.deliverFiles ?? deliverFilesAsDownloads;
  const allUnits = (planId: number) => {
    const { pkg } = loadPlan(db, planId);
    return units.reportingUnits(db, planId, pkg.agencies, planTasks(pkg));
  };
  const scope = (planId: number) => {
    planSummary(db, planId);
    return history.trackingScope(planId);
  };
  return {
    issueState: async (planId) => issue.issueState(db, planId),
    issuePlan: async (planId, input) =>
      issue.issuePlan(db, planId, {
        number: input.number,
        date: input.date,
        ...(input.symbol !== undefined ? { symbol: input.symbol } : {}),
        ...(input.pdf ? { pdf: { name: input.pdf.name, bytes: Buffer.from(input.pdf.base64, 'base64') } } : {}),
      }),
    startAdjustment: async (planId, reason) => issue.startAdjustment(db, planId, reason),
    cancelAdjustment: async (planId) => issue.cancelAdjustment(db, planId),
    attachIssuedPdf: async (planId, issueId, file) => issue.attachIssuedPdf(db, planId, issueId, file.name, Buffer.from(file.base64, 'base64')),
    saveIssuedPdf: async (planId, issueId) => {
      const { name, bytes } = issue.issuedPdf(db, planId, issueId);
      return options.deliver({ fileName: name, mime: 'application/pdf', bytes, notes: [] });
    },

    listPeriods: async (planId) => periods.listPeriods(db, planId),
    updatePeriod: async (planId, key, patch) => periods.updatePeriod(db, planId, key, patch),
    addPeriod: async (planId, input) => periods.addPeriod(db, planId, input),
    deletePeriod: async (planId, key) => periods.deletePeriod(db, planId, key),

    listReportingUnits: async (planId) => allUnits(planId),
    addReportingUnit: async (planId, name, agencies) => {
      units.addReportingUnit(db, planId, name, agencies);
      return allUnits(planId);
    },
    updateReportingUnit: async (planId, key, patch) => {
      units.updateReportingUnit(db, planId, key, patch);
      return allUnits(planId);
    },
    removeReportingUnit: async (planId, key) => {
      units.removeReportingUnit(db, planId, key);
      return allUnits(planId);
    },

    writeReturns: async (planId, periodKey, unitKeys) => {
      const books = returnBooks(db, planId, periodKey, unitKeys ?? []);
      return deliverFiles(await jobs.renderReturnBooks(books), `bao-cao-${periodKey}`);
    },
    readReturns: async (planId, periodKey, files) =>
      readReturns(db, planId, periodKey, files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })), (bytes, name) => jobs.parseReturnBook(bytes, name)),
    listReturns: async (planId, periodKey) => listReturns(db, planId, periodKey),
    listReturnProposals: async (planId, periodKey) => listReturnProposals(db, planId, periodKey),
    setReturnProposalState: async (planId, proposalId, state) => setReturnProposalState(db, planId, proposalId, state),

    trackingView: async (planId, periodKey, filter) => trackingView(db, planId, periodKey, filter ?? {}),
    setTaskStatus: async (planId, periodKey, rowId, patch) => setTaskStatus(db, planId, periodKey, rowId, patch),
    clearTaskStatus: async (planId, periodKey, rowId, fields) => clearTaskStatus(db, planId, periodKey, rowId, fields),
    undoTracking: async (planId) => history.undo(db, scope(planId)),
    redoTracking: async (planId) => history.redo(db, scope(planId)),
    trackingHistory: async (planId) => history.historyState(db, scope(planId)),

    listReportTemplates: async () => listTemplates(),
    openReport: async (planId, periodKey, template) => report.openReport(db, planId, periodKey, template),
    resetReport: async (planId, periodKey, template) => report.resetReport(db, planId, periodKey, template),
    setReportField: async (planId, periodKey, field, value) => report.setReportField(db, planId, periodKey, field, value),
    setReportList: async (planId, periodKey, list, items) => report.setReportList(db, planId, periodKey, list, items),
    insertReportNode: async (planId, periodKey, parentId, index, node) => report.insertReportNode(db, planId, periodKey, parentId, index, node),
    updateReportNode: async (planId, nodeId, patch) => report.updateReportNode(db, planId, nodeId, patch),
    moveReportNode: async (planId, nodeId, parentId, index, patch) => report.moveReportNode(db, planId, nodeId, parentId, index, patch),
    deleteReportNode: async (planId, nodeId) => report.deleteReportNode(db, planId, nodeId),
    refreshReportFigures: async (planId, periodKey) => report.refreshReportFigures(db, planId, periodKey),
    exportReport: async (planId, periodKey, format) => {
      report.openReport(db, planId, periodKey);
      const job = format === 'docx' ? reportDocJob(db, planId, periodKey) : statusTableJob(db, planId, periodKey);
      return options.deliver(await jobs.renderReportFile(job));
    },
  };
}
