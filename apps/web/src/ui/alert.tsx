import type { ReactNode, Ref } from 'react';

export type AlertVariant = 'info' | 'success' | 'warning' | 'danger';

interface AlertProps {
  variant: AlertVariant;
  title: string;
  children?: ReactNode;
  /** `alert` interrupts the screen reader (errors); `status` waits politely (notices). */
  role?: 'alert' | 'status';
  ref?: Ref<HTMLDivElement>;
}

/** The KERN alert: a coloured box with an icon, a title and an optional body. */
export function Alert({ variant, title, children, role, ref }: AlertProps) {
  return (
    <div className={`kern-alert kern-alert--${variant} zm-alert`} role={role} ref={ref}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${variant}`} aria-hidden="true" />
        <span className="kern-title">{title}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}
