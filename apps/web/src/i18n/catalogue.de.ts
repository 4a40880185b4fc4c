import de from './de.json';
import lookupDe from './lookup.de.json';
import visitsDe from './visits.de.json';

/**
 * The German catalogue: the main file and one file per larger feature (top-level key `lookup`,
 * `visits`) so that features can grow without touching the same file.
 */
export const german = { ...de, lookup: lookupDe, visits: visitsDe };
