import type { components } from './schema';

export type TokenPair = components['schemas']['TokenPairDto'];

/*
 * The access token lives in this module's memory only: nothing auth-related is written to
 * localStorage or sessionStorage, where an injected script could read it. After a reload the
 * client renews through the refresh cookie (HttpOnly, sent to /api/auth/refresh only).
 */
let accessToken: string | null = null;

export const tokens = {
  access(): string | null {
    return accessToken;
  },
  set(pair: TokenPair): void {
    accessToken = pair.accessToken;
  },
  clear(): void {
    accessToken = null;
  },
};

type ExpiredListener = () => void;
const expiredListeners = new Set<ExpiredListener>();

/** Called when the session ended behind the user's back (refresh refused): the shell sends them to login. */
export function onSessionExpired(listener: ExpiredListener): () => void {
  expiredListeners.add(listener);
  return () => expiredListeners.delete(listener);
}

export function sessionExpired(): void {
  tokens.clear();
  for (const listener of expiredListeners) listener();
}
