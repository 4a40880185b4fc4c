import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * A KERN modal dialog on the native `<dialog>`: the browser traps focus, Escape closes it and
 * the page behind is inert. `onClose` runs however it is closed.
 */
export function Dialog({
  open,
  title,
  closeLabel,
  onClose,
  children,
  footer,
}: {
  open: boolean;
  title: string;
  closeLabel: string;
  onClose(): void;
  children: ReactNode;
  footer: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="kern-dialog zm-dialog"
      aria-labelledby={titleId}
      onClose={() => {
        if (open) onClose();
      }}
    >
      {open ? (
        <>
          <header className="kern-dialog__header">
            <h2 className="kern-title" id={titleId}>
              {title}
            </h2>
            <button
              type="button"
              className="kern-btn kern-btn--tertiary zm-dialog__close"
              onClick={onClose}
            >
              <span className="kern-icon kern-icon--close" aria-hidden="true" />
              <span className="kern-sr-only">{closeLabel}</span>
            </button>
          </header>
          <div className="kern-dialog__body">{children}</div>
          <footer className="kern-dialog__footer">{footer}</footer>
        </>
      ) : null}
    </dialog>
  );
}
