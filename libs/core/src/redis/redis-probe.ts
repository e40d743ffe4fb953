import { Redis } from 'ioredis';
import { redact } from '../config/app-config.js';

/** PINGs Redis once with a short timeout; resolves to an error message or undefined. */
export async function pingRedis(redisUrl: string, timeoutMs = 2000): Promise<string | undefined> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const answer = await client.ping();
    return answer === 'PONG' ? undefined : `unexpected answer ${answer}`;
  } catch (e) {
    return `cannot reach ${redact(redisUrl)}: ${(e as Error).message}`;
  } finally {
    client.disconnect();
  }
}
