/**
 * How many appendix rows one plan may hold, in all its groups. A real yearly plan has 30–300 tasks. Measured on the
 * 2-core build machine as whole `node out/cli/main.js export` processes (sample rows repeated, /usr/bin/time): 10,000
 * rows export as DOCX in 1.0 s of CPU peaking at 0.20 GB (the table's XML is written directly, not as the docx
 * library's objects) and as XLSX in 3.6 s peaking at 0.20 GB (exceljs's streaming writer); a 9-column framework
 * table of 10,000 lines stays under 0.23 GB. Our own 10,000-row files import again within the import budget
 * (files/input-guard.ts: document.xml 15–18 MB of its 32 MB). `npm run bench process` prints these figures.
 * Enforced where rows come in: every import (exchange, Word, Excel, rollover and duplicate, which create a plan),
 * pasting rows and inserting one.
 */
export const MAX_APPENDIX_ROWS = 10_000;
