import { useState } from 'react';
import { useI18n } from '../common/i18n';
import { LiveIndicator } from '../common/ui';
import { useOrderInAddress } from '../common/order-in-address';
import { StaffGate } from '../signin/StaffGate';
import { StaffWorkspace, useSessionToken } from '../signin/StaffWorkspace';
import type { StaffSession } from '../signin/session';
import { AlertsPanel } from './AlertsPanel';
import { MaterialsPanel } from './MaterialsPanel';
import { OverflowPanel } from './OverflowPanel';
import { Board } from './Board';
import { OrderDetail } from './OrderDetail';
import { OrderSearch } from './OrderSearch';
import { useStudioVersion } from './refresh';
import { SettingsPanel } from './settings/SettingsPanel';

type Tab = 'board' | 'alerts' | 'materials' | 'overflow' | 'settings';
const TABS: Tab[] = ['board', 'alerts', 'materials', 'overflow', 'settings'];

export default function StudioPage() {
  const { t } = useI18n();
  return (
    <StaffGate workspace="studio" title={t('studio.title')}>
      {(session, signOut) => <Console session={session} signOut={signOut} />}
    </StaffGate>
  );
}

function Console({ session, signOut }: { session: StaffSession; signOut: () => void }) {
  const { t } = useI18n();
  const token = useSessionToken(session);
  const [tab, setTab] = useState<Tab>('board');
  const [selected, select] = useOrderInAddress();
  const studioId = session.org!;
  // Every studio event refreshes what is on screen (coalesced: a burst is one refresh).
  const { version, live } = useStudioVersion(studioId, token);

  return (
    <StaffWorkspace
      session={session}
      endpoint="/graphql"
      title={t('studio.title')}
      signOut={signOut}
      actions={
        <>
          <LiveIndicator state={live} />
          <a href="/stages">{t('workstation.myStages')}</a>
        </>
      }
    >
      <nav className="tabs" aria-label={t('studio.sections')}>
        {TABS.map((name) => (
          <button key={name} type="button" aria-current={tab === name ? 'page' : undefined} onClick={() => setTab(name)}>
            {name === 'settings' ? t('settings.tab') : t(`studio.tab.${name}`)}
          </button>
        ))}
      </nav>
      <div className={selected ? 'console with-detail' : 'console'}>
        <div className="console-main">
          {tab === 'board' ? (
            <>
              <OrderSearch studioId={studioId} version={version} onOpen={select} />
              <Board studioId={studioId} version={version} onOpen={select} />
            </>
          ) : null}
          {tab === 'alerts' ? <AlertsPanel studioId={studioId} version={version} onOpen={select} /> : null}
          {tab === 'materials' ? <MaterialsPanel studioId={studioId} version={version} /> : null}
          {tab === 'overflow' ? <OverflowPanel studioId={studioId} version={version} /> : null}
          {tab === 'settings' ? <SettingsPanel studioId={studioId} token={token} manageMembers={session.role === 'STUDIO_ADMIN'} /> : null}
        </div>
        {selected ? <OrderDetail orderId={selected} version={version} onClose={() => select(null)} /> : null}
      </div>
    </StaffWorkspace>
  );
}
