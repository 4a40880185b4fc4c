import { type ComponentType, lazy, useState } from 'react';

/**
 * A component loaded on first use; `preload()` starts the download early (once). When the code
 * is already in at the moment it is first drawn (main.tsx waits for the opened page), it is
 * drawn at once: React.lazy would suspend for a tick even then, and React holds back a revealed
 * Suspense boundary for a moment, which made the start page's heading appear late.
 */
export function lazyComponent<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return { default: component };
    }));
  const Lazy = lazy(preload);
  function LazyComponent(props: P) {
    // Decided once per mount, so the component never changes type under its own state.
    const [Ready] = useState(() => loaded);
    return Ready ? <Ready {...props} /> : <Lazy {...props} />;
  }
  return Object.assign(LazyComponent, { preload });
}
