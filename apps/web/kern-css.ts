import purgeCss from '@fullhuman/postcss-purgecss';
import type { Plugin } from 'postcss';

/**
 * KERN ships every component and icon (about 340 KB of CSS); the app uses a part of it. This
 * PostCSS step drops the KERN rules whose classes appear nowhere in the app's source, so the
 * render-blocking stylesheet of a phone's first page is what the app draws. Only KERN's own file
 * is cut; the app's stylesheets stay as written.
 *
 * Class names the components put together at run time (`kern-icon--${icon}`,
 * `kern-btn--${variant}`, …) are found by pairing every word of the source with those prefixes.
 */
const COMPOSED_PREFIXES = ['kern-icon--', 'kern-btn--', 'kern-alert--', 'kern-badge--'];

export function words(content: string): string[] {
  const found = content.match(/[A-Za-z0-9_-]+/g) ?? [];
  return [...found, ...found.flatMap((word) => COMPOSED_PREFIXES.map((prefix) => prefix + word))];
}

export function kernUnused(content: string[]): Plugin {
  const purge = purgeCss({
    content,
    defaultExtractor: words,
    // Design tokens and fonts stay: the app's own stylesheets use KERN's custom properties.
    variables: false,
    fontFace: false,
    keyframes: false,
  }) as Plugin;
  return {
    postcssPlugin: 'kern-unused',
    async OnceExit(root, helpers) {
      if (!root.source?.input.file?.includes('@kern-ux')) return;
      await (purge.OnceExit as NonNullable<Plugin['OnceExit']>)(root, helpers);
    },
  };
}
