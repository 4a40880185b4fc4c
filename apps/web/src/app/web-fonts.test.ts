import { describe, expect, it } from 'vitest';
import { applyWebFontsIfCached } from './web-fonts';

function fakeRoot(initial: string[] = []) {
  const classes = new Set(initial);
  const classList = {
    toggle: (name: string, on: boolean) => (on ? classes.add(name) : classes.delete(name), on),
  };
  return { root: { classList } as unknown as Element, classes };
}

describe('web fonts', () => {
  it('uses Fira Sans when the service worker controls the page (its precache has the fonts)', () => {
    const { root, classes } = fakeRoot();
    expect(applyWebFontsIfCached(root, true)).toBe(true);
    expect([...classes]).toEqual(['zm-fonts']);
  });

  it('keeps the system font while no service worker controls the page (a first visit)', () => {
    const { root, classes } = fakeRoot(['zm-fonts']);
    expect(applyWebFontsIfCached(root, false)).toBe(false);
    expect([...classes]).toEqual([]);
  });
});
