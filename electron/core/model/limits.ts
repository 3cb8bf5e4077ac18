/**
 * How many appendix rows one plan may hold, in all its groups. A real yearly plan has 30–300 tasks; the exports
 * (DOCX, XLSX) of a 10,000-row appendix still finish in seconds within a few hundred MB, while 100,000 rows ran the
 * DOCX export out of memory after 2½ minutes. Enforced where rows come in: every import (exchange, Word, Excel,
 * rollover and duplicate, which create a plan), pasting rows and inserting one.
 */
export const MAX_APPENDIX_ROWS = 10_000;
