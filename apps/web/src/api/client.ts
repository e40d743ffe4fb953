import createClient from 'openapi-fetch';
import type { components, paths } from './schema';
import { sessionExpired, tokens, type TokenPair } from './tokens';

export type { paths, components };
export type Schemas = components['schemas'];

/** The API's one error shape `{ code, message, details?, requestId }`, as thrown to screens. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static async from(response: Response): Promise<ApiError> {
    const body = (await response.clone().json().catch(() => null)) as Partial<{ code: string; message: string; requestId: string; details: Record<string, unknown> }> | null;
    return ApiError.fromBody(response.status, body);
  }

  static fromBody(status: number, body: unknown): ApiError {
    const b = (body ?? {}) as Partial<{ code: string; message: string; requestId: string; details: Record<string, unknown> }>;
    if (b.code && b.message) return new ApiError(status, b.code, b.message, b.requestId, b.details);
    if (status === 0) return new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
    return new ApiError(status, `HTTP_${status}`, `请求失败（${status}）`);
  }
}

let refreshing: Promise<boolean> | null = null;

/** One renewal through the refresh cookie; the answer sets the next cookie and carries the access token. */
async function renewWithCookie(): Promise<boolean> {
  const response = await fetch('/api/auth/refresh', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
  }).catch(() => null);
  if (!response?.ok) return false;
  tokens.set((await response.json()) as TokenPair);
  return true;
}

/**
 * Renews the access token once, however many requests hit a 401 at the same time. Tabs share the
 * cookie, and each renewal replaces it: a lock across the tabs of this browser lets one renew at a
 * time, so the next one presents the new cookie instead of the one just used.
 */
export function refreshTokens(): Promise<boolean> {
  refreshing ??= (navigator.locks ? navigator.locks.request('duty-tracker.refresh', renewWithCookie) : renewWithCookie()).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function withToken(request: Request): Request {
  const access = tokens.access();
  if (access) request.headers.set('Authorization', `Bearer ${access}`);
  return request;
}

const OPEN_PATHS = /\/api\/auth\/(login|refresh)$/;

/**
 * fetch with the session's token: a 401 (access token expired, or none in memory after a reload)
 * renews through the cookie and repeats the request once; when renewing fails the session is over
 * and the shell sends the user to login.
 */
export async function authFetch(input: Request): Promise<Response> {
  const retry = input.clone();
  const response = await fetch(withToken(input));
  if (response.status !== 401 || OPEN_PATHS.test(new URL(input.url).pathname)) return response;
  if (!(await refreshTokens())) {
    sessionExpired();
    return response;
  }
  const again = await fetch(withToken(retry));
  if (again.status === 401) sessionExpired();
  return again;
}

/** Typed client over the generated `paths`: `await unwrap(api.GET('/api/inbox'))`. */
export const api = createClient<paths>({ baseUrl: location.origin, fetch: authFetch });

/** The data of an openapi-fetch answer, or an ApiError with the API's message and code. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw ApiError.fromBody(0, null);
  }
  if (!result.response.ok) throw ApiError.fromBody(result.response.status, result.error);
  return result.data as T;
}

/** Downloads a file the API produces (exports, evidence) with the session's token and saves it. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const response = await authFetch(new Request(new URL(url, location.origin)));
  if (!response.ok) throw await ApiError.from(response);
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName;
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? null;
}

/**
 * Uploads a multipart form with XMLHttpRequest, because fetch cannot report upload progress.
 * `onProgress` gets 0..1. A 401 renews the tokens and uploads once more.
 */
export function uploadWithProgress<T>(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  const send = () =>
    new Promise<{ status: number; body: unknown }>((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      const access = tokens.access();
      if (access) xhr.setRequestHeader('Authorization', `Bearer ${access}`);
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onload = () => {
        let body: unknown = null;
        try {
          body = JSON.parse(xhr.responseText);
        } catch {
          /* not JSON: reported by status below */
        }
        resolve({ status: xhr.status, body });
      };
      xhr.onerror = () => resolve({ status: 0, body: null });
      xhr.send(form);
    });
  return (async () => {
    let result = await send();
    if (result.status === 401 && (await refreshTokens())) result = await send();
    else if (result.status === 401) sessionExpired();
    if (result.status < 200 || result.status >= 300) throw ApiError.fromBody(result.status, result.body);
    onProgress(1);
    return result.body as T;
  })();
}
