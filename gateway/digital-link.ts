import type http from 'node:http';
import { epcisIdentifiers, gtin14, isGtin } from '../contracts';
import type { PublicUrl } from '../platform/base/public-url';
import { sendJson, type GraphQLEndpoint, type RouteHandler } from '../platform/runtime/http-server';
import type { GatewayContext } from './context';

/**
 * The hub as a GS1 Digital Link resolver for the traceability codes it prints: a scan of
 * `/01/{gtin}/21/{serial}` (or `/id/product/{code}` for a product without a GTIN) is sent, by
 * `linkType`, to the product's story page for people (`gs1:pip`, the default), its public trace
 * as JSON (`gs1:traceability`, at `/trace/{code}`) or its EPCIS events (`gs1:epcis`);
 * `linkType=all` (or `Accept: application/linkset+json`) answers the RFC 9264 link set.
 * `/.well-known/gs1resolver` describes the resolver. What a code shows comes from the graph's
 * public `productStory`, so nothing here decides who sees what.
 */

const STORY_QUERY = `query DigitalLinkStory($code: String!) {
  productStory(code: $code) {
    code uri gtin productCode productFamily productNameZh productNameEn issuedAt qcPassed
    studio { id nameZh nameEn region }
    stages { statusCode { code labelZh labelEn } startedAt finishedAt }
    materialOrigins { sku materialName lotCode supplier { id nameZh nameEn region } }
  }
}`;

const GS1_VOCABULARY = 'https://gs1.org/voc/';
/** The link types this resolver serves, by their short name; every other one falls back to the default link (GS1's rule). */
const LINK_TYPES = ['pip', 'traceability', 'epcis'] as const;
type LinkType = (typeof LINK_TYPES)[number];
const DEFAULT_LINK_TYPE: LinkType = 'pip';
const LINKSET_TYPE = 'application/linkset+json';
/** A story changes little once told (materials may join it a moment after the code is issued). */
const CACHE = 'public, max-age=60';

interface Story {
  code: string;
  uri: string;
  gtin: string | null;
  productCode: string;
  productFamily: string;
  productNameEn: string | null;
  studio: { nameZh: string; nameEn: string };
}

/** What a link's title calls the product: its catalogue name, else its code. */
const productOf = (story: Story) => story.productNameEn ?? story.productCode;

/** `gs1:pip`, its full URI in either of GS1's spellings, or `all`. */
function linkTypeOf(raw: string | null): LinkType | 'all' | null {
  if (raw === null) return null;
  if (raw === 'all' || raw === 'linkset') return 'all';
  const name = raw.replace(/^gs1:/, '').replace(/^https?:\/\/(?:www\.|ref\.)?gs1\.org\/voc\//, '');
  return (LINK_TYPES as readonly string[]).includes(name) ? (name as LinkType) : null;
}

/** The code a resolver path names, and the GTIN it was scanned with (null for /id/product/). */
function scannedKey(pathname: string): { code: string; gtin: string | null } | null {
  const digitalLink = /^\/01\/(\d{8}|\d{12,14})\/21\/([^/]+)\/?$/.exec(pathname);
  if (digitalLink) return isGtin(digitalLink[1]) ? { gtin: gtin14(digitalLink[1]), code: digitalLink[2] } : null;
  const weft = /^\/id\/product\/([^/]+)\/?$/.exec(pathname);
  return weft ? { gtin: null, code: weft[1] } : null;
}

export interface DigitalLinkOptions {
  endpoint: GraphQLEndpoint<GatewayContext>;
  publicUrl: PublicUrl;
}

export function digitalLinkRoutes(options: DigitalLinkOptions): Record<string, RouteHandler> {
  const base = () => options.publicUrl.base;

  /** The story of a code, or null when no product carries it (or the scan's GTIN is not its GTIN). */
  const storyOf = async (
    request: http.IncomingMessage,
    code: string,
    gtin: string | null | undefined,
  ): Promise<(Story & Record<string, unknown>) | null> => {
    if (!/^[A-Z0-9]{1,40}$/i.test(code)) return null;
    const context = await options.endpoint.context(request);
    const result = await options.endpoint.apollo.executeOperation({ query: STORY_QUERY, variables: { code } }, { contextValue: context });
    if (result.body.kind !== 'single') return null;
    const { data, errors } = result.body.singleResult;
    const refusal = errors?.find((error) => error.extensions?.code !== 'BAD_USER_INPUT');
    if (refusal) throw Object.assign(new Error(refusal.message), { code: refusal.extensions?.code });
    const story = (data?.productStory ?? null) as (Story & Record<string, unknown>) | null;
    if (!story) return null;
    // /01/… names the product by its GTIN too: another GTIN is another product.
    if (gtin !== undefined && (story.gtin ?? null) !== gtin) return null;
    // `productType` stays in the JSON for readers from before families (the same string).
    return { ...story, productType: story.productFamily };
  };

  const links = (story: Story) => {
    const ids = epcisIdentifiers(base());
    const title = `${story.studio.nameEn} · ${productOf(story)}`;
    return {
      pip: { href: `${base()}/story/${story.code}`, title, type: 'text/html', hreflang: ['zh', 'en'] },
      traceability: { href: `${base()}/trace/${story.code}`, title: `${title}: trace`, type: 'application/json' },
      epcis: {
        href: `${base()}/epcis/events?MATCH_anyEPC=${encodeURIComponent(ids.product({ gtin: story.gtin, serial: story.code }))}`,
        title: `${title}: EPCIS events (with a token)`,
        type: 'application/ld+json',
      },
    } satisfies Record<LinkType, unknown>;
  };

  const linksetOf = (story: Story) => {
    const all = links(story);
    return {
      linkset: [
        {
          anchor: story.uri,
          itemDescription: `${story.studio.nameEn} · ${productOf(story)}`,
          [`${GS1_VOCABULARY}defaultLink`]: [all[DEFAULT_LINK_TYPE]],
          ...Object.fromEntries(LINK_TYPES.map((type) => [`${GS1_VOCABULARY}${type}`, [all[type]]])),
        },
      ],
    };
  };

  const notFound = (request: http.IncomingMessage, response: http.ServerResponse, what: string) => {
    const detail = `No product carries the code ${what}`;
    if (/text\/html/.test(String(request.headers.accept ?? ''))) {
      response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
      response.end(
        `<!doctype html><meta charset="utf-8"><title>Weft</title><h1>找不到此产品 · Product not found</h1><p>${detail.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)}</p>`,
      );
      return;
    }
    sendJson(response, 404, { type: 'about:blank', title: detail, status: 404 }, { 'content-type': 'application/problem+json' });
  };

  const guarded =
    (serve: (request: http.IncomingMessage, response: http.ServerResponse, url: URL) => Promise<void>): RouteHandler =>
    async (request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        return sendJson(
          response,
          405,
          { type: 'about:blank', title: `${request.method} is not served here`, status: 405 },
          { 'content-type': 'application/problem+json', allow: 'GET, HEAD' },
        );
      }
      try {
        await serve(request, response, url);
      } catch (error) {
        const code = (error as { code?: string }).code ?? (error as { extensions?: { code?: string } }).extensions?.code;
        const status = code === 'RATE_LIMITED' ? 429 : code === 'UNAUTHENTICATED' ? 401 : 503;
        sendJson(
          response,
          status,
          { type: 'about:blank', title: (error as Error).message, status },
          { 'content-type': 'application/problem+json', ...(status === 503 || status === 429 ? { 'retry-after': '1' } : {}) },
        );
      }
    };

  const resolve = guarded(async (request, response, url) => {
    const key = scannedKey(url.pathname);
    const story = key && (await storyOf(request, key.code.toUpperCase(), key.gtin));
    if (!key || !story) return notFound(request, response, url.pathname);
    const asked = linkTypeOf(url.searchParams.get('linkType'));
    const wantsLinkset =
      asked === 'all' || (!url.searchParams.has('linkType') && String(request.headers.accept ?? '').includes(LINKSET_TYPE));
    const linksetHeader = `<${story.uri}?linkType=all>; rel="linkset"; type="${LINKSET_TYPE}"`;
    if (wantsLinkset)
      return sendJson(response, 200, linksetOf(story), { 'content-type': LINKSET_TYPE, 'cache-control': CACHE, link: linksetHeader });
    const target = links(story)[asked ?? DEFAULT_LINK_TYPE];
    response.writeHead(307, { location: target.href, link: linksetHeader, 'cache-control': CACHE, vary: 'accept' });
    response.end();
  });

  const trace = guarded(async (request, response, url) => {
    const code = url.pathname.slice('/trace/'.length).toUpperCase();
    const story = await storyOf(request, code, undefined);
    if (!story) return notFound(request, response, code);
    sendJson(response, 200, story, { 'cache-control': CACHE, link: `<${story.uri}?linkType=all>; rel="linkset"; type="${LINKSET_TYPE}"` });
  });

  const description: RouteHandler = (_request, response) =>
    sendJson(
      response,
      200,
      {
        name: 'Weft hub',
        resolverRoot: base(),
        supportedPrimaryKeys: ['01'],
        supportedLinkType: [{ namespace: GS1_VOCABULARY, prefix: 'gs1:' }],
        linkTypeDefaultCanBeLinkset: false,
      },
      { 'cache-control': 'public, max-age=3600' },
    );

  return { '/01/*': resolve, '/id/product/*': resolve, '/trace/*': trace, '/.well-known/gs1resolver': description };
}
