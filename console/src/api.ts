// The admin API, as the console calls it: same-origin fetch with the session cookie; every write carries the
// session's CSRF token in X-CSRF-Token (docs/console.md). Errors become ApiError with the API's JSON path.

export interface FieldError { path: string; code: string; message: string }

/**
 * An error answer of the API (or one the console makes itself, for a check it does before asking). `server`:
 * it came from the API, so its messages are the server's English and are shown through errors.ts; the console's
 * own ApiErrors already carry the operator's words.
 */
export class ApiError extends Error {
  /** The answer came from the API (its messages are the server's). */
  server = false;
  /** Seconds from the answer's Retry-After header, when it had one. */
  retryAfter?: number;

  constructor(public status: number, public code: string, message: string, public path?: string, public errors: FieldError[] = []) {
    super(message);
  }
}

let csrf: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrf(token: string | null): void {
  csrf = token;
}

export function whenUnauthorized(f: () => void): void {
  onUnauthorized = f;
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch { /* not JSON */ }
  if (!res.ok) {
    const e = json?.error ?? {};
    const err = new ApiError(res.status, e.code ?? `http_${res.status}`, e.message ?? res.statusText, e.path, e.errors ?? []);
    err.server = true;
    const retry = Number(res.headers?.get?.('Retry-After'));
    if (Number.isFinite(retry) && retry > 0) err.retryAfter = retry;
    if (res.status === 401 && !path.endsWith('/console/session') && !path.endsWith('/invites/accept') && onUnauthorized) onUnauthorized();
    throw err;
  }
  return json as T;
}

/** The field name an API path points at: "domains[1]" → "domains", "spacing.min_seconds" → "spacing". */
export function fieldOf(path: string | undefined): string | null {
  if (!path) return null;
  const m = /^[^.[]+/.exec(path);
  return m ? m[0] : null;
}
