import PDFDocument from 'pdfkit';
import type { LetterBlock, LetterDocument } from './letter.content.js';
import { fontsFor, pdfFace, RTL_FACES, type LetterFonts } from './letter.fonts.js';
import { LetterUnprintableError } from './letter.printable.js';
import { planRuns } from './letter.runs.js';

/** The Latin faces of the letter's own text; other scripts get their face by coverage. */
type FontName = 'regular' | 'bold';

const mm = (value: number) => (value * 72) / 25.4;

// DIN 5008, form B: address field 45 mm from the top, 20 mm from the left edge (text 5 mm in),
// information block at 125 mm, fold marks at 105/210 mm, hole mark at 148.5 mm.
const PAGE = { width: mm(210), height: mm(297) };
const LEFT = mm(25);
const RIGHT = mm(20);
const TEXT_WIDTH = PAGE.width - LEFT - RIGHT;
const BOTTOM = mm(26);
const TOP_FOLLOWING = mm(20);
const INFO_X = mm(125);
const SIZE = { body: 10, small: 8, tiny: 7, heading: 10, letterhead: 15 };
// The information block may reach to 10 mm from the right edge.
const INFO_RIGHT = mm(10);
const GREY = '#555555';
const LINE_GAP = 1.3;

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Draws `draw` as one structure element of `type` (P, H1, H2, …) under `parent`. */
function tagged(doc: Doc, parent: Struct, type: string, draw: () => void) {
  parent.add(doc.struct(type, {}, [draw]));
}

/** Draws `draw` as an artifact: page furniture and marks a screen reader skips. */
function artifact(doc: Doc, draw: () => void, type: 'Pagination' | 'Layout' = 'Layout') {
  doc.markContent('Artifact', { type });
  draw();
  doc.endMarkedContent();
}

/** Per document: the fonts and the ascent of the Latin face per point of font size. */
const documentFonts = new WeakMap<Doc, { fonts: LetterFonts; latinAscent: number }>();

/**
 * Writes text that may mix scripts, wrapping within `width` at the current position: each run
 * in the face that has its glyphs. A right-to-left run is laid out by fontkit as a whole
 * (`features` set, so pdfkit does not cut it into words), which puts its words in visual order
 * and keeps the copied text in reading order.
 */
function write(
  doc: Doc,
  text: string,
  options: { font?: FontName; size: number; x: number; width: number; color?: string },
) {
  const { fonts, latinAscent } = documentFonts.get(doc)!;
  const plan = planRuns(fonts, text, options.font ?? 'regular');
  // The input was checked before; this only guards against a caller that did not check.
  if (plan.runs === null)
    throw new LetterUnprintableError([{ field: 'letter', characters: plan.missing }]);
  const parts = plan.runs;
  doc.fontSize(options.size).fillColor(options.color ?? 'black');
  if (parts.length === 0) parts.push({ face: options.font ?? 'regular', text: ' ', rtl: false });
  // Faces differ in ascent; pinning the baseline to the Latin face keeps mixed runs on one line.
  const baseline = parts.length > 1 ? -latinAscent * options.size : undefined;
  parts.forEach((run, i) => {
    const last = i === parts.length - 1;
    doc.font(run.face);
    const fragment = {
      continued: !last,
      ...(baseline === undefined ? {} : { baseline }),
      ...(run.rtl ? { features: [] } : {}),
    };
    if (i === 0) {
      doc.text(run.text, options.x, doc.y, {
        width: options.width,
        lineGap: LINE_GAP,
        ...fragment,
      });
    } else {
      doc.text(run.text, fragment);
    }
  });
}

/** Height `text` would take, for keeping a heading with what follows it. */
function lineHeight(doc: Doc, size: number): number {
  doc.font('regular').fontSize(size);
  return doc.currentLineHeight(true) + LINE_GAP;
}

function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > PAGE.height - BOTTOM) {
    doc.addPage();
    doc.y = TOP_FOLLOWING;
  }
}

/** Shrinks one line of small print until it fits, so a long return line never wraps. */
function fitSize(doc: Doc, text: string, width: number, size: number, min: number): number {
  let s = size;
  doc.font('regular');
  while (s > min && doc.fontSize(s).widthOfString(text) > width) s -= 0.25;
  return s;
}

function drawFirstPageHead(doc: Doc, letter: LetterDocument, root: Struct) {
  // Letterhead
  tagged(doc, root, 'P', () => {
    doc.font('bold').fontSize(SIZE.letterhead).fillColor('black');
    doc.text(letter.letterhead.heading, LEFT, mm(15), { width: TEXT_WIDTH });
    doc.moveDown(0.2);
    for (const line of letter.letterhead.lines) {
      write(doc, line, { size: SIZE.small + 1, x: LEFT, width: mm(95), color: GREY });
    }
  });

  // Return line, underlined, one line in the address window (for the post, not the reader)
  const returnWidth = mm(80);
  const returnSize = fitSize(doc, letter.returnLine, returnWidth, SIZE.tiny, 5.5);
  artifact(doc, () => {
    doc.font('regular').fontSize(returnSize).fillColor(GREY);
    doc.text(letter.returnLine, LEFT, mm(50), {
      width: returnWidth,
      height: returnSize * 1.3,
      lineBreak: false,
      ellipsis: true,
      underline: true,
    });
  });

  // Recipient
  doc.y = mm(62.7);
  tagged(doc, root, 'P', () => {
    for (const line of letter.recipient) {
      write(doc, line, { size: 11, x: LEFT, width: mm(80) });
    }
  });

  // Information block
  doc.y = mm(50);
  const labelWidth = mm(23);
  for (const { label, value } of letter.details) {
    const y = doc.y;
    tagged(doc, root, 'P', () => {
      doc.font('regular').fontSize(SIZE.small).fillColor(GREY);
      doc.text(`${label} `, INFO_X, y + 1, { width: labelWidth, lineBreak: false });
      doc.y = y;
      write(doc, value, {
        size: SIZE.small + 1,
        x: INFO_X + labelWidth,
        width: PAGE.width - INFO_RIGHT - INFO_X - labelWidth,
      });
    });
  }
  const infoBottom = doc.y;

  // Fold and hole marks in the left margin
  artifact(doc, () => {
    doc.lineWidth(0.4).strokeColor('#999999');
    for (const y of [mm(105), mm(210)]) doc.moveTo(mm(4), y).lineTo(mm(9), y).stroke();
    doc.moveTo(mm(4), mm(148.5)).lineTo(mm(11), mm(148.5)).stroke();
  });

  doc.y = Math.max(mm(103.4), infoBottom + mm(8));
}

function drawBlock(doc: Doc, block: LetterBlock, root: Struct) {
  const line = lineHeight(doc, SIZE.body);
  switch (block.kind) {
    case 'heading':
      doc.moveDown(0.4);
      // Keep a heading with the first lines of what it heads.
      ensureRoom(doc, 4 * line);
      tagged(doc, root, 'H2', () =>
        write(doc, block.text, { font: 'bold', size: SIZE.heading, x: LEFT, width: TEXT_WIDTH }),
      );
      doc.moveDown(0.1);
      return;
    case 'paragraph':
      ensureRoom(doc, 2 * line);
      tagged(doc, root, 'P', () =>
        write(doc, block.text, { size: SIZE.body, x: LEFT, width: TEXT_WIDTH }),
      );
      doc.moveDown(0.4);
      return;
    case 'list': {
      const list = doc.struct('L');
      root.add(list);
      for (const item of block.items) {
        ensureRoom(doc, 2 * line);
        const y = doc.y;
        const entry = doc.struct('LI');
        list.add(entry);
        tagged(doc, entry, 'Lbl', () => {
          doc.font('regular').fontSize(SIZE.body).fillColor('black');
          doc.text('•', LEFT + mm(1.5), y, { lineBreak: false });
        });
        doc.y = y;
        tagged(doc, entry, 'LBody', () =>
          write(doc, item, { size: SIZE.body, x: LEFT + mm(6), width: TEXT_WIDTH - mm(6) }),
        );
        entry.end();
        doc.moveDown(0.05);
      }
      list.end();
      doc.moveDown(0.3);
      return;
    }
    case 'lines':
      ensureRoom(doc, block.lines.length * line);
      tagged(doc, root, 'P', () => {
        for (const text of block.lines) {
          write(doc, text, { size: SIZE.body, x: LEFT + mm(6), width: TEXT_WIDTH - mm(6) });
        }
      });
      doc.moveDown(0.45);
      return;
  }
}

/** Page header (following pages), footer and "Seite x von y" on every page. */
function drawPageFurniture(doc: Doc, letter: LetterDocument) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keepBottom = doc.page.margins.bottom;
    // Writing below the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    const pageNo = i - range.start + 1;
    doc.markContent('Artifact', { type: 'Pagination' });
    if (pageNo > 1) {
      doc.font('regular').fontSize(SIZE.small).fillColor(GREY);
      doc.text(`${letter.letterhead.heading} · Aktenzeichen ${letter.reference}`, LEFT, mm(10), {
        width: TEXT_WIDTH,
        lineBreak: false,
        ellipsis: true,
      });
    }
    const footerTop = PAGE.height - mm(17);
    doc.font('regular').fontSize(SIZE.small).fillColor(GREY);
    doc.text(`Seite ${pageNo} von ${range.count}`, LEFT, footerTop - mm(5), {
      width: TEXT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
    doc.lineWidth(0.4).strokeColor('#bbbbbb');
    doc
      .moveTo(LEFT, footerTop)
      .lineTo(PAGE.width - RIGHT, footerTop)
      .stroke();
    doc.y = footerTop + mm(1.5);
    for (const line of letter.footer) {
      const size = fitSize(doc, line, TEXT_WIDTH, SIZE.tiny, 5.5);
      doc.font('regular').fontSize(size).fillColor(GREY);
      doc.text(line, LEFT, doc.y, { width: TEXT_WIDTH, lineBreak: false, ellipsis: true });
    }
    doc.endMarkedContent();
    doc.page.margins.bottom = keepBottom;
  }
}

/** Every text of a letter, to load the fonts it needs. */
function lettersTexts(letter: LetterDocument): string[] {
  const body = letter.body.flatMap((block) => {
    if (block.kind === 'list') return block.items;
    if (block.kind === 'lines') return block.lines;
    return [block.text];
  });
  return [
    letter.letterhead.heading,
    ...letter.letterhead.lines,
    letter.returnLine,
    ...letter.recipient,
    ...letter.details.flatMap((d) => [d.label, d.value]),
    letter.subject,
    letter.salutation,
    ...body,
    ...letter.closing,
    ...letter.footer,
  ];
}

/** Lays out a letter on A4 (DIN 5008 form B) and returns the PDF bytes. Text stays text. */
export async function renderLetterPdf(letter: LetterDocument): Promise<Uint8Array> {
  const fonts = await fontsFor(lettersTexts(letter));
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: TOP_FOLLOWING, bottom: BOTTOM, left: LEFT, right: RIGHT },
    bufferPages: true,
    lang: 'de-DE',
    displayTitle: true,
    // Tagged PDF (structure tree, reading order, artifacts): readable with a screen reader
    // when the letter is sent or archived electronically.
    tagged: true,
    pdfVersion: '1.7',
    info: { Title: letter.title, Author: letter.author, Creator: 'ZeMAG' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit takes a parsed fontkit font as well as bytes (its types only know bytes); it
  // embeds only the faces used, and of them only the glyphs used.
  documentFonts.set(doc, {
    fonts,
    latinAscent: fonts.faces.get('regular')!.ascent / fonts.faces.get('regular')!.unitsPerEm,
  });
  for (const [name, font] of fonts.faces) {
    doc.registerFont(name, pdfFace(font, RTL_FACES.has(name)) as unknown as Buffer);
  }

  const root = doc.struct('Document');
  doc.addStructure(root);
  drawFirstPageHead(doc, letter, root);
  tagged(doc, root, 'H1', () =>
    write(doc, letter.subject, { font: 'bold', size: 11, x: LEFT, width: TEXT_WIDTH }),
  );
  doc.moveDown(1);
  tagged(doc, root, 'P', () =>
    write(doc, letter.salutation, { size: SIZE.body, x: LEFT, width: TEXT_WIDTH }),
  );
  doc.moveDown(0.45);
  for (const block of letter.body) drawBlock(doc, block, root);

  // Keep the close and the signature together.
  const line = lineHeight(doc, SIZE.body);
  doc.moveDown(0.5);
  ensureRoom(doc, (letter.closing.length + 2) * line);
  const [greeting, ...signature] = letter.closing;
  if (greeting !== undefined) {
    tagged(doc, root, 'P', () =>
      write(doc, greeting, { size: SIZE.body, x: LEFT, width: TEXT_WIDTH }),
    );
    doc.moveDown(1.2);
  }
  tagged(doc, root, 'P', () => {
    for (const text of signature) write(doc, text, { size: SIZE.body, x: LEFT, width: TEXT_WIDTH });
  });
  root.end();

  drawPageFurniture(doc, letter);
  doc.end();
  const bytes = await done;
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
