import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, refreshTokens, unwrap, type Schemas } from '../api/client';
import { onSessionExpired, tokens } from '../api/tokens';
import { navigate } from '../router';

export type Me = Schemas['MeDto'];

export interface Session {
  /** The signed-in user; null when signed out; undefined while the session cookie is being tried. */
  me: Me | null | undefined;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Role checks for navigation: which screens to offer. */
  can: { supervise: boolean; report: boolean; admin: boolean };
  /** Units the user leads as deputy or chief (board), and as chief (report). */
  supervisedUnits: { unitId: string; unitName: string }[];
  chiefUnits: { unitId: string; unitName: string }[];
}

const SessionContext = createContext<Session | null>(null);

/** Where to send someone to log in, so that they come back here afterwards. */
export function loginPathFor(href: string): string {
  return href.startsWith('/login') ? '/login' : `/login?next=${encodeURIComponent(href)}`;
}

function unitsWith(me: Me | null | undefined, kinds: string[]) {
  const seen = new Map<string, string>();
  for (const role of me?.roles ?? []) {
    if (kinds.includes(role.role) && role.unitId && !seen.has(role.unitId)) seen.set(role.unitId, role.unitName ?? '');
  }
  return [...seen].map(([unitId, unitName]) => ({ unitId, unitName }));
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  // On load the access token is gone (memory only): the refresh cookie, if any, brings a new one.
  useEffect(() => {
    if (me !== undefined) return;
    refreshTokens()
      .then((renewed) => (renewed ? unwrap(api.GET('/api/me')) : null))
      .then(setMe, () => setMe(null));
  }, [me]);

  // The session ended elsewhere (expired, logged out in another tab, password reset): to login and back.
  useEffect(
    () =>
      onSessionExpired(() => {
        setMe(null);
        navigate(loginPathFor(location.pathname + location.search), { replace: true });
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string) => {
    const pair = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
    tokens.set(pair);
    setMe(await unwrap(api.GET('/api/me')));
  }, []);

  const logout = useCallback(async () => {
    await api.POST('/api/auth/logout').catch(() => undefined);
    tokens.clear();
    setMe(null);
    navigate('/login');
  }, []);

  const supervisedUnits = unitsWith(me, ['deputy', 'chief']);
  const chiefUnits = unitsWith(me, ['chief']);
  const value: Session = {
    me,
    login,
    logout,
    can: { supervise: supervisedUnits.length > 0, report: chiefUnits.length > 0, admin: !!me?.user.isAdmin },
    supervisedUnits,
    chiefUnits,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
