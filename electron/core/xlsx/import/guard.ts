import ExcelJS from 'exceljs';
import { UserError } from '../../errors';

/** Larger than any real appendix workbook, small enough to refuse a hostile file before unzipping it. */
export const XLSX_MAX_BYTES = 50 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: an encrypted (password-protected) .xlsx, or an old .xls. */
const CFB = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(data: Buffer, bytes: number[]): boolean {
  return data.length >= bytes.length && bytes.every((b, i) => data[i] === b);
}

/** Refuses what cannot be read before handing it to exceljs, then loads it; one clear message naming the file. */
export async function loadWorkbook(data: Buffer, fileName: string): Promise<ExcelJS.Workbook> {
  if (data.length > XLSX_MAX_BYTES) {
    const mb = (data.length / 1024 / 1024).toFixed(0);
    throw new UserError(`Tệp “${fileName}” quá lớn (${mb} MB, tối đa 50 MB): không đọc. Hãy chỉ giữ trang phụ lục trong tệp.`);
  }
  if (startsWith(data, CFB)) {
    throw new UserError(
      `Tệp “${fileName}” được đặt mật khẩu hoặc là tệp Excel cũ (.xls): không đọc được. ` +
        'Hãy mở tệp trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) hoặc lưu lại dưới dạng .xlsx, rồi nhập lại.',
    );
  }
  if (!startsWith(data, ZIP)) {
    throw new UserError(`Tệp “${fileName}” không phải là tệp Excel .xlsx hoặc đã bị hỏng: không đọc được.`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error && e.message ? ` (${e.message.split('\n')[0].slice(0, 120)})` : '';
    throw new UserError(`Tệp “${fileName}” đã bị hỏng hoặc không phải tệp .xlsx: không đọc được${why}.`);
  }
  return wb;
}
