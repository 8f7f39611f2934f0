import { useState } from 'react';
import { useI18n } from '../../common/i18n';
import { DelaySettings } from '../DelaySettings';
import { MembersPanel } from '../MembersPanel';
import { EnterpriseProfile } from './EnterpriseProfile';
import { MaterialSettings } from './MaterialSettings';
import { ResourceSettings } from './ResourceSettings';
import { CalendarSettings } from './CalendarSettings';

/**
 * The studio's settings, one part at a time. Each part shows what the signed-in role may read and
 * offers edits only where its role may make them (useMayUse). Parts whose API is not in the hub yet
 * (suppliers and partners, products and routes, spreadsheet import) are
 * added here as their own entries when it lands — never shown before then.
 */
const PARTS = ['profile', 'members', 'materials', 'resources', 'calendar', 'compensation'] as const;
type Part = (typeof PARTS)[number];

/** `manageMembers`: the studio's admin, who alone sees and manages its members and invitations. */
export function SettingsPanel({ studioId, manageMembers = false }: { studioId: string; manageMembers?: boolean }) {
  const { t } = useI18n();
  const [part, setPart] = useState<Part>('profile');
  return (
    <div className="settings" data-testid="studio-settings">
      <nav className="tabs subtabs" aria-label={t('settings.parts')}>
        {PARTS.filter((name) => name !== 'members' || manageMembers).map((name) => (
          <button key={name} type="button" aria-current={part === name ? 'page' : undefined} onClick={() => setPart(name)}>
            {name === 'compensation' ? t('board.settingsTab') : t(`settings.part.${name}`)}
          </button>
        ))}
      </nav>
      {part === 'profile' ? <EnterpriseProfile enterpriseId={studioId} /> : null}
      {part === 'members' && manageMembers ? <MembersPanel studioId={studioId} /> : null}
      {part === 'materials' ? <MaterialSettings studioId={studioId} /> : null}
      {part === 'resources' ? <ResourceSettings studioId={studioId} /> : null}
      {part === 'calendar' ? <CalendarSettings studioId={studioId} /> : null}
      {part === 'compensation' ? <DelaySettings studioId={studioId} /> : null}
    </div>
  );
}
