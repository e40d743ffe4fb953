import { createPublicKey, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import type { LogLevel } from '@nestjs/common';
import { join } from 'node:path';
import { z } from 'zod';
import { keyFingerprint, parseEd25519PrivateKey, parseEd25519PublicKey } from './ed25519-key.js';

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/[^/]+/.test(v) && URL.canParse(v), {
    message: 'must be a postgresql://user@host:port/database URL',
  });

const redisUrl = z
  .string()
  .trim()
  .refine((v) => /^rediss?:\/\/[^/]+/.test(v) && URL.canParse(v), {
    message: 'must be a redis://host:port URL',
  });

const smtpUrl = z
  .string()
  .trim()
  .refine((v) => /^smtps?:\/\/[^/]+/.test(v) && URL.canParse(v), {
    message: 'must be an smtp://host:port or smtps://host:port URL',
  });

// "Name <address>" or a bare address; nodemailer takes either.
const mailFrom = z
  .string()
  .trim()
  .refine((v) => /^(?:[^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(v), {
    message: 'must be an address, e.g. duty-tracker <noreply@bureau.example.cn>',
  });

// Shanghai wall-clock hours in which e-mail may be sent, e.g. 09:00-18:00 (start before end).
const workHours = z
  .string()
  .trim()
  .refine(
    (v) => {
      const m = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/.exec(v);
      if (!m) return false;
      const start = Number(m[1]) * 60 + Number(m[2]);
      const end = Number(m[3]) * 60 + Number(m[4]);
      return end <= 24 * 60 && start < end;
    },
    { message: 'must be HH:MM-HH:MM with the start before the end, e.g. 09:00-18:00' },
  );

// An address or a CIDR range (10.0.0.0/8, fd00::/8), as Fastify's trustProxy takes them.
function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address!);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

// The reverse proxies whose X-Forwarded-For is believed; nobody's unless listed, or anyone could
// claim any address and walk around the per-address login limit.
const trustProxy = z
  .string()
  .transform((v) => v.split(',').map((entry) => entry.trim()).filter((entry) => entry !== ''))
  .refine((entries) => entries.every(isAddressOrRange), {
    message: 'must be a comma-separated list of IP addresses or CIDR ranges, e.g. 10.0.0.5,192.168.10.0/24',
  });

// Never echoed in configuration errors, not even when too short to be valid (the public seal key
// neither: a private key pasted there by mistake would be printed).
const SECRET_VARIABLES = new Set(['AUTH_TOKEN_SECRET', 'HISTORY_SEAL_KEY', 'HISTORY_SEAL_PUBLIC_KEY', 'HEALTH_TOKEN']);

const MIN_SECRET_LENGTH = 32;

const sealPrivateKey = z.string().refine((v) => parseEd25519PrivateKey(v) !== null, {
  message: 'must be an Ed25519 private key: PKCS#8 PEM or its DER in base64 (openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)',
});
const sealPublicKey = z.string().refine((v) => parseEd25519PublicKey(v) !== null, {
  message: 'must be an Ed25519 public key: SPKI PEM or its DER in base64 (as verify-history prints it)',
});

// Uploads are streamed to disk, so the ceiling guards the disk, not memory.
const MAX_EVIDENCE_BYTES = 5 * 1024 ** 3;

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  TRUST_PROXY: z.preprocess(emptyToUndefined, trustProxy.default([])),
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  MIGRATION_DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  REDIS_URL: z.preprocess(emptyToUndefined, redisUrl.optional()),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1024).max(65535).optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_PREFIX: z.string().default('dt'),
  AUTH_TOKEN_SECRET: z.preprocess(emptyToUndefined, z.string().min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`).optional()),
  AUTH_ACCESS_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
  AUTH_REFRESH_TTL_SECONDS: z.coerce.number().int().min(300).max(90 * 86_400).default(7 * 86_400),
  AUTH_SESSION_MAX_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(300).max(90 * 86_400).default(12 * 3_600)),
  SMTP_URL: z.preprocess(emptyToUndefined, smtpUrl.optional()),
  MAIL_FROM: z.preprocess(emptyToUndefined, mailFrom.default('duty-tracker <noreply@localhost>')),
  WORK_HOURS: z.preprocess(emptyToUndefined, workHours.default('09:00-18:00')),
  DELIVERY_MAX_ATTEMPTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(50).default(8)),
  CHIEF_DIGEST: z.preprocess(emptyToUndefined, z.stringbool().default(false)),
  HEALTH_TOKEN: z.preprocess(emptyToUndefined, z.string().min(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`).optional()),
  EVIDENCE_DIR: z.preprocess(emptyToUndefined, z.string().optional()),
  HISTORY_SEAL_KEY: z.preprocess(emptyToUndefined, sealPrivateKey.optional()),
  HISTORY_SEAL_PUBLIC_KEY: z.preprocess(emptyToUndefined, sealPublicKey.optional()),
  EVIDENCE_MAX_BYTES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int('must be a whole number of bytes')
      .min(1, 'must be at least 1 byte')
      .max(MAX_EVIDENCE_BYTES, `must be at most ${MAX_EVIDENCE_BYTES} bytes (5 GiB)`)
      .default(50 * 1024 * 1024),
  ),
}).superRefine((env, ctx) => {
  // A session that ends before its first access token would make renewing impossible.
  if (env.AUTH_REFRESH_TTL_SECONDS <= env.AUTH_ACCESS_TTL_SECONDS) {
    ctx.addIssue({ code: 'custom', path: ['AUTH_REFRESH_TTL_SECONDS'], message: 'must be longer than AUTH_ACCESS_TTL_SECONDS' });
  }
  // An auditor's public key that does not belong to the signing key would fail every seal.
  if (env.HISTORY_SEAL_KEY && env.HISTORY_SEAL_PUBLIC_KEY) {
    const derived = keyFingerprint(createPublicKey(parseEd25519PrivateKey(env.HISTORY_SEAL_KEY)!));
    if (derived !== keyFingerprint(parseEd25519PublicKey(env.HISTORY_SEAL_PUBLIC_KEY)!)) {
      ctx.addIssue({ code: 'custom', path: ['HISTORY_SEAL_PUBLIC_KEY'], message: 'is not the public key of HISTORY_SEAL_KEY' });
    }
  }
  if (env.AUTH_SESSION_MAX_SECONDS <= env.AUTH_ACCESS_TTL_SECONDS) {
    ctx.addIssue({ code: 'custom', path: ['AUTH_SESSION_MAX_SECONDS'], message: 'must be longer than AUTH_ACCESS_TTL_SECONDS' });
  }
});

export type Env = z.infer<typeof envSchema>;

interface ConfigOverrides {
  databaseUrl?: string;
  authTokenSecret?: string;
  historySealKey?: string;
}

/** How the process gets its database and runs its jobs. */
export type RunMode = 'embedded' | 'external';
export type JobDriverKind = 'bullmq' | 'in-process';

/**
 * Every setting, parsed and validated once at boot. Nothing else reads process.env; code receives
 * this object through dependency injection.
 */
export class AppConfig {
  readonly nodeEnv: Env['NODE_ENV'];
  readonly port: number;
  readonly host: string;
  /** Proxies whose X-Forwarded-For gives the client's address (request.ip); empty: none. */
  readonly trustProxy: string[];
  readonly publicUrl: string;
  readonly mode: RunMode;
  readonly databaseUrl: string | undefined;
  /** The owner role's URL for migrations (`npm run migrate`); DATABASE_URL is then the application's role. */
  readonly migrationDatabaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  readonly jobDriver: JobDriverKind;
  readonly dataDir: string;
  readonly embeddedPgPort: number | undefined;
  readonly logLevel: Env['LOG_LEVEL'];
  /** HS256 key of access tokens; undefined until the API resolves it (see requireAuthTokenSecret). */
  readonly authTokenSecret: string | undefined;
  readonly accessTokenTtlSeconds: number;
  readonly refreshTokenTtlSeconds: number;
  /** A session ends this long after its login, however often it was renewed. */
  readonly sessionMaxSeconds: number;
  /** Outgoing mail server; undefined → e-mail is only logged (development, demos). */
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  /** Shanghai hours in which e-mail may go out ('HH:MM'); in-app notifications ignore them. */
  readonly workHours: { start: string; end: string };
  /** Delivery attempts of one outbox row before it is marked FAILED. */
  readonly deliveryMaxAttempts: number;
  /** Chiefs get one e-mail digest a day instead of single messages. */
  readonly chiefDigest: boolean;
  /** Where evidence files live (local-disk storage); default `<DATA_DIR>/evidence`. */
  readonly evidenceDir: string;
  /** Largest evidence file accepted, in bytes (default 50 MB). */
  readonly evidenceMaxBytes: number;
  /** Ed25519 key signing history seals; never stored in the database (see requireHistorySealKey). */
  readonly historySealKey: KeyObject | undefined;
  /** The key seal signatures are checked with: HISTORY_SEAL_PUBLIC_KEY, else derived from the private key. */
  readonly historySealPublicKey: KeyObject | undefined;
  /** Lets a monitor read /health's details without logging in (header X-Health-Token); unset → admins only. */
  readonly healthToken: string | undefined;

  constructor(env: Env, overrides: ConfigOverrides = {}) {
    this.nodeEnv = env.NODE_ENV;
    this.port = env.PORT;
    this.host = env.HOST;
    this.trustProxy = env.TRUST_PROXY;
    this.publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
    this.mode = env.DATABASE_URL ? 'external' : 'embedded';
    this.databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL;
    this.migrationDatabaseUrl = env.MIGRATION_DATABASE_URL;
    this.redisUrl = env.REDIS_URL;
    this.redisPrefix = env.REDIS_PREFIX;
    this.jobDriver = env.REDIS_URL ? 'bullmq' : 'in-process';
    this.dataDir = env.DATA_DIR;
    this.embeddedPgPort = env.EMBEDDED_PG_PORT;
    this.logLevel = env.LOG_LEVEL;
    this.authTokenSecret = overrides.authTokenSecret ?? env.AUTH_TOKEN_SECRET;
    this.accessTokenTtlSeconds = env.AUTH_ACCESS_TTL_SECONDS;
    this.refreshTokenTtlSeconds = env.AUTH_REFRESH_TTL_SECONDS;
    this.sessionMaxSeconds = env.AUTH_SESSION_MAX_SECONDS;
    this.evidenceDir = env.EVIDENCE_DIR ?? join(env.DATA_DIR, 'evidence');
    this.evidenceMaxBytes = env.EVIDENCE_MAX_BYTES;
    const sealKeyText = overrides.historySealKey ?? env.HISTORY_SEAL_KEY;
    this.historySealKey = sealKeyText === undefined ? undefined : (parseEd25519PrivateKey(sealKeyText) ?? undefined);
    this.historySealPublicKey =
      env.HISTORY_SEAL_PUBLIC_KEY !== undefined
        ? (parseEd25519PublicKey(env.HISTORY_SEAL_PUBLIC_KEY) ?? undefined)
        : this.historySealKey && createPublicKey(this.historySealKey);
    this.healthToken = env.HEALTH_TOKEN;
    this.smtpUrl = env.SMTP_URL;
    this.mailFrom = env.MAIL_FROM;
    const [start, end] = env.WORK_HOURS.split('-') as [string, string];
    this.workHours = { start, end };
    this.deliveryMaxAttempts = env.DELIVERY_MAX_ATTEMPTS;
    this.chiefDigest = env.CHIEF_DIGEST;
    this.env = env;
    this.overrides = overrides;
  }

  private readonly env: Env;
  private readonly overrides: ConfigOverrides;

  /** The embedded database is only known after it has started. */
  withDatabaseUrl(databaseUrl: string): AppConfig {
    return new AppConfig(this.env, { ...this.overrides, databaseUrl });
  }

  /** The embedded default generates its token secret and keeps it under DATA_DIR. */
  withAuthTokenSecret(secret: string): AppConfig {
    if (secret.length < MIN_SECRET_LENGTH) throw new ConfigError(`AUTH_TOKEN_SECRET must be at least ${MIN_SECRET_LENGTH} characters`);
    return new AppConfig(this.env, { ...this.overrides, authTokenSecret: secret });
  }

  /** The embedded default generates its seal key and keeps it under DATA_DIR. */
  withHistorySealKey(key: string): AppConfig {
    if (!parseEd25519PrivateKey(key)) throw new ConfigError('HISTORY_SEAL_KEY is not an Ed25519 private key');
    return new AppConfig(this.env, { ...this.overrides, historySealKey: key });
  }

  /** Processes that seal (the API, the worker, `seal-history`) need the private key. */
  requireHistorySealKey(): KeyObject {
    if (!this.historySealKey) {
      throw new ConfigError(
        this.mode === 'external'
          ? 'HISTORY_SEAL_KEY is required when DATABASE_URL is set (an Ed25519 private key, e.g. openssl genpkey -algorithm ed25519 -outform DER | base64 -w0)'
          : 'HISTORY_SEAL_KEY is not set and none was generated under DATA_DIR',
      );
    }
    return this.historySealKey;
  }

  /** Verification needs only the public key (an auditor holds no private key). */
  requireHistorySealPublicKey(): KeyObject {
    if (!this.historySealPublicKey) {
      throw new ConfigError('HISTORY_SEAL_PUBLIC_KEY (or HISTORY_SEAL_KEY) is required to check the signatures of history seals');
    }
    return this.historySealPublicKey;
  }

  /** Where migrations run: the owner role when MIGRATION_DATABASE_URL is set, else DATABASE_URL. */
  requireMigrationDatabaseUrl(): string {
    return this.migrationDatabaseUrl ?? this.requireDatabaseUrl();
  }

  /** The Nest logger's levels for LOG_LEVEL (the same scale as the request log's); false → silent. */
  nestLogLevels(): LogLevel[] | false {
    const scale: [Env['LOG_LEVEL'], LogLevel][] = [['fatal', 'fatal'], ['error', 'error'], ['warn', 'warn'], ['info', 'log'], ['debug', 'debug'], ['trace', 'verbose']];
    const upTo = scale.findIndex(([level]) => level === this.logLevel);
    return upTo < 0 ? false : scale.slice(0, upTo + 1).map(([, nest]) => nest);
  }

  requireDatabaseUrl(): string {
    if (!this.databaseUrl) throw new ConfigError('DATABASE_URL is not set and no embedded database is running');
    return this.databaseUrl;
  }

  /**
   * Only processes that issue or check tokens (the API) need the secret, so it is demanded here
   * rather than by the schema: `migrate`, the CLI and the worker run without it.
   */
  requireAuthTokenSecret(): string {
    if (!this.authTokenSecret) {
      throw new ConfigError(
        this.mode === 'external'
          ? `AUTH_TOKEN_SECRET is required when DATABASE_URL is set (at least ${MIN_SECRET_LENGTH} random characters, e.g. openssl rand -base64 48)`
          : 'AUTH_TOKEN_SECRET is not set and none was generated under DATA_DIR',
      );
    }
    return this.authTokenSecret;
  }

  /** Parses an environment (normally process.env); throws ConfigError naming each bad variable. */
  static fromEnv(source: Record<string, string | undefined>): AppConfig {
    const parsed = envSchema.safeParse(source);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || 'environment';
        const value = source[name];
        const shown = value !== undefined && !SECRET_VARIABLES.has(name) ? ` (got "${redact(value)}")` : '';
        return `${name} ${issue.message}${shown}`;
      });
      throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
    }
    return new AppConfig(parsed.data);
  }
}

/** Hides the password of a URL so configuration errors never print secrets. */
export function redact(value: string): string {
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return value.length > 80 ? `${value.slice(0, 77)}...` : value;
  }
}
