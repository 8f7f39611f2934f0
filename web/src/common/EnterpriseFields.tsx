import { useId, type ReactNode } from 'react';
import { isGln } from '../../../contracts/epcis';
import { ENTERPRISE_ID_PATTERN } from '../../../contracts/enterprise';
import type { HubMessage } from './hub-message';
import { useI18n } from './i18n';
import { REGION_CODES, regionName } from './regions';

/** An enterprise's directory entry as a form edits it (registration adds its id and kind). */
export interface EnterpriseDraft {
  id: string;
  kind: string;
  nameZh: string;
  nameEn: string;
  region: string;
  gln: string;
}
export type EnterpriseField = keyof EnterpriseDraft;
const FIELDS: readonly EnterpriseField[] = ['id', 'kind', 'nameZh', 'nameEn', 'region', 'gln'];

/** What is wrong with each field, checked here as the hub will (the hub checks again). */
export function draftProblems(draft: EnterpriseDraft, fields: readonly EnterpriseField[]): Partial<Record<EnterpriseField, string>> {
  const problems: Partial<Record<EnterpriseField, string>> = {};
  const has = (field: EnterpriseField) => fields.includes(field);
  if (has('id') && !(draft.id.length >= 2 && draft.id.length <= 80 && ENTERPRISE_ID_PATTERN.test(draft.id))) problems.id = 'id';
  if (has('nameZh') && !(draft.nameZh.trim().length >= 1 && draft.nameZh.length <= 200)) problems.nameZh = 'nameZh';
  if (has('nameEn') && !(draft.nameEn.trim().length >= 1 && draft.nameEn.length <= 200)) problems.nameEn = 'nameEn';
  if (has('region') && !/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/.test(draft.region)) problems.region = 'region';
  if (has('gln') && draft.gln !== '' && !isGln(draft.gln)) problems.gln = 'gln';
  return problems;
}

/**
 * The field a hub refusal names (`extensions.field`, e.g. `input.gln`; a refused argument's
 * message begins with the field's name), so the page can say it beside that field.
 */
export function refusedField(error: HubMessage | null): EnterpriseField | null {
  if (!error) return null;
  const named = error.field?.split('.').pop() ?? error.message.split(/\s/)[0];
  return (FIELDS as readonly string[]).includes(named) ? (named as EnterpriseField) : null;
}

/** Names, region and GLN (and, for a registration, the id), each with its problem beside it. */
export function EnterpriseFields({
  draft,
  onChange,
  problems,
  withId,
}: {
  draft: EnterpriseDraft;
  onChange: (draft: EnterpriseDraft) => void;
  problems: Partial<Record<EnterpriseField, string>>;
  withId: boolean;
}) {
  const { t, language } = useI18n();
  const id = useId();
  const field = (name: EnterpriseField, input: (props: Record<string, unknown>) => ReactNode, hint?: string) => {
    const problem = problems[name];
    const describedBy = [hint ? `${id}-${name}-hint` : null, problem ? `${id}-${name}-problem` : null].filter(Boolean).join(' ');
    return (
      <label key={name}>
        {t(`enterpriseForm.${name}`)}
        {input({
          'aria-invalid': problem ? true : undefined,
          'aria-describedby': describedBy || undefined,
          name,
        })}
        {hint ? (
          <span className="small muted" id={`${id}-${name}-hint`}>
            {hint}
          </span>
        ) : null}
        {problem ? (
          <span className="field-problem" id={`${id}-${name}-problem`}>
            {t(`enterpriseForm.problem.${name}`)}
          </span>
        ) : null}
      </label>
    );
  };
  const set = (name: EnterpriseField) => (event: { target: { value: string } }) => onChange({ ...draft, [name]: event.target.value });
  return (
    <>
      {withId
        ? field(
            'id',
            (props) => <input {...props} value={draft.id} onChange={set('id')} maxLength={80} required lang="en" />,
            t('enterpriseForm.idHint'),
          )
        : null}
      {field('nameZh', (props) => (
        <input {...props} value={draft.nameZh} onChange={set('nameZh')} maxLength={200} required lang="zh-CN" />
      ))}
      {field('nameEn', (props) => (
        <input {...props} value={draft.nameEn} onChange={set('nameEn')} maxLength={200} required lang="en" />
      ))}
      {field('region', (props) => (
        <select {...props} value={draft.region} onChange={set('region')} required>
          <option value="">{t('enterpriseForm.chooseRegion')}</option>
          {(REGION_CODES.includes(draft.region) || !draft.region ? REGION_CODES : [draft.region, ...REGION_CODES]).map((code) => (
            <option key={code} value={code}>
              {regionName(code, language)}
            </option>
          ))}
        </select>
      ))}
      {field(
        'gln',
        (props) => (
          <input {...props} value={draft.gln} onChange={set('gln')} inputMode="numeric" maxLength={13} />
        ),
        t('enterpriseForm.glnHint'),
      )}
    </>
  );
}
