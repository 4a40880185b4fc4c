import { describe, expect, it } from 'vitest';
import { notificationLetter } from './letter.content.js';
import { buildLetterInput } from './letter.fixtures.js';
import { renderLetterPdf } from './letter.pdf.js';
import { notificationLetterPdf } from './notification-letter.js';
import { pdfStructure, pdfText, type PdfStructure } from '../../test-support/pdf-text.js';

describe('notification letter PDF', () => {
  it('is a real PDF whose text carries name, valid-until date, DPO contact and the rights', async () => {
    const bytes = await notificationLetterPdf(buildLetterInput());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { text } = await pdfText(bytes);
    expect(text).toContain('Guten Tag Łukasz Yılmaz-Öztürk,');
    expect(text).toContain('Der Eintrag gilt bis zum 7. März 2029');
    expect(text).toContain('datenschutz@musterstadt.example');
    expect(text).toContain('Aktenzeichen ZeMAG-2027-0042');
    for (const article of ['Art. 15', 'Art. 16', 'Art. 17', 'Art. 18', 'Art. 21', 'Art. 77']) {
      expect(text).toContain(`${article} DSGVO`);
    }
  });

  it('fits the usual letter on one sheet printed on both sides, numbered "Seite x von 2"', async () => {
    const { pages } = await pdfText(await notificationLetterPdf(buildLetterInput()));
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Seite 1 von 2');
    expect(pages[1]).toContain('Seite 2 von 2');
    expect(pages[1]).toContain('Aktenzeichen ZeMAG-2027-0042');
  });

  it('runs onto further pages when there are many incidents, losing none', async () => {
    const incidents = Array.from({ length: 60 }, (_, i) => ({
      occurredOn: `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      categories: ['threat' as const],
    }));
    const { pages, text } = await pdfText(
      await notificationLetterPdf(buildLetterInput({ listing: { incidents } })),
    );
    expect(pages.length).toBeGreaterThanOrEqual(3);
    pages.forEach((page, i) => expect(page).toContain(`Seite ${i + 1} von ${pages.length}`));
    expect(text.match(/: Bedrohung/g)?.length).toBeGreaterThanOrEqual(60);
    expect(pages.at(-1)).toContain('Mit freundlichen Grüßen');
  });

  it('prints markup in names literally', async () => {
    const input = buildLetterInput({
      person: { givenNames: '<script>alert(1)</script>', familyName: 'Smith &amp; <b>Co</b>' },
    });
    const { text } = await pdfText(await notificationLetterPdf(input));
    expect(text).toContain('Guten Tag <script>alert(1)</script> Smith &amp; <b>Co</b>,');
  });

  it('prints Latin Extended and Cyrillic names as text', async () => {
    for (const [givenNames, familyName] of [
      ['Ørjan Ğökhan', 'Şahin-Żółć'],
      ['Ольга', 'Петрова'],
      ['Nguyễn Thị', 'Ḥaddād'],
    ] as const) {
      const { text } = await pdfText(
        await notificationLetterPdf(buildLetterInput({ person: { givenNames, familyName } })),
      );
      expect(text).toContain(`Guten Tag ${givenNames} ${familyName},`);
    }
  });

  it('prints an Arabic name with its own font without breaking the letter', async () => {
    const bytes = await notificationLetterPdf(
      buildLetterInput({ person: { givenNames: 'Ahmad', familyName: 'الحسن' } }),
    );
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toMatch(/NotoNaskhArabic/);
    const { text } = await pdfText(bytes);
    expect(text).toContain('Guten Tag Ahmad الحسن,');
    expect(text).toContain('Der Eintrag gilt bis zum 7. März 2029');
  });

  it('renders any structured letter, not only the notification', async () => {
    const doc = notificationLetter(buildLetterInput());
    const bytes = await renderLetterPdf({
      ...doc,
      body: [{ kind: 'paragraph', text: 'Kurzer Text.' }],
    });
    const { pages, text } = await pdfText(bytes);
    expect(pages).toHaveLength(1);
    expect(text).toContain('Kurzer Text.');
    expect(text).toContain('Seite 1 von 1');
  });
});

describe('notification letter PDF for a screen reader', () => {
  const rolesIn = (node: PdfStructure | null): string[] =>
    node ? [node.role, ...node.children.flatMap(rolesIn)] : [];

  it('is tagged: a document with headings, paragraphs and lists; page furniture is an artifact', async () => {
    const { marked, pages } = await pdfStructure(await notificationLetterPdf(buildLetterInput()));
    expect(marked).toBe(true);
    const first = rolesIn(pages[0]!.tree);
    expect(first.slice(0, 2)).toEqual(['Root', 'Document']);
    for (const role of ['H1', 'H2', 'P', 'L', 'LI', 'Lbl', 'LBody']) expect(first).toContain(role);
    // The subject is the first heading; the letterhead and address come before it.
    expect(first.indexOf('H1')).toBeLessThan(first.indexOf('H2'));
    // "Seite 1 von 2" and the return line are skipped by a screen reader, the letter is read.
    expect(pages[0]!.artifactText).toContain('Seite 1 von 2');
    expect(pages[0]!.readText).not.toContain('Seite 1 von 2');
    expect(pages[0]!.readText).toContain('Guten Tag Łukasz Yılmaz-Öztürk,');
    expect(rolesIn(pages[1]!.tree)).toContain('P');
    expect(pages[1]!.artifactText).toContain('Seite 2 von 2');
  });
});
