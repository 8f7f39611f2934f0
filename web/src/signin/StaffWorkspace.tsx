import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { graphqlClient } from '../common/client';
import { nameOf, useI18n } from '../common/i18n';
import { graphql } from '../gql/hub';
import { Page } from '../common/ui';
import { RoleContext } from './permissions';
import type { StaffSession } from './session';

const ENTERPRISE_NAME = graphql(`
  query EnterpriseName($id: ID!) {
    enterprise(id: $id) {
      nameZh
      nameEn
    }
  }
`);

/** Who the signed-in person acts for, by name (the public directory), not by id. */
function useEnterpriseName(org: string | null): { nameZh: string; nameEn: string } | null {
  const [name, setName] = useState<{ nameZh: string; nameEn: string } | null>(null);
  useEffect(() => {
    if (!org) return;
    let cancelled = false;
    void graphqlClient('/graphql', () => null)
      .query(ENTERPRISE_NAME, { id: org })
      .toPromise()
      .then((result) => !cancelled && setName(result.data?.enterprise ?? null));
    return () => {
      cancelled = true;
    };
  }, [org]);
  return name;
}

/** The frame of a signed-in workspace: a client for its endpoint with the session's token, who is signed in, and sign-out. */
export function StaffWorkspace({
  session,
  endpoint,
  title,
  signOut,
  actions,
  children,
}: {
  session: StaffSession;
  endpoint: string;
  title: string;
  signOut: () => void;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t, language } = useI18n();
  const token = useSessionToken(session);
  const enterprise = useEnterpriseName(session.org);
  const client = useMemo(() => graphqlClient(endpoint, token), [endpoint, token]);
  return (
    <Provider value={client}>
      <RoleContext.Provider value={session.role}>
        <Page
          title={title}
          subtitle={[
            t(`role.${session.role}`),
            enterprise ? nameOf(enterprise, language) : session.org,
            session.via === 'demo' ? t('signin.demoBadge') : null,
          ]
            .filter(Boolean)
            .join(' · ')}
          actions={
            <>
              {actions}
              <button type="button" onClick={signOut}>
                {t('signin.signOut')}
              </button>
            </>
          }
        >
          {children}
        </Page>
      </RoleContext.Provider>
    </Provider>
  );
}

/** The session's token for live connections, read when (re)connecting. */
export function useSessionToken(session: StaffSession): () => string {
  const tokenRef = useRef(session.token);
  tokenRef.current = session.token;
  return useCallback(() => tokenRef.current, []);
}
