import { graphql } from '../gql/customer';
import type { Client } from 'urql';

/** The link stays in this tab's session storage, out of the address bar, so a reload still works. */
const LINK_KEY = 'weft.customerLink';

export const EXCHANGE_LINK = graphql(`
  mutation ExchangeCustomerLink($link: String!) {
    exchangeCustomerLink(link: $link) {
      token
      expiresAt
      orderId
      tier
    }
  }
`);

export interface CustomerSession {
  token: string;
  expiresAt: string;
  orderId: string;
  tier: 'MINIMAL' | 'BASIC' | 'DETAILED';
}

/** Takes the link from `?link=` (then replaces the history entry) or from this tab's storage. */
export function takeLink(): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('link');
  if (fromUrl) {
    sessionStorage.setItem(LINK_KEY, fromUrl);
    url.searchParams.delete('link');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(LINK_KEY);
}

export type ExchangeFailure = 'invalid' | 'network';

/** Exchanges the link for a short-lived customer token (no token is sent: the link is the credential). */
export async function exchange(client: Client, link: string): Promise<CustomerSession | ExchangeFailure> {
  const result = await client.mutation(EXCHANGE_LINK, { link }, { fetchOptions: { headers: {} } }).toPromise();
  if (result.data?.exchangeCustomerLink) return result.data.exchangeCustomerLink;
  return result.error?.networkError ? 'network' : 'invalid';
}

/** When to exchange again: a minute before the token expires (at least 5 s from now). */
export const refreshDelay = (session: CustomerSession) => Math.max(5_000, Date.parse(session.expiresAt) - Date.now() - 60_000);
