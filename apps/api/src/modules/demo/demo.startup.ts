import { DEMO_PASSWORD } from './demo.data.js';

/**
 * What the console shows instead of the first-run setup link when the server starts with
 * `ZEMAG_DEMO=1` (on an empty database it seeded Musterstadt first, see server.ts).
 */
export function demoHint({ publicUrl, seeded }: { publicUrl: URL; seeded: boolean }): string {
  return (
    `\n  Demo mode: Musterstadt, a fictional city — no real data${seeded ? ' (seeded just now)' : ''}.\n` +
    `  Open ${publicUrl.origin}/ and sign in with one click as any of its demo accounts\n` +
    `  (or with the password "${DEMO_PASSWORD}").\n\n`
  );
}

/** Why the server stops when demo mode meets a database with real data. */
export function demoRefusedMessage(reason: string): string {
  return (
    `ZEMAG_DEMO is on, but this database is not a demo: ${reason}\n` +
    `Start without ZEMAG_DEMO, or point ZEMAG_DATA_DIR (or DATABASE_URL) at an empty database.`
  );
}
