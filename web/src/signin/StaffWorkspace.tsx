import { useCallback, useMemo, useRef, type ReactNode } from 'react';
import { Provider } from 'urql';
import { graphqlClient } from '../common/client';
import { useI18n } from '../common/i18n';
import { Page } from '../common/ui';
import type { StaffSession } from './session';

/** The frame of a signed-in workspace: a client for its endpoint with the session's token, who is signed in, and sign-out. */
export function StaffWorkspace({ session, endpoint, title, signOut, actions, children }: { session: StaffSession; endpoint: string; title: string; signOut: () => void; actions?: ReactNode; children: ReactNode }) {
  const { t } = useI18n();
  const token = useSessionToken(session);
  const client = useMemo(() => graphqlClient(endpoint, token), [endpoint, token]);
  return (
    <Provider value={client}>
      <Page
        title={title}
        subtitle={`${t(`role.${session.role}`)} · ${session.org ?? ''}${session.via === 'demo' ? ` · ${t('signin.demoBadge')}` : ''}`}
        actions={
          <>
            {actions}
            <button type="button" onClick={signOut}>{t('signin.signOut')}</button>
          </>
        }
      >
        {children}
      </Page>
    </Provider>
  );
}

/** The session's token for live connections, read when (re)connecting. */
export function useSessionToken(session: StaffSession): () => string {
  const tokenRef = useRef(session.token);
  tokenRef.current = session.token;
  return useCallback(() => tokenRef.current, []);
}
