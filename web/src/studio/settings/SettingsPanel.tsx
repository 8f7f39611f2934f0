import { useState } from 'react';
import { useI18n } from '../../common/i18n';
import { useMayUse } from '../../signin/permissions';
import { DelaySettings } from '../DelaySettings';
import { MembersPanel } from '../MembersPanel';
import { EnterpriseProfile } from './EnterpriseProfile';
import { MaterialSettings } from './MaterialSettings';
import { ResourceSettings } from './ResourceSettings';
import { CalendarSettings } from './CalendarSettings';
import { RelationshipSettings } from './RelationshipSettings';
import { SpreadsheetImport } from './SpreadsheetImport';
import { CatalogueSettings } from './CatalogueSettings';

/**
 * The studio's settings, one part at a time. Each part shows what the signed-in role may read and
 * offers edits only where its role may make them (useMayUse). A part only some roles may use at all (members, spreadsheet
 * import) is offered to those roles only.
 */
const PARTS = ['profile', 'members', 'catalogue', 'relationships', 'materials', 'resources', 'calendar', 'import', 'compensation'] as const;
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

/**
 * `manageMembers`: the studio's admin, who alone sees and manages its members and invitations.
 * `token`: the staff token, for the spreadsheet route (plain HTTP, not the GraphQL client).
 */
export function SettingsPanel({
  studioId,
  token,
  manageMembers = false,
}: {
  studioId: string;
  token: () => string;
  manageMembers?: boolean;
}) {
  const { t } = useI18n();
  const may = useMayUse();
  const [part, setPart] = useState<Part>('profile');
  const offered = PARTS.filter((name) => (name !== 'members' || manageMembers) && (name !== 'import' || may(IMPORT_MUTATIONS)));
  return (
    <div className="settings" data-testid="studio-settings">
      <nav className="tabs subtabs" aria-label={t('settings.parts')}>
        {offered.map((name) => (
          <button key={name} type="button" aria-current={part === name ? 'page' : undefined} onClick={() => setPart(name)}>
            {name === 'compensation' ? t('board.settingsTab') : name === 'catalogue' ? t('catalogue.tab') : t(`settings.part.${name}`)}
          </button>
        ))}
      </nav>
      {part === 'profile' ? <EnterpriseProfile enterpriseId={studioId} /> : null}
      {part === 'members' && manageMembers ? <MembersPanel studioId={studioId} /> : null}
      {part === 'catalogue' ? <CatalogueSettings studioId={studioId} /> : null}
      {part === 'relationships' ? <RelationshipSettings studioId={studioId} /> : null}
      {part === 'materials' ? <MaterialSettings studioId={studioId} /> : null}
      {part === 'resources' ? <ResourceSettings studioId={studioId} /> : null}
      {part === 'calendar' ? <CalendarSettings studioId={studioId} /> : null}
      {part === 'import' && offered.includes('import') ? <SpreadsheetImport token={token} /> : null}
      {part === 'compensation' ? <DelaySettings studioId={studioId} /> : null}
    </div>
  );
}
