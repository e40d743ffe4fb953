import { z } from 'zod';

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

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  DATABASE_URL: z.preprocess(emptyToUndefined, postgresUrl.optional()),
  REDIS_URL: z.preprocess(emptyToUndefined, redisUrl.optional()),
  DATA_DIR: z.string().default('.data'),
  EMBEDDED_PG_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1024).max(65535).optional()),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_PREFIX: z.string().default('dt'),
});

export type Env = z.infer<typeof envSchema>;

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
  readonly publicUrl: string;
  readonly mode: RunMode;
  readonly databaseUrl: string | undefined;
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  readonly jobDriver: JobDriverKind;
  readonly dataDir: string;
  readonly embeddedPgPort: number | undefined;
  readonly logLevel: Env['LOG_LEVEL'];

  constructor(env: Env, overrides: { databaseUrl?: string } = {}) {
    this.nodeEnv = env.NODE_ENV;
    this.port = env.PORT;
    this.host = env.HOST;
    this.publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '');
    this.mode = env.DATABASE_URL ? 'external' : 'embedded';
    this.databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL;
    this.redisUrl = env.REDIS_URL;
    this.redisPrefix = env.REDIS_PREFIX;
    this.jobDriver = env.REDIS_URL ? 'bullmq' : 'in-process';
    this.dataDir = env.DATA_DIR;
    this.embeddedPgPort = env.EMBEDDED_PG_PORT;
    this.logLevel = env.LOG_LEVEL;
    this.env = env;
  }

  private readonly env: Env;

  /** The embedded database is only known after it has started. */
  withDatabaseUrl(databaseUrl: string): AppConfig {
    return new AppConfig(this.env, { databaseUrl });
  }

  requireDatabaseUrl(): string {
    if (!this.databaseUrl) throw new ConfigError('DATABASE_URL is not set and no embedded database is running');
    return this.databaseUrl;
  }

  /** Parses an environment (normally process.env); throws ConfigError naming each bad variable. */
  static fromEnv(source: Record<string, string | undefined>): AppConfig {
    const parsed = envSchema.safeParse(source);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => {
        const name = issue.path.join('.') || 'environment';
        const value = source[name];
        return `${name} ${issue.message}${value !== undefined ? ` (got "${redact(value)}")` : ''}`;
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
