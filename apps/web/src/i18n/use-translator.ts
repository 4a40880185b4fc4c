import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Translator } from '../api/problem-message';

/** The active i18next instance as the small `Translator` the error mapping needs. */
export function useTranslator(): Translator {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      language,
      exists: (key: string) => i18n.exists(key),
      t: (key: string, options?: Record<string, string | number>) => t(key, options),
    }),
    [t, i18n, language],
  );
}
