import { german } from './catalogue.de';
import { english } from './catalogue.en';

/** Both catalogues at once, for the tests that compare them (the app loads English lazily). */
export const catalogues = { de: german, en: english } as const;
