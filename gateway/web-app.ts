import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { shareArtwork } from './share-art';
import { ROLES, type Principal, type Role } from '../contracts';
import type { TokenService } from '../platform/access/tokens';
import type { PublicUrl } from '../platform/base/public-url';
import { readBody, sendJson } from '../platform/runtime/http-server';
import { logger } from '../platform/base/logger';

/** The web app's sign-in settings, as the gateway hands them to the pages (`/app-config.json`). */
export interface WebAppSettings {
  /** DEMO_SIGN_IN: a clearly marked picker of demo roles and enterprises; never in production. */
  demoSignIn: boolean;
  /** OpenID Connect (authorization code + PKCE) for the studio console, partner and supplier pages. */
  oidc?: { authority: string; clientId: string; redirectUri?: string; scope: string };
}

/** The built app (web/dist), beside the compiled server in dist/ and in the image. */
const WEB_DIST = path.resolve(__dirname, '..', '..', 'web', 'dist');

/** Paths the single-page app answers; everything else (the API above all) is never the app. */
const APP_ROUTES = new Set(['/', '/track', '/studio', '/stages', '/partner', '/supplier', '/register', '/admin', '/join']);
const SHARE_ROUTE = /^\/share\/([\w-]{1,64})\/?$/;
/** A product's story page, where its scanned code leads people (gateway/digital-link.ts). */
const STORY_ROUTE = /^\/story\/[A-Za-z0-9]{1,40}\/?$/;
/** A product family's share image; a family without artwork of its own gets the fallback's. */
const OG_IMAGE = /^\/og\/([^/]{1,200})\.png$/;
const DEMO_TOKEN_HOURS = 8;
/** Who the demo picker may sign in as (a customer follows an order through its link instead). */
const DEMO_ROLES: readonly Role[] = ROLES.filter((role) => role !== 'CUSTOMER');

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

const COMPRESSIBLE = /^(?:text\/|application\/json|image\/svg)/;

/** What the share page shows and previews carry: the public SharedOrder (nothing personal). */
export interface ShareSummary {
  title: string;
  description: string;
  imageUrl: string;
}

/** A share's summary, null when there is no such share, or how long the page's address must wait (its budget is spent). */
export type ShareAnswer = ShareSummary | null | { retryAfterSeconds: number };

export interface WebAppOptions {
  distDir?: string;
  publicUrl: PublicUrl;
  settings: WebAppSettings;
  auth: TokenService;
  /** The share page's summary, from the graph, asked for the page's request (its client address is counted). */
  shareSummary(shareId: string, language: 'zh' | 'en', request: http.IncomingMessage): Promise<ShareAnswer>;
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

const languageOf = (request: http.IncomingMessage): 'zh' | 'en' => {
  const accepted = String(request.headers['accept-language'] ?? '').toLowerCase();
  const zh = accepted.indexOf('zh');
  const en = accepted.indexOf('en');
  return zh >= 0 && (en < 0 || zh < en) ? 'zh' : 'en';
};

/**
 * The HTML's security headers: scripts and styles from this origin only (the build has no
 * inline script), connections to the hub's HTTP and WebSocket endpoints and the identity
 * provider, no framing. Only pages carry them; the API answers are left as they are.
 */
function securityHeaders(publicUrl: PublicUrl, settings: WebAppSettings): Record<string, string> {
  const hub = new URL(publicUrl.base);
  const websocket = `${hub.protocol === 'https:' ? 'wss' : 'ws'}://${hub.host}`;
  const identityProvider = settings.oidc?.authority ? new URL(settings.oidc.authority).origin : '';
  const connect = ["'self'", hub.origin, websocket, identityProvider].filter(Boolean).join(' ');
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      `connect-src ${connect}`,
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    // Customer links carry a credential in the query: never send it on.
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cache-control': 'no-cache',
  };
}

/**
 * The web app at the gateway: the pages (`/`, `/track`, `/share/:id`, `/story/:code`, `/studio`,
 * `/partner`, `/supplier`, `/register`, `/admin`) with security headers and no caching, hashed assets cached for a year, the
 * share page's Open Graph tags rendered here (an unknown share is a 404 page), share images,
 * `/app-config.json` and, when DEMO_SIGN_IN is on, `/demo/sign-in`. Returns a handler that
 * answers false for any other path, so the API keeps its own 404s.
 */
export function webApp(options: WebAppOptions): (request: http.IncomingMessage, response: http.ServerResponse) => Promise<boolean> {
  const distDir = options.distDir ?? WEB_DIST;
  // Read again when the build changes under a running hub (a rebuild replaces the hashed assets).
  let template: { html: string; mtimeMs: number } | null = null;
  const indexHtml = (): string | null => {
    try {
      const file = path.join(distDir, 'index.html');
      const { mtimeMs } = fs.statSync(file);
      if (template?.mtimeMs !== mtimeMs) template = { html: fs.readFileSync(file, 'utf8'), mtimeMs };
      return template.html;
    } catch {
      return null;
    }
  };

  const sendPage = (request: http.IncomingMessage, response: http.ServerResponse, status: number, head: string) => {
    const html = indexHtml();
    const headers = securityHeaders(options.publicUrl, options.settings);
    if (!html) {
      response.writeHead(503, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      response.end(
        '<!doctype html><meta charset="utf-8"><title>Weft</title><p>The web app is not built. Run <code>npm run build:web</code> (npm start and npm test do it).</p>',
      );
      return;
    }
    const language = languageOf(request);
    const page = html
      .replace('<html lang="zh-CN">', `<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">`)
      .replace('<!--app-head-->', head);
    response.writeHead(status, { ...headers, 'content-type': 'text/html; charset=utf-8' });
    response.end(request.method === 'HEAD' ? undefined : page);
  };

  const defaultHead = '<title>Weft</title>';

  // Each file read once (and text compressed once), kept while its modification time holds.
  const files = new Map<string, { mtimeMs: number; data: Buffer; gzipped?: Buffer }>();
  const serveStatic = (pathname: string, request: http.IncomingMessage, response: http.ServerResponse): boolean => {
    const file = path.normalize(path.join(distDir, pathname));
    if (!file.startsWith(distDir + path.sep) || file.endsWith('index.html')) return false;
    let cached = files.get(file);
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile()) return false;
      if (cached?.mtimeMs !== stat.mtimeMs) files.set(file, (cached = { mtimeMs: stat.mtimeMs, data: fs.readFileSync(file) }));
    } catch {
      return false;
    }
    const entry = cached;
    const immutable = pathname.startsWith('/assets/');
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    // Text assets go gzipped to browsers that take it.
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (gzip) entry.gzipped ??= zlib.gzipSync(entry.data, { level: 9 });
    const data = gzip ? entry.gzipped! : entry.data;
    response.writeHead(200, {
      'content-type': type,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    response.end(request.method === 'HEAD' ? undefined : data);
    return true;
  };

  const demoSignIn = async (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (!options.settings.demoSignIn) return sendJson(response, 404, { error: 'Demo sign-in is off on this hub' });
    if (request.method !== 'POST' || !String(request.headers['content-type'] ?? '').includes('application/json')) {
      return sendJson(response, 400, { error: 'POST a JSON body { "role": …, "org": … }' });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readBody(request, 10_000));
    } catch {
      return sendJson(response, 400, { error: 'Malformed JSON body' });
    }
    const body: { role?: unknown; org?: unknown } = typeof parsed === 'object' && parsed !== null ? parsed : {};
    const role = body.role as Role;
    if (!DEMO_ROLES.includes(role)) return sendJson(response, 400, { error: `role must be one of ${DEMO_ROLES.join(', ')}` });
    const org = role === 'HUB_ADMIN' ? null : typeof body.org === 'string' && /^[a-z0-9-]{1,80}$/.test(body.org) ? body.org : undefined;
    if (org === undefined) return sendJson(response, 400, { error: 'org must name an enterprise of the directory' });
    const principal: Principal = { subject: `demo:${role.toLowerCase()}@${org ?? 'hub'}`, org, roles: [role] };
    const ttl = DEMO_TOKEN_HOURS * 3600;
    sendJson(response, 200, {
      token: await options.auth.sign(principal, ttl),
      expiresAt: new Date(Date.now() + ttl * 1000).toISOString(),
      role,
      org,
    });
  };

  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && !(request.method === 'POST' && request.url === '/demo/sign-in'))
      return false;
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    // Configuration and demo tokens are per request: never kept by a cache.
    if (pathname === '/app-config.json' || pathname === '/demo/sign-in') response.setHeader('cache-control', 'no-store');
    if (APP_ROUTES.has(pathname) || (pathname.endsWith('/') && APP_ROUTES.has(pathname.slice(0, -1))) || STORY_ROUTE.test(pathname)) {
      sendPage(request, response, 200, defaultHead);
      return true;
    }
    const share = SHARE_ROUTE.exec(pathname);
    if (share) {
      const language = languageOf(request);
      let summary: ShareAnswer = null;
      try {
        summary = await options.shareSummary(share[1], language, request);
      } catch (error) {
        logger.warn({ err: error }, 'share page: the summary could not be read');
      }
      if (summary && 'retryAfterSeconds' in summary) {
        // This address asked too much: a 429 for it alone, never a "not found" for a share that exists.
        response.setHeader('retry-after', String(summary.retryAfterSeconds));
        sendPage(
          request,
          response,
          429,
          `<title>${language === 'zh' ? '请求过于频繁，请稍后再试' : 'Too many requests: try again shortly'} · Weft</title><meta name="robots" content="noindex">`,
        );
        return true;
      }
      if (!summary) {
        sendPage(
          request,
          response,
          404,
          `<title>${language === 'zh' ? '找不到此分享' : 'Share not found'} · Weft</title><meta name="robots" content="noindex">`,
        );
        return true;
      }
      const url = options.publicUrl.share(share[1]);
      const meta = (property: string, content: string) => `<meta property="${property}" content="${escapeHtml(content)}">`;
      sendPage(
        request,
        response,
        200,
        [
          `<title>${escapeHtml(summary.title)}</title>`,
          `<meta name="description" content="${escapeHtml(summary.description)}">`,
          meta('og:type', 'article'),
          meta('og:title', summary.title),
          meta('og:description', summary.description),
          meta('og:image', summary.imageUrl),
          meta('og:image:width', '1200'),
          meta('og:image:height', '630'),
          meta('og:url', url),
          meta('og:site_name', 'Weft'),
          `<meta name="twitter:card" content="summary_large_image">`,
        ].join(''),
      );
      return true;
    }
    const image = OG_IMAGE.exec(pathname);
    if (image) {
      const png = await shareArtwork(image[1]);
      response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'public, max-age=86400' });
      response.end(request.method === 'HEAD' ? undefined : png);
      return true;
    }
    if (pathname === '/app-config.json') {
      const oidc = options.settings.oidc;
      sendJson(response, 200, {
        publicUrl: options.publicUrl.base,
        demoSignIn: options.settings.demoSignIn,
        oidc: oidc
          ? {
              authority: oidc.authority,
              clientId: oidc.clientId,
              redirectUri: oidc.redirectUri ?? `${options.publicUrl.base}/studio`,
              scope: oidc.scope,
            }
          : null,
      });
      return true;
    }
    if (pathname === '/demo/sign-in') {
      await demoSignIn(request, response);
      return true;
    }
    return serveStatic(pathname, request, response);
  };
}
