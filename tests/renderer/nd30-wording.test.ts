/**
 * The print preview and the DOCX print the header and the closing of a document from the same model functions
 * (electron/core/model/nd30-text.ts, pages.ts): the preview's page is rendered to HTML, the DOCX's document.xml is
 * read back, and both must hold the same lines, in the same order, equal to what the model builds.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { exportDocx } from '../../electron/core/export/docx';
import {
  articleLabel, DECIDES, DOCUMENT_TITLE, MOTTO, NATIONAL_TITLE, RECIPIENTS_LABEL,
} from '../../electron/core/model/nd30-text';
import { issuanceHeader, recipientLinesPrinted, signerBlock } from '../../electron/core/model/pages';
import type { Issuance, PlanPackage } from '../../electron/core/model/types';
import { DecisionPage } from '../../renderer/src/components/preview/DecisionPage';
import { PlanPage } from '../../renderer/src/components/preview/PlanPage';
import { samplePackage, standalonePackage } from '../core/fixtures/packages';
import { all, readDocx, textOf } from '../core/fixtures/ooxml';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#x27': "'", '#39': "'", nbsp: '\u00a0' };

/** The text of every <p> of a rendered page, in document order. */
function previewParagraphs(html: string): string[] {
  return [...html.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/g)].map((m) =>
    m[1].replace(/<[^>]+>/g, '').replace(/&(#?\w+);/g, (all, e: string) => ENTITIES[e] ?? all),
  );
}

/** The text of every paragraph (table cells included) of one DOCX section, in document order. */
async function docxParagraphs(pkg: PlanPackage, section: number): Promise<string[]> {
  const doc = await readDocx((await exportDocx(pkg)).buffer);
  return doc.sections[section].elements.flatMap((el) => (el.name === 'w:p' ? [el] : all(el, 'w:p'))).map(textOf);
}

/**
 * The lines the model builds for one issued document: the header's four (the DOCX sets them as a two-row table,
 * the preview as two columns, so their reading order differs) and the rest, in reading order.
 */
function expectedLines(pkg: PlanPackage, issuance: Issuance, kind: 'decision' | 'plan'): { header: string[]; rest: string[]; all: string[] } {
  const { numberLine, placeDate } = issuanceHeader(pkg, issuance, kind);
  const signer = signerBlock(issuance.signer);
  const recipients = recipientLinesPrinted(issuance.recipients, kind === 'plan' ? 'Kế hoạch, Nơi nhận' : undefined).lines;
  const header = [NATIONAL_TITLE.replace(/ NAM$/, '\u00a0NAM'), MOTTO, numberLine, placeDate];
  const rest = [
    DOCUMENT_TITLE[kind], ...(kind === 'decision' ? [DECIDES] : []),
    RECIPIENTS_LABEL, ...recipients.map((r) => `${r.mark} ${r.text}`),
    signer.title, ...signer.deputy, signer.name,
  ];
  return { header, rest, all: [...header, ...rest] };
}

/** The paragraphs that are one of `wanted`, in the order the page prints them. */
const only = (paragraphs: string[], wanted: string[]) => paragraphs.filter((p) => wanted.includes(p));

/** `paragraphs` print every expected line once: the header's in any order, the rest in order. */
function expectPrinted(paragraphs: string[], wanted: ReturnType<typeof expectedLines>): void {
  expect(only(paragraphs, wanted.header).sort()).toEqual([...wanted.header].sort());
  expect(only(paragraphs, wanted.rest)).toEqual(wanted.rest);
}

describe('ND30 wording: the preview and the DOCX print the same header and closing', () => {
  it('the sample Decision', async () => {
    const pkg = samplePackage();
    const decision = pkg.decision!;
    const wanted = expectedLines(pkg, decision, 'decision');
    const preview = previewParagraphs(renderToStaticMarkup(createElement(DecisionPage, { decision, issuer: pkg.issuer, year: pkg.year, label: 'QĐ' })));
    const docx = await docxParagraphs(pkg, 0);
    expectPrinted(preview, wanted);
    expectPrinted(docx, wanted);
    expect(wanted.all).toContain('Số: 2142/QĐ-UBND');
    expect(wanted.all).toContain('Bình Phước, ngày 09 tháng 12 năm 2023');
    // Articles are labelled by the one function in both.
    expect(docx.some((p) => p.startsWith(`${articleLabel(0)} `))).toBe(true);
    expect(preview.some((p) => p.startsWith(`${articleLabel(0)} `))).toBe(true);
  });

  it('a standalone Plan not yet signed: the blank number and date, and a multi-line deputy title', async () => {
    const pkg = standalonePackage();
    const issuance = { ...pkg.plan.issuance!, number: '', symbol: '', date: null };
    pkg.plan.issuance = issuance;
    const wanted = expectedLines(pkg, issuance, 'plan');
    const preview = previewParagraphs(renderToStaticMarkup(createElement(PlanPage, { pkg, label: 'KH' })));
    const docx = await docxParagraphs(pkg, 0);
    expectPrinted(preview, wanted);
    expectPrinted(docx, wanted);
    // The kind's own symbol when none is set, and the blanks a drafter leaves before signing.
    expect(wanted.all).toContain('Số:        /KH-UBND');
    expect(wanted.all).toContain(`Bình Phước, ngày      tháng      năm ${pkg.year}`);
    expect(wanted.all).toEqual(expect.arrayContaining(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']));
  });

  it('a number and a date issued but not known to us print "…", in both', async () => {
    const pkg = standalonePackage();
    const issuance = { ...pkg.plan.issuance!, number: '', date: null, numberUnknown: true, dateUnknown: true };
    pkg.plan.issuance = issuance;
    const wanted = expectedLines(pkg, issuance, 'plan');
    expect(wanted.all).toContain('Số: …/KH-UBND');
    expect(wanted.all).toContain('Bình Phước, ngày … tháng … năm …');
    const preview = previewParagraphs(renderToStaticMarkup(createElement(PlanPage, { pkg, label: 'KH' })));
    expectPrinted(preview, wanted);
    expectPrinted(await docxParagraphs(pkg, 0), wanted);
  });
});
