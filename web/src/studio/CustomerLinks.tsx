import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import QRCode from 'qrcode';
import { hubMessage, idempotencyKey } from '../common/client';
import { formatDateTime, formatDay, useI18n } from '../common/i18n';
import { HubRefusal, Loading } from '../common/ui';
import { graphql } from '../gql/hub';
import { useMayUse } from '../signin/permissions';
import { useRefreshOn } from './refresh';

/** Leads' only (the links are theirs to mint and revoke): asked for apart, so nobody else's panel asks for them. */
const ORDER_LINKS = graphql(`
  query StudioOrderLinks($orderId: ID!) {
    customerLinks(orderId: $orderId) {
      id
      tier
      expiresAt
      revokedAt
      createdAt
      mintedByYou
    }
  }
`);
const MINT_LINK = graphql(`
  mutation MintCustomerLink($orderId: ID!, $tier: VisibilityTier, $validDays: Int!, $key: String!) {
    mintCustomerLink(orderId: $orderId, tier: $tier, validDays: $validDays, idempotencyKey: $key) {
      url
      link {
        id
        tier
        expiresAt
        createdAt
      }
    }
  }
`);
const REVOKE_LINK = graphql(`
  mutation RevokeCustomerLink($linkId: ID!) {
    revokeCustomerLink(linkId: $linkId) {
      id
      revokedAt
    }
  }
`);

type Tier = 'MINIMAL' | 'BASIC' | 'DETAILED';

/** Copies to the clipboard with one tap and says so (or says to copy by hand where the browser refuses). */
function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <>
      <button type="button" className="primary" onClick={() => void copy()} data-testid="copy-link">
        {label}
      </button>
      <span role="status" className="small">
        {state === 'copied' ? t('panels.links.copied') : state === 'failed' ? t('panels.links.copyFailed') : ''}
      </span>
    </>
  );
}

/**
 * The order's customer links: each told apart by its detail, when and by whom it was minted,
 * for which order and until when; a new one is shown once with its QR code and a copy button.
 */
export function CustomerLinks({ orderId, orderNumber, version }: { orderId: string; orderNumber: string; version: number }) {
  const may = useMayUse();
  return may(ORDER_LINKS) ? <Links orderId={orderId} orderNumber={orderNumber} version={version} /> : null;
}

function Links({ orderId, orderNumber, version }: { orderId: string; orderNumber: string; version: number }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ORDER_LINKS, variables: { orderId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  useRefreshOn(version, refetch);
  const [mintState, mint] = useMutation(MINT_LINK);
  const [revokeState, revoke] = useMutation(REVOKE_LINK);
  const key = useRef(idempotencyKey('link'));
  const [tier, setTier] = useState<Tier | ''>('');
  const [minted, setMinted] = useState<{ id: string; url: string; qr: string; tier: string; createdAt: string } | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);
  const links = data?.customerLinks ?? [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await mint({ orderId, tier: tier || undefined, validDays: 90, key: key.current });
    const made = result.data?.mintCustomerLink;
    if (!made) return;
    key.current = idempotencyKey('link');
    setMinted({
      id: made.link.id,
      url: made.url,
      qr: await QRCode.toDataURL(made.url, { margin: 1, width: 200 }),
      tier: made.link.tier,
      createdAt: made.link.createdAt,
    });
    refresh();
  };
  const describe = (link: { tier: string; createdAt: string }) =>
    t('panels.links.describe', { order: orderNumber, tier: t(`tier.${link.tier}`), when: formatDateTime(link.createdAt, language) });
  return (
    <div className="subsection" data-testid="customer-links">
      <h3>{t('studio.customerLinks')}</h3>
      <form className="row" onSubmit={submit}>
        <label>
          {t('studio.linkTier')}
          <select value={tier} onChange={(event) => setTier(event.target.value as Tier | '')}>
            <option value="">{t('studio.tierDefault')}</option>
            {(['MINIMAL', 'BASIC', 'DETAILED'] as const).map((option) => (
              <option key={option} value={option}>
                {t(`tier.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={mintState.fetching}>
          {t('studio.mintLink')}
        </button>
      </form>
      <HubRefusal error={hubMessage(mintState.error)} />
      {minted ? (
        <div className="minted card" data-testid="minted-link">
          <p>
            <strong>{t('panels.links.new')}</strong> {describe(minted)}
          </p>
          <p className="small muted">{t('panels.links.onlyOnce')}</p>
          <img src={minted.qr} alt={t('panels.links.qrAlt', { order: orderNumber })} width={200} height={200} />
          <div className="button-row">
            <CopyButton text={minted.url} label={t('panels.links.copy')} />
            <a href={minted.url} target="_blank" rel="noreferrer" data-testid="customer-link">
              {t('studio.openLink')}
            </a>
          </div>
          <label>
            {t('studio.linkUrl')}
            <input readOnly value={minted.url} onFocus={(event) => event.target.select()} />
          </label>
        </div>
      ) : null}
      {fetching && !data ? <Loading /> : null}
      <ul className="plain links">
        {links.map((link) => (
          <li key={link.id} data-link-id={link.id} className={link.id === minted?.id ? 'link-new' : undefined}>
            <span>
              {describe(link)} · {t(link.mintedByYou ? 'panels.links.byYou' : 'panels.links.byColleague')} ·{' '}
              {link.revokedAt
                ? t('panels.links.revokedOn', { day: formatDay(link.revokedAt, language) })
                : new Date(link.expiresAt) <= new Date()
                  ? t('panels.links.expired', { day: formatDay(link.expiresAt, language) })
                  : t('studio.linkExpires', { day: formatDay(link.expiresAt, language) })}
            </span>
            {link.revokedAt || new Date(link.expiresAt) <= new Date() ? (
              <span className="badge">{link.revokedAt ? t('studio.revoked') : t('panels.links.expiredBadge')}</span>
            ) : revoking === link.id ? (
              <span className="button-row" role="group" aria-label={t('studio.revoke')}>
                <span className="small">{t('panels.links.confirmRevoke')}</span>
                <button
                  type="button"
                  className="danger"
                  disabled={revokeState.fetching}
                  onClick={async () => {
                    setRevoking(null);
                    if ((await revoke({ linkId: link.id })).data) refresh();
                  }}
                >
                  {t('studio.revoke')}
                </button>
                <button type="button" onClick={() => setRevoking(null)}>
                  {t('panels.links.keep')}
                </button>
              </span>
            ) : (
              <button type="button" onClick={() => setRevoking(link.id)}>
                {t('studio.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <HubRefusal error={hubMessage(revokeState.error) ?? hubMessage(error)} />
    </div>
  );
}
