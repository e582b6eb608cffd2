// Who is using the page (issue 11 §6): on loopback nobody signs in (user "local"); in server mode the page is signed in,
// every state-changing request carries the antiforgery token, and a 401 goes back to the sign-in page. The last check's
// request is kept so that "保存到台账" can send the same footprint and settings to /api/records.
export interface Account {
  signInRequired: boolean; signedIn: boolean; user: string | null; role: string | null; roleZh: string | null;
  can: { check: boolean; save: boolean; users: boolean };
  antiforgeryToken?: string | null; antiforgeryHeader?: string;
}

/** The last POST /api/checks the page sent: its query and body, replayed by a save. */
export interface CheckRequest { search: URLSearchParams; body: BodyInit | null; contentType: string | null }

let current: Account = { signInRequired: false, signedIn: false, user: 'local', role: null, roleZh: null, can: { check: true, save: true, users: false } };
let lastCheck: CheckRequest | null = null;
/** Resolves once /api/account has answered (or failed): a 401 before that waits for it to know whether to sign in. */
let known: Promise<unknown> = Promise.resolve();
const originalFetch = window.fetch.bind(window);

export const account = (): Account => current;
export const lastCheckRequest = (): CheckRequest | null => lastCheck;

/**
 * Reads the account and wraps fetch (the token header, the last check, 401 → sign-in). Call before anything fetches; the
 * wrapper is in place when this returns its promise, so other requests may start before it resolves.
 */
export async function initAccount(): Promise<Account> {
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href);
    if (url.origin === location.origin && !['GET', 'HEAD', 'OPTIONS'].includes(method) && current.antiforgeryToken && current.antiforgeryHeader) {
      const headers = new Headers(init?.headers);
      headers.set(current.antiforgeryHeader, current.antiforgeryToken);
      init = { ...init, headers };
    }
    if (method === 'POST' && url.pathname === '/api/checks' && url.searchParams.get('format') !== 'csv') {
      lastCheck = { search: url.searchParams, body: init?.body ?? null, contentType: new Headers(init?.headers).get('Content-Type') };
    }
    const response = await originalFetch(input, init);
    if (response.status === 401) await known;
    if (response.status === 401 && current.signInRequired && url.origin === location.origin && !url.pathname.startsWith('/api/account')) {
      location.href = `/signin?returnUrl=${encodeURIComponent(location.pathname + location.search)}`;
    }
    return response;
  };
  known = (async () => {
    try {
      const response = await originalFetch('/api/account');
      if (response.ok) current = (await response.json()) as Account;
    } catch { /* an older server without accounts: loopback behaviour */ }
  })();
  await known;
  return current;
}

/** Signs out (server mode) and goes to the sign-in page. */
export async function signOut(): Promise<void> {
  await window.fetch('/api/account/sign-out', { method: 'POST' });
  location.href = '/signin';
}
