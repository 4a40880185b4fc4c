/** The UI languages; German is the default. */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Only the language choice is kept in localStorage: it is not sensitive. */
const STORAGE_KEY = 'zemag.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The remembered language, or German. Never throws (storage may be blocked). */
export function loadLanguage(
  storage: Pick<Storage, 'getItem'> | undefined = safeStorage(),
): Language {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'de';
  } catch {
    return 'de';
  }
}

export function saveLanguage(
  language: string,
  storage: Pick<Storage, 'setItem'> | undefined = safeStorage(),
): void {
  if (!isLanguage(language)) return;
  try {
    storage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage blocked (private mode): the choice lasts for this visit only.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
