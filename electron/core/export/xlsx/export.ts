import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Workbook, Worksheet } from 'exceljs';
import type { PlanPackage } from '../../model/types';
import { assignmentMatrix } from './assignment';
import { writeAppendixSheet } from './appendix-sheet';
import { writeAssignmentSheet } from './assignment-sheet';
import { writeByAgencySheet } from './by-agency-sheet';
import { writeScheduleSheet } from './schedule-sheet';
import { writeRoundtripSheet, ROUNDTRIP_SHEET } from './roundtrip-data';
import { SHEET_APPENDIX, SHEET_ASSIGNMENT, SHEET_BY_AGENCY, SHEET_SCHEDULE } from './style';

/** What the streaming writer has beyond the Workbook type the sheet writers are written against. */
interface StreamingWorkbook {
  getWorksheet(name: string): (Worksheet & { commit(): void }) | undefined;
  commit(): Promise<void>;
  zip: { append(source: unknown, data: { name: string }): unknown };
}

/**
 * The task-matrix workbook: Phụ lục (as printed), Phân công, Theo cơ quan, Tiến độ.
 *
 * Written with exceljs's streaming WorkbookWriter: each sheet's rows are turned into XML and handed to the
 * zip as soon as the sheet is written (the sheet writers also commit rows as they go), instead of a whole
 * workbook of cell objects living until the end — 10,000 rows took over 1 GB that way.
 */
export async function exportXlsx(pkg: PlanPackage): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: true,
    // Fast deflate: the workbook is a little larger, written in half the time (2,000-row plans).
    zip: { zlib: { level: 3 } },
  } as ConstructorParameters<typeof ExcelJS.stream.xlsx.WorkbookWriter>[0]);
  const streaming = writer as unknown as StreamingWorkbook;
  writer.creator = 'Soạn Kế hoạch';
  writer.title = pkg.appendix.title;
  // The counts under the matrix are formulas and exceljs does not write a cached 0: have them calculated on
  // opening. The streaming writer has no setting for it, so the flag goes into its workbook.xml on the way out.
  const append = streaming.zip.append.bind(streaming.zip);
  streaming.zip.append = (source, data) =>
    append(data.name === '/xl/workbook.xml' && typeof source === 'string' ? source.replace(/<calcPr ([^>]*?)\/>/, '<calcPr $1 fullCalcOnLoad="1"/>') : source, data);

  const wb = writer as unknown as Workbook;
  const done = (name: string) => streaming.getWorksheet(name)?.commit();
  const matrix = assignmentMatrix(pkg);
  writeAppendixSheet(wb, pkg);
  done(SHEET_APPENDIX);
  writeAssignmentSheet(wb, pkg, matrix);
  done(SHEET_ASSIGNMENT);
  writeByAgencySheet(wb, pkg, matrix);
  done(SHEET_BY_AGENCY);
  writeScheduleSheet(wb, pkg, matrix.tasks);
  done(SHEET_SCHEDULE);
  writeRoundtripSheet(wb, pkg);
  done(ROUNDTRIP_SHEET);
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await streaming.commit();
  await finished;
  return Buffer.concat(chunks);
}
