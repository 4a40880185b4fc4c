import type { ButtonHTMLAttributes } from 'react';

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  variant?: 'primary' | 'secondary' | 'tertiary';
  label: string;
  /** A KERN icon name such as `logout` or `language`, shown before the label. */
  icon?: string;
  block?: boolean;
  className?: string;
}

/** A KERN button. Busy buttons stay focusable and say so via aria-disabled. */
export function Button({
  variant = 'primary',
  label,
  icon,
  block = false,
  className,
  type = 'button',
  ...rest
}: ButtonProps) {
  const classes = ['kern-btn', `kern-btn--${variant}`, block ? 'kern-btn--block' : '', className]
    .filter(Boolean)
    .join(' ');
  return (
    <button type={type} className={classes} {...rest}>
      {icon ? <span className={`kern-icon kern-icon--${icon}`} aria-hidden="true" /> : null}
      <span className="kern-label">{label}</span>
    </button>
  );
}
