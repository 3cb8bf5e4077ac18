/**
 * Names written in capitals that a drafter never spells out, so the abbreviation rule does not ask for
 * their full form (Nghị định 30, Phụ lục I, "Nội dung văn bản": an abbreviation is spelt out at its first
 * use — that is for the office's own short forms, not for a name that is itself the name).
 *
 * Data, not code: one name per entry, compared as written. Three kinds:
 * - companies and their brands, whose registered name is the abbreviation (`VNPT`, `FPT`, `Viettel`,
 *   `MobiFone`): the Bắc Giang 2021–2030 plan writes `các Tập đoàn lớn như: Viettel, VNPT, FPT...`;
 * - national systems and apps known by their name (`VNeID`, `iHanoi`, `VssID`);
 * - international and technical terms read as words (`ISO`, `GIS`, `IoT`, `GPS`, `PDF`, `QR` …).
 *
 * Not here on purpose: `UBND`, `HĐND`, `TTHC`, `CCHC`, `CNTT`, `QPPL` — a reader outside the office may not
 * know them and ND30 asks for them to be spelt out once; a province that never does so passes its own list
 * (`CheckOptions.knownAbbreviations`).
 */
export const KNOWN_ABBREVIATIONS: readonly string[] = [
  // companies and brands
  'VNPT', 'FPT', 'Viettel', 'MobiFone', 'Vinaphone', 'VNPost', 'EVN', 'CMC', 'BIDV', 'VCB', 'VTV', 'VOV', 'VTC',
  // national systems and apps known by their name
  'VNeID', 'iHanoi', 'VssID', 'eTax', 'Zalo',
  // international and technical terms
  'ISO', 'TCVN', 'ASEAN', 'COVID', 'USD', 'VNĐ', 'VND', 'GDP', 'ODA', 'WTO', 'SMS', 'QR', 'PDF', 'GPS', 'OK', 'GIS', 'IoT',
  'AI', 'API', 'IT', 'ICT', 'SIM', 'USB', 'PC', 'WiFi', 'LAN', 'WAN', 'IP', 'CPU', 'RAM', 'OTP', 'PIN', 'URL', 'HTML', 'XML', 'JSON',
  'UNESCO', 'UNICEF', 'WHO', 'WB', 'ADB', 'FDI', 'PPP',
];
