/** Reading text files: UTF-8 decoded without silent changes (the model stays free of runtime globals). */
/**
 * Decodes UTF-8 `bytes`; bytes that are not UTF-8 become U+FFFD, and `replaced` says how many such places there were
 * (U+FFFD characters written in the file itself are not counted).
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; replaced: number } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), replaced: 0 };
  } catch {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    let inText = 0;
    for (const c of text) if (c === '\uFFFD') inText++;
    let written = 0;
    for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) written++;
    return { text, replaced: inText - written };
  }
}
