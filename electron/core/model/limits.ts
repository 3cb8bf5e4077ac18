/**
 * How many appendix rows one plan may hold, in all its groups. A real yearly plan has 30–300 tasks. Measured on the
 * 2-core build machine (sample rows repeated): 5,000 rows export as DOCX in 6 s and XLSX in 4 s, the process peaking
 * at 0.56 GB; 10,000 rows took 16 s and 18 s and peaked at 1.5 GB; 100,000 ran the DOCX export out of memory after
 * 2½ minutes. 5,000 keeps both exports within 15 s and 1 GB. Enforced where rows come in: every import (exchange,
 * Word, Excel, rollover and duplicate, which create a plan), pasting rows and inserting one.
 */
export const MAX_APPENDIX_ROWS = 5_000;
