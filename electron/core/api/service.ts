/**
 * The SoanApi implemented over one open store. Main (behind IPC), the HTTP host and the tests all use
 * this same object; only the delivery of exported files differs, so it is passed in.
 */
import { regroupAgencies } from '../agencies/regroup';
import type { Db } from '../store/open';
import * as plans from '../store/plans';
import * as edits from '../store/edits';
import * as history from '../store/history';
import { blankPackage } from '../model/defaults';
import type { RenderedFile } from '../export/render';
import { comparePackages } from '../compare';
import { findInPlan, replaceInPlan } from '../search/find-replace';
import { applyRollover, proposeRollover } from '../rollover';
import { PLAN } from '../checks/types';
import * as checkSettings from '../store/check-settings';
import { readMergeFile, rowSources, takeProposal } from '../merge/take';
import { UserError } from '../errors';
import { validateCall } from './validate';
import { trackEdit } from './delta';
import type { Jobs } from '../jobs/tasks';
import { DIRECT_JOBS } from '../jobs/direct';
import type { AppInfo, BackupEntry, BodyNodeInput, CompareSide, ExportAllResult, ExportResult, FixOp, PlanEditMethod, SoanApi } from './contract';
import type { PlanPackage } from '../model/types';
import { translate } from '../model/messages';
import { isPlanEditMethod } from './methods';
import { badArgumentError } from './args';
import type { FilesResult } from '../model/tracking';
import { createPlanWithTracking, withTracking } from '../tracking/exchange';
import { takeReturnProposal } from '../tracking/proposals';
import { trackingMethods } from './tracking-service';

export interface ServiceOptions {
  info: AppInfo;
  /** Where an exported file goes: a save dialog on the desktop, a download in the browser. */
  deliver(file: RenderedFile): Promise<ExportResult>;
  /**
   * Opening an exported file or showing it in its folder (desktop: core/files/written-files.ts over Electron's
   * shell). Absent in the browser host, whose exports are downloads: both methods then refuse with `export.openNotHere`.
   */
  files?: {
    open(fileId: string): Promise<void>;
    show(fileId: string): Promise<void>;
  };
  /** Backups and "export everything" need the shell (it owns the store file and the folder dialog). */
  backups?: {
    list(): Promise<BackupEntry[]>;
    now(): Promise<BackupEntry>;
    restore(name: string): Promise<{ replacedBy: string | null }>;
    exportAll(): Promise<ExportAllResult>;
  };
  /**
   * Where the heavy steps of imports and exports run (parse a file, render one): in this thread by default; the
   * desktop app passes a worker (core/jobs/client.ts) so that no file can freeze its window.
   */
  jobs?: Jobs;
  /** h6 (#16 one voice): the UI switched language; the desktop rebuilds its menu in it. Absent in the browser host. */
  setUiLanguage?(lang: 'vi' | 'en'): void;
  /**
   * #23: where several files of one export go (the return workbooks of a period): a new folder named `folderName`
   * in a folder the user picks (desktop), or downloads (the browser, by default).
   */
  deliverFiles?(files: RenderedFile[], folderName: string): Promise<FilesResult>;
}

const noBackups = async (): Promise<never> => {
  throw UserError.coded('backup.notHere', {}, 'Backups are made by the app, not here.');
};

const noFiles = async (): Promise<never> => {
  throw UserError.coded('export.openNotHere', {}, 'The file was downloaded by the browser; open it from the browser\'s downloads.');
};

/** Browser delivery: the bytes go back to the page, which offers them as a download. */
export async function deliverAsDownload(file: RenderedFile): Promise<ExportResult> {
  return { kind: 'download', fileName: file.fileName, mime: file.mime, base64: file.bytes.toString('base64'), notes: file.notes };
}

/**
 * The fine-grained edits of a plan, synchronous: each is one transaction of the store. The API wraps
 * them as promises; a checker fix runs several of them inside one transaction and one undo step.
 */
function planEdits(db: Db) {
  return {
    setField: (planId: number, field: string, value: string | null) => edits.setField(db, planId, field, value),
    insertListItem: (planId: number, list: string, index: number, value: Parameters<typeof edits.insertListItem>[4]) => edits.insertListItem(db, planId, list, index, value),
    updateListItem: (planId: number, list: string, index: number, value: Parameters<typeof edits.updateListItem>[4]) => edits.updateListItem(db, planId, list, index, value),
    removeListItem: (planId: number, list: string, index: number) => edits.removeListItem(db, planId, list, index),
    moveListItem: (planId: number, list: string, from: number, to: number) => edits.moveListItem(db, planId, list, from, to),
    insertBodyNode: (planId: number, parentId: number | null, index: number, node: BodyNodeInput) => edits.insertBodyNode(db, planId, parentId, index, node),
    updateBodyNode: (planId: number, nodeId: number, patch: Partial<BodyNodeInput>) => edits.updateBodyNode(db, planId, nodeId, patch),
    moveBodyNode: (planId: number, nodeId: number, parentId: number | null, index: number, patch?: Partial<BodyNodeInput>) =>
      edits.moveBodyNode(db, planId, nodeId, parentId, index, patch),
    deleteBodyNode: (planId: number, nodeId: number) => edits.deleteBodyNode(db, planId, nodeId),
    addColumn: (planId: number, index: number, column: Parameters<typeof edits.addColumn>[3]) => edits.addColumn(db, planId, index, column),
    updateColumn: (planId: number, key: string, patch: Parameters<typeof edits.updateColumn>[3]) => edits.updateColumn(db, planId, key, patch),
    moveColumn: (planId: number, key: string, index: number) => edits.moveColumn(db, planId, key, index),
    removeColumn: (planId: number, key: string) => edits.removeColumn(db, planId, key),
    addGroup: (planId: number, index: number, title: string) => edits.addGroup(db, planId, index, title),
    renameGroup: (planId: number, groupId: number, title: string) => edits.renameGroup(db, planId, groupId, title),
    moveGroup: (planId: number, groupId: number, index: number) => edits.moveGroup(db, planId, groupId, index),
    deleteGroup: (planId: number, groupId: number) => edits.deleteGroup(db, planId, groupId),
    insertRow: (planId: number, groupId: number, index: number, cells?: Parameters<typeof edits.insertAppendixRow>[4]) => edits.insertAppendixRow(db, planId, groupId, index, cells),
    insertRows: (planId: number, groupId: number, index: number, rows: Parameters<typeof edits.insertRows>[4]) => edits.insertRows(db, planId, groupId, index, rows),
    setCell: (planId: number, rowId: number, key: string, value: Parameters<typeof edits.setCell>[4]) => edits.setCell(db, planId, rowId, key, value),
    moveRow: (planId: number, rowId: number, groupId: number, index: number) => edits.moveAppendixRow(db, planId, rowId, groupId, index),
    deleteRow: (planId: number, rowId: number) => edits.deleteAppendixRow(db, planId, rowId),
    // #13 row trees (h1)
    indentRow: (planId: number, rowId: number, dir: 1 | -1) => (dir === 1 ? edits.indentAppendixRow(db, planId, rowId) : edits.outdentAppendixRow(db, planId, rowId)),
    insertSubRows: (planId: number, parentId: number, index: number, rows: Parameters<typeof edits.insertSubRows>[4]) => edits.insertSubRows(db, planId, parentId, index, rows),
    placeRow: (planId: number, rowId: number, groupId: number, parentId: number | null, index: number) => edits.placeAppendixRow(db, planId, rowId, groupId, parentId, index),
    addAgency: (planId: number, name: string) => edits.addAgency(db, planId, name),
    renameAgency: (planId: number, key: string, name: string) => edits.renameAgency(db, planId, key, name),
    mergeAgencies: (planId: number, fromKey: string, intoKey: string) => edits.mergeAgencies(db, planId, fromKey, intoKey),
    setKnownAbbreviations: (planId: number, names: string[]) => checkSettings.setKnownAbbreviations(db, planId, names),
    addKnownAbbreviation: (planId: number, name: string) => checkSettings.addKnownAbbreviation(db, planId, name),
    regroupAgencies: (planId: number, printed: string, names: string[], mode: 'join' | 'split') => regroupAgencies(db, planId, printed, names, mode),
  };
}

/** Every edit of a plan, synchronous (editPlan notes what it writes while nothing else runs): one per PLAN_EDIT_METHODS. */
type SyncEdits = { [M in PlanEditMethod]: (...args: Parameters<SoanApi[M]>) => Awaited<ReturnType<SoanApi[M]>> };

export function createService(db: Db, options: ServiceOptions): SoanApi {
  // The app keeps an undo history for the session; the CLI, which makes no interactive edits, does not.
  history.enableHistory(db);
  const jobs = options.jobs ?? DIRECT_JOBS;
  const sync = planEdits(db);
  // Versions are stored as exchange files (their reader loads the schema validator): loaded when first used, so a
  // command that never touches a version (the CLI's export) never loads it.
  const versions = () => import('../store/versions');
  const versionOrCurrent = async (planId: number, versionId: number | null) =>
    versionId === null ? plans.loadPlan(db, planId).pkg : (await versions()).loadVersion(db, versionId).pkg;

  /** A plan an import made, with its "as imported" version (both in one transaction). */
  const createImported = async (pkg: PlanPackage, fileName: string, format: 'json' | 'docx' | 'xlsx') => {
    const { saveVersion } = await versions();
    return db.transaction(() => {
      const plan = createPlanWithTracking(db, pkg);
      saveVersion(db, plan.id, translate('versionKind.importedName', { file: fileName }, 'vi'), { kind: 'imported', file: fileName, format });
      return plans.planSummary(db, plan.id);
    })();
  };

  /** A checker fix: its edits, validated one by one, in one transaction and one undo step. */
  const applyFix = (planId: number, ops: FixOp[]): void => {
    edits.planEdit(db, planId, 'applyFix', () => {
      for (const op of ops) {
        const args = op.args.map((a) => (a === PLAN ? planId : a));
        validateCall(op.method, args);
        const fn = (sync as Record<string, (...a: unknown[]) => unknown>)[op.method];
        if (!fn || args[0] !== planId) throw UserError.coded('fix.otherPlan', { method: op.method }, `A fix may only edit this plan ("${op.method}").`);
        fn(...args);
      }
    });
  };

  /**
   * Every edit of PLAN_EDIT_METHODS (the compiler asks for a new one here): editPlan runs them while noting what
   * they write, and the API offers each as itself too (as a promise, answering without the delta).
   */
  const planEditsWithDelta: SyncEdits = {
    ...sync,
    applyFix,
    replaceInPlan: (planId, query, replacement, hitIds) => replaceInPlan(db, planId, query, replacement, hitIds),
    takeProposal: (planId, target, cells, source, agencies) => takeProposal(db, planId, target, cells, source, agencies),
    takeReturnProposal: (planId, proposalId, target) => takeReturnProposal(db, planId, proposalId, target),
    renamePlan: (planId, title) => plans.renamePlan(db, planId, title),
    setPlanYear: (planId, year) => plans.setPlanYear(db, planId, year),
    undo: (planId) => history.undo(db, planId),
    redo: (planId) => history.redo(db, planId),
  };
  const asyncEdits = Object.fromEntries(
    Object.entries(planEditsWithDelta).map(([name, fn]) => [name, async (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args)]),
  ) as { [M in PlanEditMethod]: SoanApi[M] };

  /** The rest of the API: reads, whole-plan operations, imports and exports. */
  const others: Omit<SoanApi, PlanEditMethod> = {
    editPlan: async (planId, method, args) => {
      if (!isPlanEditMethod(method)) throw badArgumentError('editPlan#2', 'planEdit');
      const callArgs = [planId, ...(args as unknown[])];
      validateCall(method, callArgs);
      const fn = planEditsWithDelta[method] as (...a: unknown[]) => unknown;
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the reply's type follows `method`, checked by the contract
      return trackEdit(db, planId, () => fn(...callArgs)) as any;
    },
    planRevision: async (planId) => plans.planSummary(db, planId).revision,
    appInfo: async () => options.info,
    // h6 (#16 one voice)
    setUiLanguage: async (lang) => options.setUiLanguage?.(lang),
    listPlans: async () => plans.listPlans(db),
    listTrash: async () => plans.listPlans(db, { trash: true }),
    openPlan: async (planId) => plans.loadPlan(db, planId),
    createPlan: async (source, year) =>
      plans.createPlan(db, source === 'sample' ? (await import('../sample')).loadSamplePackage() : blankPackage(year ?? new Date().getFullYear() + 1)),
    duplicatePlan: async (planId) => plans.duplicatePlan(db, planId),
    trashPlan: async (planId) => plans.trashPlan(db, planId),
    restorePlan: async (planId) => plans.restorePlan(db, planId),
    purgePlan: async (planId) => {
      plans.purgePlan(db, planId);
      history.forgetHistory(db, planId);
    },
    importPlan: async (fileName, text) => {
      const { pkg, notes } = await jobs.readExchange(text, fileName);
      // v2.1: an issued plan's tracking comes with it (issues, periods, statuses, reports).
      return { ...(await createImported(pkg, fileName, 'json')), notes };
    },
    exportPlan: async (planId, format, parts) => {
      const { pkg } = plans.loadPlan(db, planId);
      // The exchange file carries the tracking, the signed PDFs included (#23).
      return options.deliver(await jobs.renderExport(format === 'json' ? withTracking(db, planId, pkg, { pdf: true }) : pkg, format, parts));
    },

    openExportedFile: (fileId) => (options.files ? options.files.open(fileId) : noFiles()),
    showExportedFile: (fileId) => (options.files ? options.files.show(fileId) : noFiles()),

    listAgencies: async (planId) => edits.agencyUsage(db, planId),

    historyState: async (planId) => history.historyState(db, planId),

    findInPlan: async (planId, query) => findInPlan(db, planId, query),

    saveVersion: async (planId, name) => (await versions()).saveVersion(db, planId, name),
    listVersions: async (planId) => (await versions()).listVersions(db, planId),
    compareVersions: async (planId, fromId, toId) => comparePackages(await versionOrCurrent(planId, fromId), await versionOrCurrent(planId, toId)),
    compareSides: async (from, to) => {
      const store = await versions();
      const side = async (s: CompareSide) => {
        if (s.versionId === null) return plans.loadPlan(db, s.planId).pkg;
        const { version, pkg } = store.loadVersion(db, s.versionId);
        if (version.planId !== s.planId) throw UserError.coded('version.notFound', { id: s.versionId }, `Plan ${s.planId} has no version ${s.versionId}.`);
        return pkg;
      };
      const comparison = comparePackages(await side(from), await side(to));
      // Last year's plan against the plan rolled over from it (either way round): the changes of year it made.
      const rollover = from.planId !== to.planId ? store.rolloverBetween(db, from.planId, to.planId) ?? store.rolloverBetween(db, to.planId, from.planId) : null;
      return rollover ? { ...comparison, rollover } : comparison;
    },
    restoreVersion: async (versionId) => (await versions()).restoreVersionAsPlan(db, versionId),
    deleteVersion: async (versionId) => (await versions()).deleteVersion(db, versionId),

    proposeRollover: async (planId, toYear) => proposeRollover(plans.loadPlan(db, planId).pkg, toYear),
    applyRollover: async (planId, toYear, accepted) => {
      const { summary, pkg } = plans.loadPlan(db, planId);
      const chosen = accepted === 'all' ? 'all' : new Set(accepted);
      const next = applyRollover(pkg, toYear, chosen);
      // The changes it made, kept with its "as rolled over" version for the compare with last year's plan.
      const changes = proposeRollover(pkg, toYear)
        .filter((p) => p.mode === 'always' || (p.mode === 'change' && p.edit && (chosen === 'all' || chosen.has(p.id))))
        .map((p) => ({ path: p.path, before: p.before, after: p.after, reason: p.reason }));
      const { saveVersion } = await versions();
      return db.transaction(() => {
        const plan = plans.createPlan(db, next);
        saveVersion(db, plan.id, translate('versionKind.rolledName', { year: pkg.year, toYear }, 'vi'), {
          kind: 'rolled-over', from: { planId, title: summary.title, year: pkg.year }, toYear, changes,
        });
        return plans.planSummary(db, plan.id);
      })();
    },

    checkPlan: async (planId, lang) =>
      (await import('../checks')).checkPlan(plans.loadPlan(db, planId).pkg, { lang, knownAbbreviations: checkSettings.readKnownAbbreviations(db, planId) }),
    knownAbbreviations: async (planId) => {
      plans.planSummary(db, planId);
      return checkSettings.readKnownAbbreviations(db, planId);
    },

    readMergeFile: async (planId, fileName, base64) => readMergeFile(db, planId, fileName, Buffer.from(base64, 'base64')),
    rowSources: async (planId) => rowSources(db, planId),

    listBackups: () => (options.backups ? options.backups.list() : noBackups()),
    backupNow: () => (options.backups ? options.backups.now() : noBackups()),
    restoreBackup: (name) => (options.backups ? options.backups.restore(name) : noBackups()),
    exportAll: () => (options.backups ? options.backups.exportAll() : noBackups()),

    importDocx: async (fileName, base64) => {
      const { pkg, warnings, report, found } = await jobs.importDocx(Buffer.from(base64, 'base64'), fileName);
      return { ...(await createImported(pkg, fileName, 'docx')), warnings, report, found };
    },
    importXlsx: async (fileName, base64) => {
      const { pkg, warnings, report } = await jobs.packageFromWorkbook(Buffer.from(base64, 'base64'), fileName);
      return { ...(await createImported(pkg, fileName, 'xlsx')), warnings, report };
    },
    ...trackingMethods(db, jobs, options),
  };
  return { ...asyncEdits, ...others };
}
