export type BadgeVariant = 'info' | 'success' | 'warning' | 'danger';

/** A KERN badge: a small coloured label with an icon (colour is never the only signal). */
export function Badge({ variant, label }: { variant: BadgeVariant; label: string }) {
  return (
    <span className={`kern-badge kern-badge--${variant}`}>
      <span className={`kern-icon kern-icon--${variant}`} aria-hidden="true" />
      <span className="kern-label">{label}</span>
    </span>
  );
}
