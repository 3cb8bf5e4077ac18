/**
 * The SoanApi implemented over one open store. Main (behind IPC), the HTTP host and the tests all use
 * this same object; only the delivery of exported files differs, so it is passed in.
 */
import type { Db } from '../store/open';
import * as plans from '../store/plans';
import * as edits from '../store/edits';
import { blankPackage } from '../model/defaults';
import { parseExchange } from '../exchange/exchange';
import { loadSamplePackage } from '../sample';
import { renderExport, type RenderedFile } from '../export/render';
import * as history from '../store/history';
import * as versions from '../store/versions';
import { comparePackages } from '../compare';
import { findInPlan, replaceInPlan } from '../search/find-replace';
import { packageFromWorkbook } from '../xlsx/new-plan';
import { applyRollover, proposeRollover } from '../rollover';
import type { AppInfo, ExportResult, SoanApi } from './contract';

export interface ServiceOptions {
  info: AppInfo;
  /** Where an exported file goes: a save dialog on the desktop, a download in the browser. */
  deliver(file: RenderedFile): Promise<ExportResult>;
}

/** Browser delivery: the bytes go back to the page, which offers them as a download. */
export async function deliverAsDownload(file: RenderedFile): Promise<ExportResult> {
  return { kind: 'download', fileName: file.fileName, mime: file.mime, base64: file.bytes.toString('base64'), notes: file.notes };
}

export function createService(db: Db, options: ServiceOptions): SoanApi {
  // The app keeps an undo history for the session; the CLI, which makes no interactive edits, does not.
  history.enableHistory(db);
  const versionOrCurrent = (planId: number, versionId: number | null) =>
    versionId === null ? plans.loadPlan(db, planId).pkg : versions.loadVersion(db, versionId).pkg;
  return {
    appInfo: async () => options.info,
    listPlans: async () => plans.listPlans(db),
    listTrash: async () => plans.listPlans(db, { trash: true }),
    openPlan: async (planId) => plans.loadPlan(db, planId),
    createPlan: async (source, year) =>
      plans.createPlan(db, source === 'sample' ? loadSamplePackage() : blankPackage(year ?? new Date().getFullYear() + 1)),
    duplicatePlan: async (planId) => plans.duplicatePlan(db, planId),
    renamePlan: async (planId, title) => plans.renamePlan(db, planId, title),
    setPlanYear: async (planId, year) => plans.setPlanYear(db, planId, year),
    trashPlan: async (planId) => plans.trashPlan(db, planId),
    restorePlan: async (planId) => plans.restorePlan(db, planId),
    purgePlan: async (planId) => plans.purgePlan(db, planId),
    importPlan: async (fileName, text) => plans.createPlan(db, parseExchange(text, fileName)),
    exportPlan: async (planId, format, parts) => options.deliver(await renderExport(plans.loadPlan(db, planId).pkg, format, parts)),

    setField: async (planId, field, value) => edits.setField(db, planId, field, value),
    insertListItem: async (planId, list, index, value) => edits.insertListItem(db, planId, list, index, value),
    updateListItem: async (planId, list, index, value) => edits.updateListItem(db, planId, list, index, value),
    removeListItem: async (planId, list, index) => edits.removeListItem(db, planId, list, index),
    moveListItem: async (planId, list, from, to) => edits.moveListItem(db, planId, list, from, to),

    insertBodyNode: async (planId, parentId, index, node) => edits.insertBodyNode(db, planId, parentId, index, node),
    updateBodyNode: async (planId, nodeId, patch) => edits.updateBodyNode(db, planId, nodeId, patch),
    moveBodyNode: async (planId, nodeId, parentId, index) => edits.moveBodyNode(db, planId, nodeId, parentId, index),
    deleteBodyNode: async (planId, nodeId) => edits.deleteBodyNode(db, planId, nodeId),

    addColumn: async (planId, index, column) => edits.addColumn(db, planId, index, column),
    updateColumn: async (planId, key, patch) => edits.updateColumn(db, planId, key, patch),
    moveColumn: async (planId, key, index) => edits.moveColumn(db, planId, key, index),
    removeColumn: async (planId, key) => edits.removeColumn(db, planId, key),

    addGroup: async (planId, index, title) => edits.addGroup(db, planId, index, title),
    renameGroup: async (planId, groupId, title) => edits.renameGroup(db, planId, groupId, title),
    moveGroup: async (planId, groupId, index) => edits.moveGroup(db, planId, groupId, index),
    deleteGroup: async (planId, groupId) => edits.deleteGroup(db, planId, groupId),

    insertRow: async (planId, groupId, index, cells) => edits.insertAppendixRow(db, planId, groupId, index, cells),
    setCell: async (planId, rowId, key, value) => edits.setCell(db, planId, rowId, key, value),
    moveRow: async (planId, rowId, groupId, index) => edits.moveAppendixRow(db, planId, rowId, groupId, index),
    deleteRow: async (planId, rowId) => edits.deleteAppendixRow(db, planId, rowId),

    listAgencies: async (planId) => edits.agencyUsage(db, planId),
    addAgency: async (planId, name) => edits.addAgency(db, planId, name),
    renameAgency: async (planId, key, name) => edits.renameAgency(db, planId, key, name),
    mergeAgencies: async (planId, fromKey, intoKey) => edits.mergeAgencies(db, planId, fromKey, intoKey),
    insertRows: async (planId, groupId, index, rows) => edits.insertRows(db, planId, groupId, index, rows),

    undo: async (planId) => history.undo(db, planId),
    redo: async (planId) => history.redo(db, planId),
    historyState: async (planId) => history.historyState(db, planId),

    findInPlan: async (planId, query) => findInPlan(db, planId, query),
    replaceInPlan: async (planId, query, replacement, hitIds) => replaceInPlan(db, planId, query, replacement, hitIds),

    saveVersion: async (planId, name) => versions.saveVersion(db, planId, name),
    listVersions: async (planId) => versions.listVersions(db, planId),
    compareVersions: async (planId, fromId, toId) => comparePackages(versionOrCurrent(planId, fromId), versionOrCurrent(planId, toId)),
    restoreVersion: async (versionId) => versions.restoreVersionAsPlan(db, versionId),
    deleteVersion: async (versionId) => versions.deleteVersion(db, versionId),

    proposeRollover: async (planId, toYear) => proposeRollover(plans.loadPlan(db, planId).pkg, toYear),
    applyRollover: async (planId, toYear, accepted) =>
      plans.createPlan(db, applyRollover(plans.loadPlan(db, planId).pkg, toYear, accepted === 'all' ? 'all' : new Set(accepted))),

    importXlsx: async (fileName, base64) => {
      const { pkg, warnings } = await packageFromWorkbook(Buffer.from(base64, 'base64'), fileName);
      return { ...plans.createPlan(db, pkg), warnings };
    },
  };
}
