import { useEffect } from 'react';
import { navigate } from './router';

/** Replaces the current address with `to` (no extra history entry). */
export function Redirect({ to }: { to: string }) {
  useEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
