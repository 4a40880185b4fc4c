/**
 * Uses Fira Sans (styles/fonts.css) when the service worker controls this page: its precache
 * holds the fonts, so they are there at once. A first visit (or a browser without a service
 * worker) keeps the system font for the page's whole life — switching later would make the
 * text jump; the next page load has Fira Sans.
 */
export function applyWebFontsIfCached(
  root: Element = document.documentElement,
  controlled: boolean = Boolean(navigator.serviceWorker?.controller),
): boolean {
  root.classList.toggle('zm-fonts', controlled);
  return controlled;
}
