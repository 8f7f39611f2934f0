import { useState } from 'react';
import { useI18n } from '../../common/i18n';
import { DelaySettings } from '../DelaySettings';
import { EnterpriseProfile } from './EnterpriseProfile';
import { MaterialSettings } from './MaterialSettings';
import { ResourceSettings } from './ResourceSettings';
import { CalendarSettings } from './CalendarSettings';
import { SpreadsheetImport } from './SpreadsheetImport';
import { useMayUse } from '../../signin/permissions';

/**
 * The studio's settings, one part at a time. Each part shows what the signed-in role may read and
 * offers edits only where its role may make them (useMayUse). Parts whose API is not in the hub yet
 * (members and invitations, suppliers and partners, products and routes) are added here as their
 * own entries when it lands — never shown before then. A part only some roles may use at all
 * (spreadsheet import) is offered to those roles only.
 */
const PARTS = ['profile', 'materials', 'resources', 'calendar', 'import', 'compensation'] as const;
type Part = (typeof PARTS)[number];

/**
 * The spreadsheet route hands each sheet to these mutations under the caller's token
 * (gateway/master-data-import.ts): whoever may use them all may import.
 */
const IMPORT_MUTATIONS = {
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      selectionSet: {
        selections: ['importCatalogue', 'importMaterials', 'importResources'].map((name) => ({ kind: 'Field', name: { value: name } })),
      },
    },
  ],
};

export function SettingsPanel({ studioId, token }: { studioId: string; token: () => string }) {
  const { t } = useI18n();
  const may = useMayUse();
  const [part, setPart] = useState<Part>('profile');
  const offered = PARTS.filter((name) => name !== 'import' || may(IMPORT_MUTATIONS));
  return (
    <div className="settings" data-testid="studio-settings">
      <nav className="tabs subtabs" aria-label={t('settings.parts')}>
        {offered.map((name) => (
          <button key={name} type="button" aria-current={part === name ? 'page' : undefined} onClick={() => setPart(name)}>
            {name === 'compensation' ? t('board.settingsTab') : t(`settings.part.${name}`)}
          </button>
        ))}
      </nav>
      {part === 'profile' ? <EnterpriseProfile enterpriseId={studioId} /> : null}
      {part === 'materials' ? <MaterialSettings studioId={studioId} /> : null}
      {part === 'resources' ? <ResourceSettings studioId={studioId} /> : null}
      {part === 'calendar' ? <CalendarSettings studioId={studioId} /> : null}
      {part === 'import' && offered.includes('import') ? <SpreadsheetImport token={token} /> : null}
      {part === 'compensation' ? <DelaySettings studioId={studioId} /> : null}
    </div>
  );
}
