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

/** A node of a tagged PDF's structure tree as pdf.js reads it (content leaves left out). */
export interface PdfStructure {
  role: string;
  children: PdfStructure[];
}

/**
 * What a screen reader gets from a PDF: whether it is marked as tagged, the structure tree of
 * each page (roles only), and the text of each page outside artifacts (page furniture).
 */
export async function pdfStructure(bytes: Uint8Array): Promise<{
  marked: boolean;
  pages: { tree: PdfStructure | null; readText: string; artifactText: string }[];
}> {
  const pdf = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false })
    .promise;
  const markInfo = (await pdf.getMarkInfo()) as { Marked?: boolean } | null;
  const roles = (node: unknown): PdfStructure | null => {
    const n = node as { role?: string; children?: unknown[] };
    if (!n.role) return null;
    return {
      role: n.role,
      children: (n.children ?? []).map(roles).filter((c): c is PdfStructure => c !== null),
    };
  };
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const tree = roles(await page.getStructTree());
    const content = await page.getTextContent({ includeMarkedContent: true });
    let depth = 0;
    let inArtifact = 0;
    const read: string[] = [];
    const artifacts: string[] = [];
    for (const item of content.items as { type?: string; tag?: string; str?: string }[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        depth++;
        if (item.tag === 'Artifact' && inArtifact === 0) inArtifact = depth;
      } else if (item.type === 'endMarkedContent') {
        if (inArtifact === depth) inArtifact = 0;
        depth--;
      } else if (typeof item.str === 'string') {
        (inArtifact ? artifacts : read).push(item.str);
      }
    }
    const clean = (parts: string[]) => parts.join(' ').replace(/\s+/g, ' ').trim();
    pages.push({ tree, readText: clean(read), artifactText: clean(artifacts) });
  }
  await pdf.destroy();
  return { marked: markInfo?.Marked === true, pages };
}
