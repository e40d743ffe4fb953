import { AppConfig, ConfigError } from './app-config.js';

describe('AppConfig.fromEnv', () => {
  it('runs embedded with in-process jobs when nothing is set', () => {
    const config = AppConfig.fromEnv({});
    expect(config).toMatchObject({ mode: 'embedded', jobDriver: 'in-process', port: 3000, databaseUrl: undefined });
  });

  it('runs against external services when both URLs are set', () => {
    const config = AppConfig.fromEnv({ DATABASE_URL: 'postgresql://u:p@db:5432/dt', REDIS_URL: 'redis://cache:6379' });
    expect(config).toMatchObject({ mode: 'external', jobDriver: 'bullmq', databaseUrl: 'postgresql://u:p@db:5432/dt' });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://db/dt' }, /^Invalid configuration: DATABASE_URL must be a postgresql:/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
    [{ REDIS_URL: 'http://cache' }, /REDIS_URL must be a redis:/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('rejects %j with a one-line message naming the variable', (env, message) => {
    expect(() => AppConfig.fromEnv(env)).toThrow(ConfigError);
    expect(() => AppConfig.fromEnv(env)).toThrow(message);
    try {
      AppConfig.fromEnv(env);
    } catch (e) {
      expect((e as Error).message).not.toContain('\n');
    }
  });

  it('never echoes a password from a bad URL', () => {
    expect(() => AppConfig.fromEnv({ DATABASE_URL: 'mysql://admin:s3cret@db/dt' })).toThrow(/admin:\*\*\*@db/);
  });

  it('treats empty variables as unset', () => {
    expect(AppConfig.fromEnv({ DATABASE_URL: '', REDIS_URL: ' ', AUTH_TOKEN_SECRET: '' }).mode).toBe('embedded');
  });
});

describe('AppConfig token settings', () => {
  const SECRET = 's'.repeat(31) + 'x';
  const EXTERNAL = { DATABASE_URL: 'postgresql://u:p@db:5432/dt' };

  it('defaults to 15-minute access tokens and 7-day sessions', () => {
    expect(AppConfig.fromEnv({})).toMatchObject({ accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 7 * 86_400, authTokenSecret: undefined });
  });

  it('ends every session 12 hours after its login by default, or after AUTH_SESSION_MAX_SECONDS', () => {
    expect(AppConfig.fromEnv({}).sessionMaxSeconds).toBe(12 * 3_600);
    expect(AppConfig.fromEnv({ AUTH_SESSION_MAX_SECONDS: '86400' }).sessionMaxSeconds).toBe(86_400);
  });

  it('takes a secret of 32 characters or more', () => {
    expect(AppConfig.fromEnv({ ...EXTERNAL, AUTH_TOKEN_SECRET: SECRET }).requireAuthTokenSecret()).toBe(SECRET);
  });

  it.each([
    [{ AUTH_TOKEN_SECRET: SECRET.slice(1) }, /^Invalid configuration: AUTH_TOKEN_SECRET must be at least 32 characters$/],
    [{ AUTH_ACCESS_TTL_SECONDS: '10' }, /AUTH_ACCESS_TTL_SECONDS/],
    [{ AUTH_ACCESS_TTL_SECONDS: 'soon' }, /AUTH_ACCESS_TTL_SECONDS/],
    [{ AUTH_ACCESS_TTL_SECONDS: '3600', AUTH_REFRESH_TTL_SECONDS: '1800' }, /AUTH_REFRESH_TTL_SECONDS must be longer than AUTH_ACCESS_TTL_SECONDS/],
    [{ AUTH_ACCESS_TTL_SECONDS: '3600', AUTH_SESSION_MAX_SECONDS: '3600' }, /AUTH_SESSION_MAX_SECONDS must be longer than AUTH_ACCESS_TTL_SECONDS/],
    [{ AUTH_SESSION_MAX_SECONDS: 'forever' }, /AUTH_SESSION_MAX_SECONDS/],
  ])('rejects %j in one line, never echoing a secret', (env, message) => {
    expect(() => AppConfig.fromEnv(env)).toThrow(message);
    expect(() => AppConfig.fromEnv(env)).not.toThrow(/s{20}/);
  });

  it('requires the secret in external mode, naming the variable, only when a token is needed', () => {
    const config = AppConfig.fromEnv(EXTERNAL);
    expect(() => config.requireAuthTokenSecret()).toThrow(ConfigError);
    expect(() => config.requireAuthTokenSecret()).toThrow(/^AUTH_TOKEN_SECRET is required when DATABASE_URL is set/);
  });

  it('keeps a generated secret and the embedded database URL whichever is set first', () => {
    const config = AppConfig.fromEnv({}).withAuthTokenSecret(SECRET).withDatabaseUrl('postgresql://postgres@127.0.0.1:54329/duty_tracker');
    expect(config.requireAuthTokenSecret()).toBe(SECRET);
    expect(config.withAuthTokenSecret(SECRET).requireDatabaseUrl()).toBe('postgresql://postgres@127.0.0.1:54329/duty_tracker');
    expect(() => AppConfig.fromEnv({}).withAuthTokenSecret('short')).toThrow(/AUTH_TOKEN_SECRET must be at least 32/);
  });
});

describe('AppConfig delivery settings', () => {
  it('defaults: mail only logged, office hours 09:00-18:00, 8 attempts, no chief digest', () => {
    expect(AppConfig.fromEnv({})).toMatchObject({
      smtpUrl: undefined,
      mailFrom: 'duty-tracker <noreply@localhost>',
      workHours: { start: '09:00', end: '18:00' },
      deliveryMaxAttempts: 8,
      chiefDigest: false,
    });
  });

  it.each([
    [{ SMTP_URL: 'smtp://127.0.0.1:2525' }, { smtpUrl: 'smtp://127.0.0.1:2525' }],
    [{ SMTP_URL: 'smtps://user:pw@mail.example.cn:465' }, { smtpUrl: 'smtps://user:pw@mail.example.cn:465' }],
    [{ MAIL_FROM: '督办提醒 <duban@nrpb.example.cn>' }, { mailFrom: '督办提醒 <duban@nrpb.example.cn>' }],
    [{ MAIL_FROM: 'noreply@nrpb.example.cn' }, { mailFrom: 'noreply@nrpb.example.cn' }],
    [{ WORK_HOURS: '08:30-17:30' }, { workHours: { start: '08:30', end: '17:30' } }],
    [{ WORK_HOURS: '00:00-24:00' }, { workHours: { start: '00:00', end: '24:00' } }],
    [{ DELIVERY_MAX_ATTEMPTS: '3' }, { deliveryMaxAttempts: 3 }],
    [{ CHIEF_DIGEST: 'true' }, { chiefDigest: true }],
    [{ CHIEF_DIGEST: '0' }, { chiefDigest: false }],
    [{ SMTP_URL: '', MAIL_FROM: ' ', WORK_HOURS: '', CHIEF_DIGEST: '' }, { smtpUrl: undefined, workHours: { start: '09:00', end: '18:00' }, chiefDigest: false }],
  ])('accepts %j', (env, expected) => {
    expect(AppConfig.fromEnv(env)).toMatchObject(expected);
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.cn' }, /^Invalid configuration: SMTP_URL must be an smtp:\/\//],
    [{ SMTP_URL: 'smtp://' }, /SMTP_URL/],
    [{ MAIL_FROM: 'nobody' }, /MAIL_FROM must be an address/],
    [{ WORK_HOURS: '18:00-09:00' }, /WORK_HOURS must be HH:MM-HH:MM with the start before the end/],
    [{ WORK_HOURS: '9-18' }, /WORK_HOURS/],
    [{ WORK_HOURS: '09:00-24:30' }, /WORK_HOURS/],
    [{ DELIVERY_MAX_ATTEMPTS: '0' }, /DELIVERY_MAX_ATTEMPTS/],
    [{ DELIVERY_MAX_ATTEMPTS: 'many' }, /DELIVERY_MAX_ATTEMPTS/],
    [{ CHIEF_DIGEST: 'sometimes' }, /CHIEF_DIGEST/],
  ])('rejects %j in one line', (env, message) => {
    expect(() => AppConfig.fromEnv(env)).toThrow(ConfigError);
    expect(() => AppConfig.fromEnv(env)).toThrow(message);
  });

  it('never echoes the password of a bad SMTP_URL', () => {
    expect(() => AppConfig.fromEnv({ SMTP_URL: 'ftp://mailer:s3cret@mail.example.cn' })).toThrow(/mailer:\*\*\*@mail/);
    expect(() => AppConfig.fromEnv({ SMTP_URL: 'ftp://mailer:s3cret@mail.example.cn' })).not.toThrow(/s3cret/);
  });
});

describe('AppConfig evidence settings', () => {
  it('keeps evidence under DATA_DIR and accepts 50 MB files by default', () => {
    expect(AppConfig.fromEnv({ DATA_DIR: '/srv/dt' })).toMatchObject({ evidenceDir: '/srv/dt/evidence', evidenceMaxBytes: 50 * 1024 * 1024 });
  });

  it('takes an explicit directory and limit', () => {
    expect(AppConfig.fromEnv({ EVIDENCE_DIR: '/mnt/evidence', EVIDENCE_MAX_BYTES: '1024' })).toMatchObject({
      evidenceDir: '/mnt/evidence',
      evidenceMaxBytes: 1024,
    });
  });

  it.each([
    [{ EVIDENCE_MAX_BYTES: '0' }, /^Invalid configuration: EVIDENCE_MAX_BYTES must be at least 1 byte/],
    [{ EVIDENCE_MAX_BYTES: '50MB' }, /EVIDENCE_MAX_BYTES/],
    [{ EVIDENCE_MAX_BYTES: '1.5' }, /EVIDENCE_MAX_BYTES must be a whole number of bytes/],
    [{ EVIDENCE_MAX_BYTES: String(6 * 1024 ** 3) }, /EVIDENCE_MAX_BYTES must be at most/],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => AppConfig.fromEnv(env)).toThrow(message);
  });
});

describe('AppConfig history seal key', () => {
  const KEY = 'MC4CAQAwBQYDK2VwBCIEIADgodxbkkdJDm+NWCfYYxriXPvtVPvFMzmaBTy+YCfq';
  const PUBLIC = 'MCowBQYDK2VwAyEA4CW0polIZy1O74IFVk0PE/15hkY2H0Y/vLKYh78EtdY=';
  const OTHER_PUBLIC = 'MCowBQYDK2VwAyEAtjO/LzvgrjyLphBJ54910rENKHTKMV/MilLqet0Dofc=';
  const pem = (der: string, label: string) => `-----BEGIN ${label}-----\n${der}\n-----END ${label}-----\n`;

  it.each<[string, Record<string, string>]>([
    ['base64 DER', { HISTORY_SEAL_KEY: KEY }],
    ['PEM', { HISTORY_SEAL_KEY: pem(KEY, 'PRIVATE KEY') }],
    ['with its matching public key', { HISTORY_SEAL_KEY: KEY, HISTORY_SEAL_PUBLIC_KEY: pem(PUBLIC, 'PUBLIC KEY') }],
  ])('accepts an Ed25519 private key as %s and derives the public key', (_name, env) => {
    const config = AppConfig.fromEnv(env);
    expect(config.requireHistorySealKey().asymmetricKeyType).toBe('ed25519');
    expect(config.requireHistorySealPublicKey().export({ format: 'der', type: 'spki' }).toString('base64')).toBe(PUBLIC);
  });

  it('an auditor verifies with the public key alone', () => {
    const config = AppConfig.fromEnv({ DATABASE_URL: 'postgresql://u@db/dt', HISTORY_SEAL_PUBLIC_KEY: PUBLIC });
    expect(config.requireHistorySealPublicKey().type).toBe('public');
    expect(() => config.requireHistorySealKey()).toThrow(/^HISTORY_SEAL_KEY is required when DATABASE_URL is set/);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['not a key', { HISTORY_SEAL_KEY: 'secret' }, /HISTORY_SEAL_KEY must be an Ed25519 private key/],
    ['a public key as the private one', { HISTORY_SEAL_KEY: PUBLIC }, /HISTORY_SEAL_KEY must be an Ed25519 private key/],
    ['a private key as the public one', { HISTORY_SEAL_PUBLIC_KEY: KEY }, /HISTORY_SEAL_PUBLIC_KEY must be an Ed25519 public key/],
    ['a public key of another pair', { HISTORY_SEAL_KEY: KEY, HISTORY_SEAL_PUBLIC_KEY: OTHER_PUBLIC }, /HISTORY_SEAL_PUBLIC_KEY is not the public key of HISTORY_SEAL_KEY/],
  ])('refuses %s at boot, never echoing the private key', (_name, env, message) => {
    expect(() => AppConfig.fromEnv(env)).toThrow(message);
    expect(() => AppConfig.fromEnv(env)).not.toThrow(/MC4CAQAw|secret/);
  });

  it('migrations run as MIGRATION_DATABASE_URL when set, else DATABASE_URL', () => {
    const app = 'postgresql://dt_app:p@db:5432/dt';
    expect(AppConfig.fromEnv({ DATABASE_URL: app }).requireMigrationDatabaseUrl()).toBe(app);
    expect(AppConfig.fromEnv({ DATABASE_URL: app, MIGRATION_DATABASE_URL: 'postgresql://dt_owner:q@db:5432/dt' }).requireMigrationDatabaseUrl()).toBe('postgresql://dt_owner:q@db:5432/dt');
  });
});

describe('AppConfig TRUST_PROXY', () => {
  it.each<[Record<string, string>, string[]]>([
    [{}, []],
    [{ TRUST_PROXY: '' }, []],
    [{ TRUST_PROXY: '10.0.0.5' }, ['10.0.0.5']],
    [{ TRUST_PROXY: ' 10.0.0.5, 192.168.10.0/24 ,fd00::/8,::1 ' }, ['10.0.0.5', '192.168.10.0/24', 'fd00::/8', '::1']],
    [{ TRUST_PROXY: '0.0.0.0/0' }, ['0.0.0.0/0']],
  ])('accepts %j', (env, trustProxy) => {
    expect(AppConfig.fromEnv(env).trustProxy).toEqual(trustProxy);
  });

  it.each([['true'], ['*'], ['proxy.example.cn'], ['10.0.0.0/33'], ['fd00::/129'], ['10.0.0.1/'], ['10.0.0.1/8/8'], ['10.0.0.256'], ['10.0.0.1,nope']])(
    'rejects %s naming the variable',
    (value) => {
      expect(() => AppConfig.fromEnv({ TRUST_PROXY: value })).toThrow(/^Invalid configuration: TRUST_PROXY must be a comma-separated list of IP addresses or CIDR ranges/);
    },
  );
});

describe('AppConfig LOG_LEVEL for the Nest logger', () => {
  it.each<[string, string[] | false]>([
    ['silent', false],
    ['fatal', ['fatal']],
    ['error', ['fatal', 'error']],
    ['warn', ['fatal', 'error', 'warn']],
    ['info', ['fatal', 'error', 'warn', 'log']],
    ['trace', ['fatal', 'error', 'warn', 'log', 'debug', 'verbose']],
  ])('%s → %j', (level, levels) => {
    expect(AppConfig.fromEnv({ LOG_LEVEL: level }).nestLogLevels()).toEqual(levels);
  });
});
