import { useState } from 'react';
import { useI18n } from '../../common/i18n';
import { DelaySettings } from '../DelaySettings';
import { EnterpriseProfile } from './EnterpriseProfile';
import { MaterialSettings } from './MaterialSettings';
import { ResourceSettings } from './ResourceSettings';
import { CalendarSettings } from './CalendarSettings';

/**
 * The studio's settings, one part at a time. Each part shows what the signed-in role may read and
 * offers edits only where its role may make them (useMayUse). Parts whose API is not in the hub yet
 * (members and invitations, suppliers and partners, products and routes, spreadsheet import) are
 * added here as their own entries when it lands — never shown before then.
 */
const PARTS = ['profile', 'materials', 'resources', 'calendar', 'compensation'] as const;
type Part = (typeof PARTS)[number];

export function SettingsPanel({ studioId }: { studioId: string }) {
  const { t } = useI18n();
  const [part, setPart] = useState<Part>('profile');
  return (
    <div className="settings" data-testid="studio-settings">
      <nav className="tabs subtabs" aria-label={t('settings.parts')}>
        {PARTS.map((name) => (
          <button key={name} type="button" aria-current={part === name ? 'page' : undefined} onClick={() => setPart(name)}>
            {name === 'compensation' ? t('board.settingsTab') : t(`settings.part.${name}`)}
          </button>
        ))}
      </nav>
      {part === 'profile' ? <EnterpriseProfile enterpriseId={studioId} /> : null}
      {part === 'materials' ? <MaterialSettings studioId={studioId} /> : null}
      {part === 'resources' ? <ResourceSettings studioId={studioId} /> : null}
      {part === 'calendar' ? <CalendarSettings studioId={studioId} /> : null}
      {part === 'compensation' ? <DelaySettings studioId={studioId} /> : null}
    </div>
  );
}
