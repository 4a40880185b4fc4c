import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A PDF's text as a reader would copy it: pages joined, whitespace collapsed. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: string[]; text: string }> {
  // pdf.js takes ownership of the buffer it is given.
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false })
    .promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    const parts = content.items.map((item) =>
      'str' in item ? item.str + (item.hasEOL ? '\n' : '') : '',
    );
    pages.push(parts.join('').replace(/\s+/g, ' ').trim());
  }
  await pdf.destroy();
  return { pages, text: pages.join(' ') };
}
