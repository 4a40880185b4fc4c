import path from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every setting ZeMAG reads, each from one environment variable. The README's configuration
 * table mirrors this list; nothing else in the code reads `process.env`.
 */
const EnvSchema = z.object({
  /** `production` refuses insecure settings. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Interface to listen on. */
  HOST: z.string().min(1).default('localhost'),
  /** TCP port to listen on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** PostgreSQL connection string; without it the embedded PGlite database is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Folder of the embedded database (and its lock file). */
  ZEMAG_DATA_DIR: z.string().min(1).default('./data'),
  /** The address users open; used for the setup link and to decide on secure cookies. */
  ZEMAG_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Minutes without a request after which a session ends. */
  ZEMAG_SESSION_IDLE_MINUTES: positiveInt(30),
  /** Hours after sign-in after which a session ends regardless of activity. */
  ZEMAG_SESSION_ABSOLUTE_HOURS: positiveInt(12),
  /** Trust X-Forwarded-* headers (only behind your own reverse proxy). */
  ZEMAG_TRUST_PROXY: booleanFlag,
  /** Folder with the built web app; defaults to apps/web/dist. */
  ZEMAG_WEB_DIR: z.string().min(1).optional(),
  /** Time zone of the city: grant end dates and deadlines are its calendar dates. */
  ZEMAG_TIMEZONE: z
    .string()
    .default('Europe/Berlin')
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'unknown time zone'),
  /** Months after which a role grant must be re-certified by an administrator. */
  ZEMAG_GRANT_RECERTIFY_MONTHS: positiveInt(12),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  publicUrl: URL;
  /** True when the public URL is https: cookies get `Secure` and the `__Host-` prefix, HSTS is sent. */
  secureTransport: boolean;
  session: { idleMs: number; absoluteMs: number };
  trustProxy: boolean;
  webDir: string;
  timeZone: string;
  grants: { recertifyMonths: number };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

/** Thrown with every problem found, so an operator fixes them all in one go. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const defaultWebDir = path.resolve(import.meta.dirname, '../../web/dist');

/** Reads and validates the configuration once, at start. */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const publicUrl = new URL(e.ZEMAG_PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  const secureTransport = publicUrl.protocol === 'https:';

  const problems: string[] = [];
  if (e.NODE_ENV === 'production') {
    if (!secureTransport) {
      problems.push(
        'ZEMAG_PUBLIC_URL: production needs an https:// address (set ZEMAG_PUBLIC_URL)',
      );
    }
    if (e.LOG_LEVEL === 'debug' || e.LOG_LEVEL === 'trace') {
      problems.push('LOG_LEVEL: debug and trace are not allowed in production');
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(cwd, e.ZEMAG_DATA_DIR) },
    publicUrl,
    secureTransport,
    session: {
      idleMs: e.ZEMAG_SESSION_IDLE_MINUTES * 60_000,
      absoluteMs: e.ZEMAG_SESSION_ABSOLUTE_HOURS * 3_600_000,
    },
    trustProxy: e.ZEMAG_TRUST_PROXY,
    webDir: e.ZEMAG_WEB_DIR ? path.resolve(cwd, e.ZEMAG_WEB_DIR) : defaultWebDir,
    logLevel: e.LOG_LEVEL,
    timeZone: e.ZEMAG_TIMEZONE,
    grants: { recertifyMonths: e.ZEMAG_GRANT_RECERTIFY_MONTHS },
  };
}
