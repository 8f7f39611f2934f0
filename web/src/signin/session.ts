import { isRole } from '../../../contracts/identity';

/**
 * Staff sign-in for the studio console and the partner and supplier workspaces: OpenID Connect
 * (authorization code with PKCE, oidc-client-ts) against the hub's identity provider, or — only
 * when the hub turns DEMO_SIGN_IN on — a demo picker. The access token is kept for this tab only.
 */
export type Workspace = 'studio' | 'partner' | 'supplier' | 'register' | 'admin';

export interface AppConfig {
  publicUrl: string;
  demoSignIn: boolean;
  oidc: { authority: string; clientId: string; redirectUri: string; scope: string } | null;
}

export interface StaffSession {
  token: string;
  role: string;
  org: string | null;
  expiresAt: string;
  via: 'oidc' | 'demo';
  /** The hub's own token from the exchange (POST /auth/exchange): renewed from the provider's before it expires. */
  exchanged?: boolean;
  /** Signed in, but a member of no enterprise yet: may only accept an invitation or apply. */
  newcomer?: boolean;
}

/** How long before its expiry an exchanged token is renewed. */
export const RENEW_BEFORE_MS = 60_000;

const SESSION_KEY = 'weft.staffSession';

let config: Promise<AppConfig> | undefined;
export function appConfig(): Promise<AppConfig> {
  config ??= fetch('/app-config.json').then((response) => {
    if (!response.ok) throw new Error(`app config: HTTP ${response.status}`);
    return response.json() as Promise<AppConfig>;
  });
  return config;
}

export function storedSession(): StaffSession | null {
  try {
    const session = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as StaffSession | null;
    return session && Date.parse(session.expiresAt) > Date.now() + 10_000 ? session : null;
  } catch {
    return null;
  }
}

export function keepSession(session: StaffSession): StaffSession {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
}

export function signOut(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

/** The claims the hub reads (roles, org): shown to the person; the hub verifies the token itself. */
function claimsOf(token: string): { roles?: string[]; org?: string | null; exp?: number } {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(decodeURIComponent(escape(atob(payload))));
  } catch {
    return {};
  }
}

export async function demoSignIn(role: string, org: string | null): Promise<StaffSession> {
  const response = await fetch('/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, org }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return keepSession({ token: body.token, role: body.role, org: body.org, expiresAt: body.expiresAt, via: 'demo' });
}

async function userManager(oidc: NonNullable<AppConfig['oidc']>) {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    redirect_uri: oidc.redirectUri,
    scope: oidc.scope,
    response_type: 'code',
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    stateStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}

/** What POST /auth/exchange answers (gateway/token-exchange.ts): a token, or a refusal (with an identity-only token for a newcomer). */
interface ExchangeAnswer {
  accessToken?: string;
  identityToken?: string;
  expiresIn?: number;
  enterpriseId?: string;
  roles?: string[];
  error?: { code: string; message: string };
}

/**
 * The hub's session for the provider's access token: the hub's own 5-minute token carrying the
 * membership's enterprise and roles (gateway/token-exchange.ts). Someone with no membership
 * gets a newcomer session (they may accept an invitation or apply), unless the provider itself
 * puts roles in its tokens (an older set-up the hub still accepts directly).
 */
export async function exchangeProviderToken(providerToken: string, enterpriseId?: string): Promise<StaffSession> {
  const response = await fetch('/auth/exchange', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: providerToken, ...(enterpriseId ? { enterpriseId } : {}) }),
  });
  const body = (await response.json().catch(() => ({}))) as ExchangeAnswer;
  const expiresAt = (seconds = 300) => new Date(Date.now() + seconds * 1000).toISOString();
  if (response.ok && body.accessToken)
    return {
      token: body.accessToken,
      role: body.roles?.[0] ?? '',
      org: body.enterpriseId ?? null,
      expiresAt: expiresAt(body.expiresIn),
      via: 'oidc',
      exchanged: true,
    };
  const code = body.error?.code;
  const claims = claimsOf(providerToken);
  if ((code === 'NOT_A_MEMBER' || code === 'NOT_CONFIGURED') && claims.roles?.some(isRole))
    return {
      token: providerToken,
      role: claims.roles.find(isRole)!,
      org: claims.org ?? null,
      expiresAt: new Date((claims.exp ?? Date.now() / 1000 + 300) * 1000).toISOString(),
      via: 'oidc',
    };
  if (code === 'NOT_A_MEMBER' && body.identityToken)
    return {
      token: body.identityToken,
      role: '',
      org: null,
      expiresAt: expiresAt(body.expiresIn),
      via: 'oidc',
      exchanged: true,
      newcomer: true,
    };
  throw new Error(code ?? `HTTP ${response.status}`);
}

/** A new hub token from the provider's (still valid) one, a minute before the old one expires; null when the provider's has expired too. */
export async function renewSession(oidc: NonNullable<AppConfig['oidc']>, session: StaffSession): Promise<StaffSession | null> {
  if (!session.exchanged) return null;
  const user = await (await userManager(oidc)).getUser();
  if (!user || user.expired) return null;
  return keepSession(await exchangeProviderToken(user.access_token, session.org ?? undefined));
}

/** Sends the person to the identity provider; they come back to the redirect URI with a code. */
export async function oidcSignIn(oidc: NonNullable<AppConfig['oidc']>): Promise<void> {
  const manager = await userManager(oidc);
  await manager.signinRedirect({ state: { returnTo: location.pathname + location.search } });
}

/** On the way back from the provider: trades the code (with the PKCE verifier) for the access token. */
export async function completeOidcSignIn(oidc: NonNullable<AppConfig['oidc']>): Promise<StaffSession | null> {
  const params = new URLSearchParams(location.search);
  if (params.has('error')) {
    // The provider refused (or the person cancelled): say so, and leave the address clean.
    history.replaceState(null, '', location.pathname);
    throw new Error(params.get('error_description') ?? params.get('error') ?? 'sign-in refused');
  }
  if (!params.has('code') || !params.has('state')) return null;
  const manager = await userManager(oidc);
  const user = await manager.signinRedirectCallback();
  const asked = (user.state as { returnTo?: string } | undefined)?.returnTo;
  // Back where sign-in began (a scanned ticket's /stages?order=…), on this origin only.
  const back = asked?.startsWith('/') ? new URL(asked, location.origin) : null;
  const returnTo = back && back.origin === location.origin ? back.pathname + back.search : location.pathname;
  const session = keepSession(await exchangeProviderToken(user.access_token));
  // Another page than the one the provider returned to (its redirect URI is /studio): load it, signed in.
  if (new URL(returnTo, location.origin).pathname !== location.pathname) location.replace(returnTo);
  else history.replaceState(null, '', returnTo);
  return session;
}
