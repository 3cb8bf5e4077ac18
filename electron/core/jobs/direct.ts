/**
 * The tasks run in the calling thread (the CLI, the browser host, the tests), each module loaded when a task first
 * runs: a service that never imports a Word file never loads the Word reader, and the CLI's `list` or `check` start
 * without exceljs or docx. The same functions as TASKS (tasks.ts), which the worker loads whole.
 */
import type { CodedMessage } from '../model/messages';
import type { Jobs } from './tasks';

export const DIRECT_JOBS: Jobs = {
  renderExport: async (...args) => (await import('../export/render')).renderExport(...args),
  importDocx: async (...args) => (await import('../import/docx')).importDocx(...args),
  packageFromWorkbook: async (...args) => (await import('../import/xlsx/new-plan')).packageFromWorkbook(...args),
  parseExchange: async (text, fileName) => (await import('../exchange/exchange')).parseExchange(text, fileName),
  readExchange: async (text, fileName) => {
    const notes: CodedMessage[] = [];
    return { pkg: (await import('../exchange/exchange')).parseExchange(text, fileName, notes), notes };
  },
  renderReturnBooks: async (...args) => (await import('../tracking/render')).renderReturnBooks(...args),
  parseReturnBook: async (...args) => (await import('../tracking/returns-parse')).parseReturnBook(...args),
  renderReportFile: async (...args) => (await import('../tracking/render')).renderReportFile(...args),
};
