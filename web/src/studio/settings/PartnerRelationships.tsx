import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { KITCHEN_CAPABILITY_LABELS } from '../../../../contracts/catalogue';
import { hubMessage, idempotencyKey } from '../../common/client';
import { refusalText, refusedInput } from '../../common/hub-message';
import { formatDay, labelOf, nameOf, useI18n } from '../../common/i18n';
import { kitchenCapabilityName, stageCapabilityName } from '../../common/labels';
import { HubRefusal, Loading } from '../../common/ui';
import { graphql } from '../../gql/hub';
import type { StudioPartnerRelationshipsQuery } from '../../gql/hub/graphql';
import { useMayUse } from '../../signin/permissions';
import { STAGE_CODES, WORK_PHASES } from './MaterialSettings';
import { CounterpartPicker } from './CounterpartPicker';
import { RelationshipList, type RelationshipFormProps } from './RelationshipList';

const PARTNER_RELATIONSHIPS = graphql(`
  query StudioPartnerRelationships($studioId: ID!) {
    partnerRelationships(studioId: $studioId) {
      studioId
      partnerId
      stageCodes
      since
      revision
      partner {
        id
        kind
        nameZh
        nameEn
      }
    }
  }
`);

/** The directory's workshops and kitchens, to name one by its name. */
const PARTNER_DIRECTORY = graphql(`
  query PartnerDirectory {
    workshops: enterprises(kind: PARTNER_STUDIO) {
      id
      kind
      nameZh
      nameEn
      status
    }
    kitchens: enterprises(kind: KITCHEN) {
      id
      kind
      nameZh
      nameEn
      status
    }
  }
`);

const SET_PARTNER = graphql(`
  mutation SetPartnerRelationship($studioId: ID!, $input: PartnerRelationshipInput!, $key: String!) {
    setPartnerRelationship(studioId: $studioId, input: $input, idempotencyKey: $key) {
      studioId
      partnerId
      stageCodes
      revision
    }
  }
`);

const END_PARTNER = graphql(`
  mutation EndPartnerRelationship($studioId: ID!, $partnerId: ID!, $key: String!) {
    endPartnerRelationship(studioId: $studioId, partnerId: $partnerId, idempotencyKey: $key) {
      studioId
      partnerId
      endedAt
    }
  }
`);

type Relationship = StudioPartnerRelationshipsQuery['partnerRelationships'][number];

/** The studio's partner workshops and kitchens and the stages each may take; its admin names, changes and ends them. */
export function PartnerRelationships({ studioId }: { studioId: string }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PARTNER_RELATIONSHIPS, variables: { studioId } });
  const [ending, end] = useMutation(END_PARTNER);
  const name = (row: Relationship) => nameOf(row.partner, language);
  const rows = data
    ? [...data.partnerRelationships].sort((a, b) => name(a).localeCompare(name(b), language === 'zh' ? 'zh-CN' : 'en'))
    : null;
  return (
    <RelationshipList
      part="partners"
      rows={rows}
      fetching={fetching}
      error={error}
      reload={() => refetch({ requestPolicy: 'network-only' })}
      idOf={(row) => row.partnerId}
      nameOf={name}
      details={(row) => (
        <>
          <h3>
            {name(row)} {row.partner ? <span className="badge">{t(`enterpriseKind.${row.partner.kind}`)}</span> : null}
          </h3>
          <ul className="tags" aria-label={t('relationships.partners.stages')}>
            {row.stageCodes.map((code) => (
              <li key={code} className="badge">
                {stageCapabilityName(code, language)}
              </li>
            ))}
          </ul>
          <p className="small muted">{t('relationships.since', { day: formatDay(row.since, language) })}</p>
        </>
      )}
      editable={may(SET_PARTNER)}
      form={(row, taken, onDone) => <PartnerForm studioId={studioId} relationship={row} taken={taken} onDone={onDone} />}
      end={async (row) => Boolean((await end({ studioId, partnerId: row.partnerId, key: idempotencyKey('partner-end') })).data)}
      ending={ending}
    />
  );
}

/**
 * Names a workshop or kitchen (from the directory, by name) or changes the stages it may take:
 * the vocabulary's work stages, and for a kitchen its capabilities too, each by its label.
 */
function PartnerForm({ studioId, relationship, taken, onDone }: RelationshipFormProps<Relationship>) {
  const { t, language, exists } = useI18n();
  const id = useId();
  const [state, set] = useMutation(SET_PARTNER);
  const [directory] = useQuery({ query: PARTNER_DIRECTORY, pause: relationship !== null });
  const [vocabulary] = useQuery({ query: STAGE_CODES });
  const key = useRef(idempotencyKey('partner'));
  const [partnerId, setPartnerId] = useState(relationship?.partnerId ?? '');
  const [codes, setCodes] = useState<string[]>(relationship?.stageCodes ?? []);
  const [chosenKind, setKind] = useState<string | undefined>();
  const [local, setLocal] = useState<string | null>(null);
  const refusal = hubMessage(state.error);
  const refused = refusedInput(refusal);
  const kind = relationship?.partner?.kind ?? chosenKind;
  // The stages offered: a kitchen's capabilities first, then the vocabulary's work stages but shipping and
  // delivery (the studio's and its courier's milestones, no work to hand over); a code already granted
  // that neither lists stays, by its name.
  const offered = [
    ...(kind === 'KITCHEN'
      ? Object.keys(KITCHEN_CAPABILITY_LABELS).map((code) => ({ code, label: kitchenCapabilityName(code, language)! }))
      : []),
    ...(vocabulary.data?.statusCodes ?? [])
      .filter((stage) => WORK_PHASES.includes(stage.phase) && stage.phase !== 'LOGISTICS')
      .map((stage) => ({ code: stage.code, label: labelOf(stage, language) })),
  ];
  for (const code of relationship?.stageCodes ?? [])
    if (!offered.some((option) => option.code === code)) offered.push({ code, label: stageCapabilityName(code, language) });
  const name = relationship ? nameOf(relationship.partner, language) : '';
  const title = relationship ? t('relationships.partners.editTitle', { name }) : t('relationships.partners.addTitle');
  const stagesProblem = local
    ? t('relationships.partners.pickStages')
    : refused === 'stageCodes' && refusal
      ? refusalText(refusal, t, exists)
      : null;
  const partnerProblem = refused === 'partnerId' && refusal ? refusalText(refusal, t, exists) : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (codes.length === 0) return setLocal('stageCodes');
    setLocal(null);
    const result = await set({ studioId, key: key.current, input: { partnerId, stageCodes: codes } });
    if (result.data) {
      key.current = idempotencyKey('partner');
      onDone(true);
    }
  };
  return (
    <form className="form subsection" onSubmit={submit} aria-label={title} noValidate data-testid="partner-form">
      <h3>{title}</h3>
      {relationship ? null : (
        <CounterpartPicker
          part="partners"
          directory={[...(directory.data?.workshops ?? []), ...(directory.data?.kitchens ?? [])]}
          loading={directory.fetching && !directory.data}
          taken={taken}
          value={partnerId}
          onChange={(chosen, counterpart) => {
            setPartnerId(chosen);
            setKind(counterpart?.kind);
          }}
          problem={partnerProblem}
        />
      )}
      {partnerId ? (
        <fieldset aria-describedby={stagesProblem ? `${id}-stages-problem` : undefined}>
          <legend>{t('relationships.partners.stages')}</legend>
          {vocabulary.fetching && !vocabulary.data ? <Loading /> : null}
          <div className="choices">
            {offered.map((option) => (
              <label key={option.code} className="inline">
                <input
                  type="checkbox"
                  checked={codes.includes(option.code)}
                  onChange={(event) =>
                    setCodes(event.target.checked ? [...codes, option.code] : codes.filter((code) => code !== option.code))
                  }
                />{' '}
                {option.label}
              </label>
            ))}
          </div>
          {stagesProblem ? (
            <span className="field-problem" id={`${id}-stages-problem`}>
              {stagesProblem}
            </span>
          ) : null}
        </fieldset>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => onDone(false)}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="primary" disabled={state.fetching || !partnerId}>
          {t('settings.save')}
        </button>
      </div>
      <HubRefusal error={refusal && refused !== 'stageCodes' && refused !== 'partnerId' ? refusal : null} />
    </form>
  );
}
