import { useEffect, useMemo, useRef, useState } from 'react';
import { graphqlClient, hubMessage, idempotencyKey } from '../common/client';
import { nameOf, useI18n } from '../common/i18n';
import { ErrorState, Loading, Page } from '../common/ui';
import { graphql } from '../gql/hub';
import {
  appConfig,
  completeOidcSignIn,
  oidcSignIn,
  renewSession,
  storedSession,
  type AppConfig,
  type StaffSession,
} from '../signin/session';

const ACCEPT = graphql(`
  mutation AcceptInvitation($token: String!, $idempotencyKey: String!) {
    acceptInvitation(token: $token, idempotencyKey: $idempotencyKey) {
      id
      enterpriseId
      roles
    }
  }
`);
const ENTERPRISE = graphql(`
  query JoinedEnterprise($id: ID!) {
    enterprise(id: $id) {
      id
      nameZh
      nameEn
    }
  }
`);

/** Why an invitation was refused, as the hub says it (`extensions.reason`), to the words the page shows. */
const REFUSALS = [
  'INVITATION_USED',
  'INVITATION_REVOKED',
  'INVITATION_EXPIRED',
  'INVITATION_NOT_FOUND',
  'ALREADY_A_MEMBER',
  'ENTERPRISE_NOT_ACTIVE',
];

type State =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'signed-out'; config: AppConfig }
  | { kind: 'ready'; config: AppConfig; session: StaffSession; accepting?: boolean; refusal?: string }
  | { kind: 'joined'; enterprise: { nameZh: string; nameEn: string } | null; workspace: string };

/** Where a member with this role works. */
const workspaceOf = (role: string) =>
  role === 'PARTNER' || role === 'KITCHEN' ? '/partner' : role === 'SUPPLIER' ? '/supplier' : role === 'OPERATOR' ? '/stages' : '/studio';

/**
 * The invitation link's page (/join?invitation=…): signs the person in through the hub's
 * identity provider, accepts the invitation with their identity, and exchanges their token
 * again so the new membership's enterprise and roles are in it.
 */
export default function JoinPage() {
  const { t, language } = useI18n();
  const invitation = useMemo(() => new URLSearchParams(location.search).get('invitation'), []);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const key = useRef(idempotencyKey('accept-invitation'));

  useEffect(() => {
    if (!invitation) return;
    let cancelled = false;
    (async () => {
      const config = await appConfig();
      const returning = config.oidc ? await completeOidcSignIn(config.oidc) : null;
      const session = returning ?? storedSession();
      if (!cancelled) setState(session && config.oidc ? { kind: 'ready', config, session } : { kind: 'signed-out', config });
    })().catch((error: Error) => !cancelled && setState({ kind: 'error', message: error.message }));
    return () => {
      cancelled = true;
    };
  }, [invitation]);

  const accept = async (config: AppConfig, session: StaffSession) => {
    setState({ kind: 'ready', config, session, accepting: true });
    const client = graphqlClient('/graphql', () => session.token);
    const result = await client.mutation(ACCEPT, { token: invitation!, idempotencyKey: key.current }).toPromise();
    const membership = result.data?.acceptInvitation;
    if (!membership) {
      const reason = hubMessage(result.error)?.reason;
      setState({ kind: 'ready', config, session, refusal: reason && REFUSALS.includes(reason) ? reason : 'OTHER' });
      return;
    }
    // The token in hand has no membership yet: the next exchange carries the new one.
    const renewed = await renewSession(config.oidc!, { ...session, org: membership.enterpriseId }).catch(() => null);
    const named = await client.query(ENTERPRISE, { id: membership.enterpriseId }).toPromise();
    setState({ kind: 'joined', enterprise: named.data?.enterprise ?? null, workspace: workspaceOf(renewed?.role ?? membership.roles[0]) });
  };

  const title = t('join.title');
  if (!invitation)
    return (
      <Page title={title}>
        <ErrorState title={t('join.noInvitationTitle')} message={t('join.noInvitation')} />
      </Page>
    );
  if (state.kind === 'loading')
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  if (state.kind === 'error')
    return (
      <Page title={title}>
        <ErrorState title={t('signin.failed')} message={t('signin.failedBody')} retry={() => location.reload()} />
      </Page>
    );
  if (state.kind === 'signed-out')
    return (
      <Page title={title}>
        <section className="card" aria-labelledby="join-heading">
          <h2 id="join-heading">{t('join.signInTitle')}</h2>
          <p>{t('join.signInBody')}</p>
          {state.config.oidc ? (
            <button
              type="button"
              onClick={() => oidcSignIn(state.config.oidc!).catch((error: Error) => setState({ kind: 'error', message: error.message }))}
            >
              {t('signin.withProvider')}
            </button>
          ) : (
            <p className="muted">{t('signin.noProvider')}</p>
          )}
        </section>
      </Page>
    );
  if (state.kind === 'joined')
    return (
      <Page title={title}>
        <section className="card" role="status" aria-labelledby="joined-heading">
          <h2 id="joined-heading">{t('join.joinedTitle')}</h2>
          <p>{state.enterprise ? t('join.joined', { enterprise: nameOf(state.enterprise, language) }) : t('join.joinedUnnamed')}</p>
          <a href={state.workspace}>{t('join.openWorkspace')}</a>
        </section>
      </Page>
    );
  return (
    <Page title={title}>
      <section className="card" aria-labelledby="accept-heading">
        <h2 id="accept-heading">{t('join.acceptTitle')}</h2>
        <p>{t('join.acceptBody')}</p>
        {state.refusal ? (
          <div className="state error" role="alert">
            <p>{t(`join.refused.${state.refusal}`)}</p>
          </div>
        ) : null}
        <button type="button" disabled={state.accepting} onClick={() => void accept(state.config, state.session)}>
          {state.accepting ? t('join.accepting') : t('join.accept')}
        </button>
      </section>
    </Page>
  );
}
