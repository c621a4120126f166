// The admin API, as the console calls it: same-origin fetch with the session cookie; every write carries the
// session's CSRF token in X-CSRF-Token (docs/console.md). Errors become ApiError with the API's JSON path.

export interface FieldError { path: string; code: string; message: string }

export class ApiError extends Error {
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
