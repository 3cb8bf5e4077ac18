/**
 * Vietnamese typing into the Decision form (nd30-format.md, "Vietnamese typing"), checked in the store:
 * (a) Unikey/EVKey style — letters, then Backspaces and the replacement letters, as those tools send them;
 * (b) IME composition through the Chrome DevTools Protocol, with Enter pressed mid-composition;
 * (c) decomposed (NFD) text stored as NFC.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectStored, field, newSamplePlan, openDecision, storedPkg } from './decision-helpers';

/** One step of what Unikey sends: text typed, then `back` Backspaces and the replacement. */
type Step = [typed: string, back?: number, replacement?: string];

async function unikey(page: Page, steps: Step[]): Promise<void> {
  for (const [typed, back = 0, replacement = ''] of steps) {
    await page.keyboard.type(typed);
    for (let i = 0; i < back; i++) await page.keyboard.press('Backspace');
    if (replacement) await page.keyboard.type(replacement);
  }
}

// Telex `taoj` → "tạo": t, a, o, then j → delete "ao", type "ạo".
const TAO: Step[] = [['tao', 2, 'ạo']];
// Telex `Vieejt` → "Việt": V, i, e; e → delete "e", type "ê"; j → delete "ê", type "ệ"; t.
const VIET_TELEX: Step[] = [['Vie', 1, 'ê'], ['', 1, 'ệ'], ['t']];
// VNI `Vie6t5` → "Việt": V, i, e; 6 → delete "e", type "ê"; t; 5 → delete "êt", type "ệt".
const VIET_VNI: Step[] = [['Vie', 1, 'ê'], ['t', 2, 'ệt']];
// Telex `dduwowngf` → "đường".
const DUONG: Step[] = [['d', 1, 'đ'], ['u', 1, 'ư'], ['o', 2, 'ươ'], ['ng', 4, 'ường']];

test('Unikey/EVKey Backspace-and-replace typing lands exactly, in NFC', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);

  const authority = field(page, 'decision.authority');
  await authority.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await unikey(page, [...TAO, [' '], ...VIET_TELEX, [' Nam '], ...VIET_VNI]);
  await expect(authority).toHaveValue('tạo Việt Nam Việt');
  await authority.blur();
  await expectStored(request, token, id, (p) => p.decision!.authority, 'tạo Việt Nam Việt');

  // The summary is multi-line: typing goes on after a line break, and a pause (the idle commit) mid-word is harmless.
  const summary = field(page, 'decision.summary');
  await summary.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await unikey(page, [...TAO, [' '], ...DUONG]);
  await page.waitForTimeout(700);
  await page.keyboard.press('Shift+Enter');
  await unikey(page, [...VIET_TELEX, [' Nam']]);
  await summary.blur();
  const expected = 'tạo đường\nViệt Nam';
  await expectStored(request, token, id, (p) => p.decision!.summary, expected);
  const stored = (await storedPkg(request, token, id)).decision!.summary;
  expect(stored).toBe(stored.normalize('NFC'));
  await expect(summary).toHaveValue(expected);
});

test('IME composition: the composed text is stored once, exactly; Enter while composing neither commits nor moves', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const cdp = await page.context().newCDPSession(page);

  const name = field(page, 'decision.signer.name');
  await name.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await cdp.send('Input.imeSetComposition', { text: 't', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'tạ', selectionStart: 2, selectionEnd: 2 });
  // Enter belongs to the input method while it composes: nothing is committed, the focus stays.
  await page.keyboard.press('Enter');
  await page.waitForTimeout(800);
  await expect(name).toBeFocused();
  expect((await storedPkg(request, token, id)).decision!.signer.name).toBe('Trần Tuệ Hiền');
  await cdp.send('Input.imeSetComposition', { text: 'tạo', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: 'tạo' });
  await page.keyboard.type(' ');
  await cdp.send('Input.imeSetComposition', { text: 'Việ', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: 'Việt' });
  await expect(name).toHaveValue('tạo Việt');
  await name.blur();
  await expectStored(request, token, id, (p) => p.decision!.signer.name, 'tạo Việt');

  // Composition in the multi-line summary, in the middle of existing text.
  const summary = field(page, 'decision.summary');
  await summary.fill('Kế hoạch năm 2025');
  await summary.focus();
  await summary.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(9, 9));
  await cdp.send('Input.imeSetComposition', { text: 'cả', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.imeSetComposition', { text: 'cải', selectionStart: 3, selectionEnd: 3 });
  await cdp.send('Input.insertText', { text: 'cải ' });
  await cdp.send('Input.imeSetComposition', { text: 'cá', selectionStart: 2, selectionEnd: 2 });
  await cdp.send('Input.insertText', { text: 'cách ' });
  await summary.blur();
  await expectStored(request, token, id, (p) => p.decision!.summary, 'Kế hoạch cải cách năm 2025');
  await cdp.detach();
});

test('decomposed (NFD) input is stored in NFC', async ({ page, request }) => {
  const { token, id } = await newSamplePlan(page, request);
  await openDecision(page, id);
  const place = field(page, 'issuer.place');
  await place.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('Vie\u0302\u0323t Nam');
  await place.blur();
  await expectStored(request, token, id, (p) => p.issuer.place, 'Việt Nam');
  const stored = (await storedPkg(request, token, id)).issuer.place;
  expect(stored).toBe('Vi\u1EC7t Nam');
  expect(stored.length).toBe(8);

  // A list item too.
  await field(page, 'decision.recipients[0]').fill('Bo\u0323\u0302 Nô\u0323i vu\u0323;');
  await field(page, 'decision.recipients[0]').blur();
  await expectStored(request, token, id, (p) => p.decision!.recipients[0], 'Bộ Nội vụ;');
});
