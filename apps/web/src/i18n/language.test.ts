import { describe, expect, it } from 'vitest';
import { loadLanguage, saveLanguage } from './language';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

describe('language choice', () => {
  it('is German unless English was chosen', () => {
    expect(loadLanguage(memoryStorage())).toBe('de');
    expect(loadLanguage(memoryStorage({ 'zemag.language': 'en' }))).toBe('en');
    expect(loadLanguage(memoryStorage({ 'zemag.language': 'fr' }))).toBe('de');
  });

  it('survives blocked storage', () => {
    const blocked = {
      getItem: () => {
        throw new Error('blocked');
      },
      setItem: () => {
        throw new Error('blocked');
      },
    };
    expect(loadLanguage(blocked)).toBe('de');
    expect(() => saveLanguage('en', blocked)).not.toThrow();
  });

  it('remembers only known languages', () => {
    const storage = memoryStorage();
    saveLanguage('en', storage);
    saveLanguage('<script>', storage);
    expect([...storage.data]).toEqual([['zemag.language', 'en']]);
  });
});
