/**
 * The hub's public base URL: where people reach the gateway (and its web app). Every link the
 * hub sends derives from it — the customer's order link (`/track?link=…`), the share page
 * (`/share/<id>`), share images — so a hub on another host or port never sends dead links.
 * Configured by PUBLIC_URL; otherwise the gateway's own address once it has bound its port.
 */
export class PublicUrl {
  private value: string | undefined;

  constructor(private readonly configured?: string) {
    if (configured) this.value = PublicUrl.normalise(configured);
  }

  static normalise(url: string): string {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`PUBLIC_URL must be http(s), not "${url}"`);
    return parsed.toString().replace(/\/+$/, '');
  }

  /** The gateway's bound address, used when nothing was configured (a restart may move it). */
  settle(gatewayUrl: string): void {
    if (!this.configured) this.value = PublicUrl.normalise(gatewayUrl);
  }

  get base(): string {
    return this.value ?? 'http://localhost:4000';
  }

  /** The page a customer link opens, with the link token. */
  customerLink(linkToken: string): string {
    const url = new URL(`${this.base}/track`);
    url.searchParams.set('link', linkToken);
    return url.toString();
  }

  /** The page an invitation's link opens: it signs in and accepts (web/src/join). */
  invitation(invitationToken: string): string {
    const url = new URL(`${this.base}/join`);
    url.searchParams.set('invitation', invitationToken);
    return url.toString();
  }

  share(shareId: string): string {
    return `${this.base}/share/${encodeURIComponent(shareId)}`;
  }

  /** Any product family's, studio-defined ones too: the gateway answers each (its own artwork or the fallback). */
  shareImage(productType: string): string {
    return `${this.base}/og/${encodeURIComponent(productType.toLowerCase().replace(/_/g, '-'))}.png`;
  }
}

/** The URL people use for a server bound on host:port (a wildcard bind is reached as localhost). */
export function boundUrl(host: string | undefined, port: number): string {
  const name = !host || host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
  return `http://${name}:${port}`;
}
