/**
 * The task-matrix workbook (XLSX): `exportXlsx` writes the appendix as printed plus the assignment,
 * by-agency and schedule sheets; `importAppendixXlsx` reads an appendix-shaped sheet back.
 */
export { exportXlsx } from './export';
export { importAppendixXlsx } from '../../import/xlsx/import';
export { XLSX_MAX_BYTES } from '../../import/xlsx/guard';
export { assignmentMatrix } from './assignment';
export { SHEET_APPENDIX, SHEET_ASSIGNMENT, SHEET_BY_AGENCY, SHEET_SCHEDULE, ROLE_LEAD, ROLE_COOPERATE } from './style';
