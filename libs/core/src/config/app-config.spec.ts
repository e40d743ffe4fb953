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
    expect(AppConfig.fromEnv({ DATABASE_URL: '', REDIS_URL: ' ' }).mode).toBe('embedded');
  });
});
