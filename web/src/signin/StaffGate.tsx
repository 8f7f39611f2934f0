import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { Provider, useQuery } from 'urql';
import { STUDIO_STAFF } from '../../../contracts/identity';
import { graphqlClient } from '../common/client';
import { nameOf, useI18n } from '../common/i18n';
import { ErrorState, HubErrorState, Loading, Page, SupportCode } from '../common/ui';
import { graphql } from '../gql/hub';
import {
  appConfig,
  completeOidcSignIn,
  demoSignIn,
  oidcSignIn,
  renewSession,
  RENEW_BEFORE_MS,
  signOut,
  storedSession,
  type AppConfig,
  type StaffSession,
  type Workspace,
} from './session';

const DIRECTORY = graphql(`
  query Directory {
    enterprises {
      id
      kind
      nameZh
      nameEn
    }
  }
`);

/** Who signs in where (the hub's roles) and which enterprises they act for. */
const WORKSPACES: Record<Workspace, { roles: string[]; kinds: string[] }> = {
  studio: { roles: [...STUDIO_STAFF], kinds: ['STUDIO'] },
  partner: { roles: ['PARTNER', 'KITCHEN'], kinds: ['PARTNER_STUDIO', 'KITCHEN'] },
  supplier: { roles: ['SUPPLIER'], kinds: ['SUPPLIER'] },
  // Anyone signed in for an enterprise may apply for another to join (the hub's applyForEnterprise).
  register: {
    roles: ['STUDIO_ADMIN', 'SUPERVISOR', 'OPERATOR', 'PARTNER', 'SUPPLIER', 'KITCHEN'],
    kinds: ['STUDIO', 'PARTNER_STUDIO', 'SUPPLIER', 'KITCHEN'],
  },
  // Hub admins act for the hub, not for an enterprise.
  admin: { roles: ['HUB_ADMIN'], kinds: [] },
};

type Gate =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'signed-out'; config: AppConfig }
  | { kind: 'signed-in'; session: StaffSession };

/** Shows the workspace once someone is signed in; until then, the ways to sign in this hub offers. */
export function StaffGate({
  workspace,
  title,
  children,
}: {
  workspace: Workspace;
  title: string;
  children: (session: StaffSession, signOut: () => void) => ReactNode;
}) {
  const [gate, setGate] = useState<Gate>({ kind: 'loading' });
  const { t } = useI18n();

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const config = await appConfig();
      const returning = config.oidc ? await completeOidcSignIn(config.oidc) : null;
      const session = returning ?? storedSession();
      if (!cancelled) setGate(session ? { kind: 'signed-in', session } : { kind: 'signed-out', config });
    })().catch((error: Error) => !cancelled && setGate({ kind: 'error', message: error.message }));
    return () => {
      cancelled = true;
    };
  }, []);

  const leave = () => {
    signOut();
    void appConfig().then((config) => setGate({ kind: 'signed-out', config }));
  };

  // An exchanged token is renewed a minute before it expires (the membership may have changed
  // meanwhile); any other session ends when its token does: back to sign-in rather than a page of refusals.
  const session = gate.kind === 'signed-in' ? gate.session : null;
  const expiresAt = session ? Date.parse(session.expiresAt) : null;
  useEffect(() => {
    if (!session || expiresAt === null) return;
    const renew = async () => {
      const config = await appConfig();
      const renewed = config.oidc ? await renewSession(config.oidc, session).catch(() => null) : null;
      if (renewed) setGate({ kind: 'signed-in', session: renewed });
      else leave();
    };
    const wait = expiresAt - Date.now() - (session.exchanged ? RENEW_BEFORE_MS : 10_000);
    const timer = setTimeout(() => void renew(), Math.min(2 ** 31 - 1, Math.max(0, wait)));
    return () => clearTimeout(timer);
  }, [session, expiresAt]);

  if (gate.kind === 'loading')
    return (
      <Page title={title}>
        <Loading />
      </Page>
    );
  if (gate.kind === 'error')
    return (
      <Page title={title}>
        <ErrorState title={t('signin.failed')} message={t('signin.failedBody')} retry={() => location.reload()}>
          <SupportCode error={{ code: 'SIGN_IN', message: gate.message }} />
        </ErrorState>
      </Page>
    );
  if (gate.kind === 'signed-in') {
    if (gate.session.newcomer) {
      return (
        <Page title={title}>
          <ErrorState title={t('signin.notMemberTitle')} message={t('signin.notMember')} retry={leave} />
        </Page>
      );
    }
    if (!WORKSPACES[workspace].roles.includes(gate.session.role)) {
      return (
        <Page title={title}>
          <ErrorState
            title={t('signin.wrongRoleTitle')}
            message={t('signin.wrongRole', { role: t(`role.${gate.session.role}`) })}
            retry={leave}
          />
        </Page>
      );
    }
    return <>{children(gate.session, leave)}</>;
  }
  return (
    <SignIn workspace={workspace} title={title} config={gate.config} onSignedIn={(session) => setGate({ kind: 'signed-in', session })} />
  );
}

function SignIn({
  workspace,
  title,
  config,
  onSignedIn,
}: {
  workspace: Workspace;
  title: string;
  config: AppConfig;
  onSignedIn: (session: StaffSession) => void;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  return (
    <Page title={title}>
      <div className="signin">
        <section className="card" aria-labelledby="signin-heading">
          <h2 id="signin-heading">{t('signin.title')}</h2>
          {config.oidc ? (
            <button
              type="button"
              className="primary"
              onClick={() => oidcSignIn(config.oidc!).catch((failure: Error) => setError(failure.message))}
            >
              {t('signin.withProvider')}
            </button>
          ) : (
            <p className="muted">{t('signin.noProvider')}</p>
          )}
          {error ? (
            <div role="alert" className="refusal" data-detail={error}>
              <p>{t('signin.failedBody')}</p>
            </div>
          ) : null}
        </section>
        {config.demoSignIn ? <DemoPicker workspace={workspace} onSignedIn={onSignedIn} /> : null}
      </div>
    </Page>
  );
}

function DemoPicker({ workspace, onSignedIn }: { workspace: Workspace; onSignedIn: (session: StaffSession) => void }) {
  const { t, language } = useI18n();
  const client = useMemo(() => graphqlClient('/graphql', () => null), []);
  return (
    <Provider value={client}>
      <section className="card demo" aria-labelledby="demo-heading">
        <h2 id="demo-heading">
          <span className="badge demo-badge">{t('signin.demoBadge')}</span> {t('signin.demoTitle')}
        </h2>
        <p className="muted">{t('signin.demoBody')}</p>
        <DemoForm workspace={workspace} language={language} onSignedIn={onSignedIn} />
      </section>
    </Provider>
  );
}

function DemoForm({
  workspace,
  language,
  onSignedIn,
}: {
  workspace: Workspace;
  language: 'zh' | 'en';
  onSignedIn: (session: StaffSession) => void;
}) {
  const { t } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: DIRECTORY });
  const { roles, kinds } = WORKSPACES[workspace];
  const enterprises = (data?.enterprises ?? []).filter((enterprise) => kinds.includes(enterprise.kind));
  const [role, setRole] = useState(roles[0]);
  const [org, setOrg] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    if (!org && enterprises.length > 0) setOrg(enterprises[0].id);
  }, [enterprises, org]);
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} />;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onSignedIn(await demoSignIn(role, org));
    } catch (problem) {
      setFailure((problem as Error).message);
    }
  };
  return (
    <form className="form" onSubmit={submit}>
      <label>
        {t('signin.role')}
        <select value={role} onChange={(event) => setRole(event.target.value)}>
          {roles.map((option) => (
            <option key={option} value={option}>
              {t(`role.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {kinds.length > 0 ? (
        <label>
          {t('signin.enterprise')}
          <select value={org} onChange={(event) => setOrg(event.target.value)}>
            {enterprises.map((enterprise) => (
              <option key={enterprise.id} value={enterprise.id}>
                {nameOf(enterprise, language)}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <button type="submit" className="primary">
        {t('signin.demoSubmit')}
      </button>
      {failure ? (
        <div role="alert" className="refusal" data-detail={failure}>
          <p>{t('signin.failedBody')}</p>
        </div>
      ) : null}
    </form>
  );
}
