import type { HtmlTagDescriptor, Plugin } from 'vite';

/** The part of Rolldown's chunking context used here. */
interface ChunkingContext {
  getModuleInfo(moduleId: string): { importedIds: string[] } | null;
}

/**
 * A code-splitting group name function: every module of the app's own source (below `sourceDir`)
 * that the start page (`startModule`, an absolute path) imports statically, and that is not in
 * the shell already (the shell's group comes first), goes into one chunk "start" — one script
 * and one stylesheet to fetch instead of six and three small ones, which on a weak signal wait
 * for a free connection each. Libraries and the contract package stay out: a group takes whole
 * modules, and the contract's index would bring every part's schemas along.
 */
export function startPageGroup(startModule: string, sourceDir: string) {
  let members: Set<string> | null = null;
  return (moduleId: string, context: ChunkingContext): string | null => {
    if (!members) {
      const found = new Set<string>();
      const pending = [startModule];
      for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
        if (found.has(id) || !id.startsWith(sourceDir)) continue;
        found.add(id);
        pending.push(...(context.getModuleInfo(id)?.importedIds ?? []));
      }
      members = found;
    }
    return members.has(moduleId) ? 'start' : null;
  };
}

/** What a built chunk tells about itself (the part of Rolldown's output chunk used here). */
interface ChunkFacts {
  type: 'chunk';
  fileName: string;
  facadeModuleId?: string | null;
  imports: string[];
  viteMetadata?: { importedCss: Set<string> };
}

/**
 * The files of the chunk whose entry module ends with `moduleSuffix`, with everything it imports
 * statically: scripts and stylesheets, without those in `skip`.
 */
export function chunkClosure(
  bundle: Record<string, { type: string }>,
  moduleSuffix: string,
  skip: ReadonlySet<string> = new Set(),
): { scripts: string[]; styles: string[] } {
  const chunks = Object.values(bundle).filter((item): item is ChunkFacts => item.type === 'chunk');
  const start = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(moduleSuffix));
  if (!start) throw new Error(`no chunk is built from a module ending in ${moduleSuffix}`);
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const scripts: string[] = [];
  const styles = new Set<string>();
  const visit = (chunk: ChunkFacts) => {
    if (scripts.includes(chunk.fileName)) return;
    scripts.push(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) styles.add(css);
    for (const file of chunk.imports) {
      const imported = byFile.get(file);
      if (imported) visit(imported);
    }
  };
  visit(start);
  return {
    scripts: scripts.filter((file) => !skip.has(file)),
    styles: [...styles].filter((file) => !skip.has(file)),
  };
}

/**
 * The start page is what nearly every first load shows (field staff are most users), but it is
 * a chunk of its own that the shell imports only once it runs: a second round trip on a weak
 * signal. This adds `modulepreload` for its scripts and `preload` for its stylesheets to
 * index.html, so they come in parallel with the shell. Preloaded stylesheets do not block the
 * first paint; the page's own import applies them. Only the start page: the other parts of the
 * app (review, administration) are never fetched by a field employee's phone.
 */
export function startPagePreload(moduleSuffix: string): Plugin {
  return {
    name: 'zemag-start-page-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle) return html;
        const inHtml = new Set(
          [...html.matchAll(/(?:href|src)="\/([^"]+)"/g)].map((match) => match[1] ?? ''),
        );
        const { scripts, styles } = chunkClosure(context.bundle, moduleSuffix, inHtml);
        const tags: HtmlTagDescriptor[] = [
          ...scripts.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
          ...styles.map((file) => ({
            tag: 'link',
            attrs: { rel: 'preload', as: 'style', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          })),
        ];
        return { html, tags };
      },
    },
  };
}
