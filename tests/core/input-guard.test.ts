/**
 * The one import guard (files/input-guard.ts) and the one deepNfc (model/text.ts): what every importer and
 * transport relies on.
 */
import { describe, expect, it } from 'vitest';
import {
  API_REQUEST_MAX_BYTES, IMPORT_BASE64_MAX_CHARS, IMPORT_FILE_MAX_BYTES, IMPORT_JSON_MAX_DEPTH, IMPORT_TEXT_MAX_CHARS, jsonNestingDepth,
} from '../../electron/core/files/input-guard';
import { deepNfc } from '../../electron/core/model/text';
import { parseExchange, serializeExchange } from '../../electron/core/exchange/exchange';
import { validateCall } from '../../electron/core/api/validate';
import { loadSamplePackage } from '../../electron/core/sample';

describe('jsonNestingDepth', () => {
  it('counts objects and arrays, not brackets inside strings or after an escaped quote', () => {
    expect(jsonNestingDepth('1')).toBe(0);
    expect(jsonNestingDepth('{"a":[1,{"b":[]}]}')).toBe(4);
    expect(jsonNestingDepth('{"a":"[[[[{{{{"}')).toBe(1);
    expect(jsonNestingDepth('{"a":"x\\"[[[[","b":[]}')).toBe(2);
    expect(jsonNestingDepth('['.repeat(100_000))).toBe(100_000);
  });

  it('the exchange reader refuses one level past the limit and reads the limit itself', () => {
    const nest = (levels: number) => `{"format":"soan-ke-hoach/plan","version":2,"x":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`;
    expect(() => parseExchange(nest(IMPORT_JSON_MAX_DEPTH + 1), 'deep.json')).toThrow(/nested more than 64/);
    // At the limit the file is parsed and then judged by the schema (unknown field x), not by its depth.
    expect(() => parseExchange(nest(IMPORT_JSON_MAX_DEPTH), 'deep.json')).toThrow(/deep\.json/);
    expect(() => parseExchange(nest(IMPORT_JSON_MAX_DEPTH), 'deep.json')).not.toThrow(/nested more than/);
  });
});

describe('the transport limits follow the file limit', () => {
  it('a file of exactly the import limit fits the validator and the host, one byte more in base64 does not fit the validator', () => {
    expect(IMPORT_BASE64_MAX_CHARS).toBe(Buffer.alloc(IMPORT_FILE_MAX_BYTES).toString('base64').length);
    expect(API_REQUEST_MAX_BYTES).toBeGreaterThan(IMPORT_BASE64_MAX_CHARS);
    expect(API_REQUEST_MAX_BYTES).toBeGreaterThan(IMPORT_TEXT_MAX_CHARS);
    expect(IMPORT_TEXT_MAX_CHARS).toBeGreaterThan(IMPORT_FILE_MAX_BYTES);
    const atLimit = 'A'.repeat(IMPORT_BASE64_MAX_CHARS);
    expect(() => validateCall('importDocx', ['plan.docx', atLimit])).not.toThrow();
    expect(() => validateCall('importDocx', ['plan.docx', atLimit + 'AAAA'])).toThrow();
  });
});

describe('deepNfc', () => {
  it('makes every string NFC at any depth, copies, and leaves the input as it was', () => {
    const nfd = 'Ke\u0302\u0301 hoa\u0323ch'; // "Kế hoạch" as an input method may send it
    const input = { title: nfd, list: [nfd, { deep: [nfd] }], n: 3, none: null, yes: true };
    const out = deepNfc(input);
    expect(out).toEqual({ title: 'Kế hoạch', list: ['Kế hoạch', { deep: ['Kế hoạch'] }], n: 3, none: null, yes: true });
    expect(out.title).toBe('Kế hoạch'.normalize('NFC'));
    expect(input.title).toBe(nfd);
    expect(out.list).not.toBe(input.list);
  });

  it('replaces lone surrogates and counts them', () => {
    const repairs = { replaced: 0 };
    expect(deepNfc({ a: 'x\ud800y', b: ['\udc00'] }, repairs)).toEqual({ a: 'x\ufffdy', b: ['\ufffd'] });
    expect(repairs.replaced).toBe(2);
  });

  it('keeps a parsed "__proto__" key as a key, never as the prototype of the copy', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": "yes"}, "a": "b"}') as Record<string, unknown>;
    const out = deepNfc(parsed);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: string }).polluted).toBeUndefined();
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
  });

  it('the exchange reader stores NFC whatever the file held', () => {
    const text = serializeExchange(loadSamplePackage()).normalize('NFD');
    const pkg = parseExchange(text, 'nfd.json');
    expect(pkg.title).toBe(pkg.title.normalize('NFC'));
    expect(pkg.title).not.toBe(pkg.title.normalize('NFD'));
    expect(pkg.agencies.every((a) => a.name === a.name.normalize('NFC'))).toBe(true);
  });
});
