/**
 * DOCX import of bad input: each file is refused with one UserError that names the file and says what is
 * wrong, before anything is parsed where the danger is in the parsing (zip bombs, entity tricks). Nothing
 * is stored by importDocx, so "nothing half-imported" means: it throws and returns no package at all.
 */
import { describe, expect, it } from 'vitest';
import { importDocx } from '../../electron/core/import/docx';
import { UserError } from '../../electron/core/errors';
import { contactListDocx, letterDocx, typedDecisionDocx } from './fixtures/docx-import-typed';
import {
  entityDocument, minimalDocx, oleBytes, withBadCrc, withDeclaredSize, withRenamedEntry, zerosDocx,
} from './fixtures/docx-import-hostile';

/** Runs the import and returns the UserError it must throw (failing if it returns a package instead). */
async function refusal(data: Buffer, fileName: string): Promise<UserError> {
  let returned: unknown = undefined;
  try {
    returned = await importDocx(data, fileName);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as Error).message).toContain(`“${fileName}”`);
    return e as UserError;
  }
  expect.fail(`importDocx returned a package for ${fileName}: ${JSON.stringify(returned).slice(0, 200)}`);
}

describe('DOCX import refuses what is not a plan', () => {
  it('a letter with no table', async () => {
    const e = await refusal(await letterDocx(), 'cong-van.docx');
    expect(e.message).toMatch(/không có bảng nào.*không thấy phần Kế hoạch/);
  });

  it('a table of another kind (a two-column contact list)', async () => {
    const e = await refusal(await contactListDocx(), 'danh-ba.docx');
    expect(e.message).toMatch(/có 1 bảng nhưng không bảng nào là bảng phụ lục nhiệm vụ/);
    expect(e.message).toContain('Nội dung nhiệm vụ');
  });

  it('an Excel workbook given as a .docx', async () => {
    const xlsx = await minimalDocx(undefined, {});
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(xlsx);
    zip.remove('word/document.xml');
    zip.file('xl/workbook.xml', '<?xml version="1.0"?><workbook/>');
    const e = await refusal(await zip.generateAsync({ type: 'nodebuffer' }), 'phu-luc.docx');
    expect(e.message).toMatch(/là tệp Excel/);
  });
});

describe('DOCX import refuses broken files', () => {
  it('bytes that are not a zip', async () => {
    const e = await refusal(Buffer.from('Đây không phải là tệp Word, chỉ là chữ.'), 'ghi-chu.docx');
    expect(e.message).toMatch(/không phải là tệp Word \.docx hoặc đã bị hỏng/);
  });

  it('a zip cut in half (a download that stopped)', async () => {
    const whole = await typedDecisionDocx();
    const e = await refusal(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.docx');
    expect(e.message).toMatch(/đã bị hỏng/);
  });

  it('a part whose data does not match its checksum', async () => {
    const e = await refusal(withBadCrc(await typedDecisionDocx(), 'word/document.xml'), 'crc.docx');
    expect(e.message).toMatch(/đã bị hỏng \(phần “word\/document\.xml”: sai mã kiểm tra CRC\)/);
  });

  it('a main part that is not well-formed XML', async () => {
    const e = await refusal(await minimalDocx('<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p>'), 'xml.docx');
    expect(e.message).toMatch(/đã bị hỏng \(phần “word\/document\.xml”: .*not closed/);
  });

  it('a password-protected file (an OLE container)', async () => {
    const e = await refusal(oleBytes(), 'mat-khau.docx');
    expect(e.message).toMatch(/được đặt mật khẩu hoặc là tệp Word cũ \(\.doc\)/);
    expect(e.message).toMatch(/bỏ mật khẩu/);
  });
});

describe('DOCX import refuses hostile files before parsing them', () => {
  it('a file over 50 MB, before unzipping', async () => {
    const big = Buffer.alloc(51 * 1024 * 1024);
    big.write('PK\u0003\u0004', 0, 'latin1');
    const e = await refusal(big, 'lon.docx');
    expect(e.message).toMatch(/quá lớn \(51 MB, tối đa 50 MB\)/);
  });

  it('a zip bomb: a part compressed over 100× (20 MB of zeros)', async () => {
    const e = await refusal(await zerosDocx(20), 'bom.docx');
    expect(e.message).toMatch(/phần “word\/media\/zeros\.xml” nén hơn 100 lần .*zip bomb/);
  });

  it('a zip bomb: a part declared over the import budget (files/input-guard.ts)', async () => {
    const zip = withDeclaredSize(await minimalDocx(), 'word/document.xml', 300 * 1024 * 1024);
    await expect(importDocx(zip, 'bom2.docx')).rejects.toMatchObject({ code: 'import.partTooLarge', params: { file: 'bom2.docx', part: 'word/document.xml' } });
  });

  it('a zip bomb that lies about its size: inflating stops at the declared size', async () => {
    const zip = withDeclaredSize(await zerosDocx(20), 'word/media/zeros.xml', 1000);
    const e = await refusal(zip, 'bom3.docx');
    expect(e.message).toMatch(/giải nén lớn hơn kích thước khai báo.*zip bomb/);
  });

  it('a part whose path climbs out of the archive', async () => {
    const zip = withRenamedEntry(await minimalDocx(undefined, { 'word/x/evil.xml': '<a/>' }), 'word/x/evil.xml', '../../evil1.xml');
    const e = await refusal(zip, 'duong-dan.docx');
    expect(e.message).toMatch(/đường dẫn không hợp lệ \(“\.\.\/\.\.\/evil1\.xml”\)/);
  });

  it('a DOCTYPE / ENTITY declaration (entity expansion)', async () => {
    const e = await refusal(await minimalDocx(entityDocument()), 'entity.docx');
    expect(e.message).toMatch(/phần “word\/document\.xml” có khai báo DOCTYPE\/ENTITY/);
  });

  it('a DOCTYPE in a part the importer does not otherwise read', async () => {
    const e = await refusal(await minimalDocx(undefined, { 'customXml/item1.xml': '<!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><x>&a;</x>' }), 'entity2.docx');
    expect(e.message).toMatch(/phần “customXml\/item1\.xml” có khai báo DOCTYPE/);
  });
});
