import type { components } from './schema';

export type TokenPair = components['schemas']['TokenPairDto'];

const KEY = 'duty-tracker.session';

/** Tokens of the signed-in session, kept across reloads and shared by the tabs of this browser. */
export const tokens = {
  get(): TokenPair | null {
    try {
      const raw = localStorage.getItem(KEY);
      return raw ? (JSON.parse(raw) as TokenPair) : null;
    } catch {
      return null;
    }
  },
  set(pair: TokenPair): void {
    localStorage.setItem(KEY, JSON.stringify(pair));
  },
  clear(): void {
    localStorage.removeItem(KEY);
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
