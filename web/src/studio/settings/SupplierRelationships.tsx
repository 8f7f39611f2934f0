import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage, idempotencyKey } from '../../common/client';
import { refusalText, refusedInput } from '../../common/hub-message';
import { contractTerms } from '../../common/contract-terms';
import { formatDay, nameOf, useI18n } from '../../common/i18n';
import { HubRefusal } from '../../common/ui';
import { graphql } from '../../gql/hub';
import type { StudioSupplierRelationshipsQuery, SupplierTier } from '../../gql/hub/graphql';
import { useMayUse } from '../../signin/permissions';
import { CounterpartPicker } from './CounterpartPicker';
import { RelationshipList, type RelationshipFormProps } from './RelationshipList';

const SUPPLIER_RELATIONSHIPS = graphql(`
  query StudioSupplierRelationships($studioId: ID!) {
    supplierRelationships(studioId: $studioId) {
      studioId
      supplierId
      tier
      annualVolumeYuan
      flexibleBandPercent
      since
      revision
      supplier {
        id
        nameZh
        nameEn
      }
    }
  }
`);

/** The directory's suppliers, to name one by its name. */
const SUPPLIER_DIRECTORY = graphql(`
  query SupplierDirectory {
    enterprises(kind: SUPPLIER) {
      id
      nameZh
      nameEn
      status
    }
  }
`);

const SET_SUPPLIER = graphql(`
  mutation SetSupplierRelationship($studioId: ID!, $input: SupplierRelationshipInput!, $key: String!) {
    setSupplierRelationship(studioId: $studioId, input: $input, idempotencyKey: $key) {
      studioId
      supplierId
      tier
      annualVolumeYuan
      flexibleBandPercent
      revision
    }
  }
`);

const END_SUPPLIER = graphql(`
  mutation EndSupplierRelationship($studioId: ID!, $supplierId: ID!, $key: String!) {
    endSupplierRelationship(studioId: $studioId, supplierId: $supplierId, idempotencyKey: $key) {
      studioId
      supplierId
      endedAt
    }
  }
`);

type Relationship = StudioSupplierRelationshipsQuery['supplierRelationships'][number];
/** In the order a studio asks them. */
const SUPPLIER_TIERS: SupplierTier[] = ['PRIMARY', 'SECONDARY', 'EMERGENCY'];

/** The studio's suppliers, each with its tier and a primary's contract; its admin names, changes and ends them. */
export function SupplierRelationships({ studioId }: { studioId: string }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SUPPLIER_RELATIONSHIPS, variables: { studioId } });
  const [ending, end] = useMutation(END_SUPPLIER);
  const name = (row: Relationship) => nameOf(row.supplier, language);
  // In the order the studio asks them, then by name.
  const rows = data
    ? [...data.supplierRelationships].sort(
        (a, b) =>
          SUPPLIER_TIERS.indexOf(a.tier) - SUPPLIER_TIERS.indexOf(b.tier) ||
          name(a).localeCompare(name(b), language === 'zh' ? 'zh-CN' : 'en'),
      )
    : null;
  return (
    <RelationshipList
      part="suppliers"
      rows={rows}
      fetching={fetching}
      error={error}
      reload={() => refetch({ requestPolicy: 'network-only' })}
      idOf={(row) => row.supplierId}
      nameOf={name}
      details={(row) => (
        <>
          <h3>{name(row)}</h3>
          <p className="relationship-line">
            <span className="badge">{t(`relationships.tier.${row.tier}`)}</span>
            {row.tier === 'PRIMARY' ? <span>{contractTerms(row, language, t)}</span> : null}
            <span className="small muted">{t('relationships.since', { day: formatDay(row.since, language) })}</span>
          </p>
        </>
      )}
      editable={may(SET_SUPPLIER)}
      form={(row, taken, onDone) => <SupplierForm studioId={studioId} relationship={row} taken={taken} onDone={onDone} />}
      end={async (row) => Boolean((await end({ studioId, supplierId: row.supplierId, key: idempotencyKey('supplier-end') })).data)}
      ending={ending}
    />
  );
}

/** Names a supplier (from the directory, by name) or changes one's terms: its tier and, for a primary, the contract. */
function SupplierForm({ studioId, relationship, taken, onDone }: RelationshipFormProps<Relationship>) {
  const { t, language, exists } = useI18n();
  const id = useId();
  const [state, set] = useMutation(SET_SUPPLIER);
  const [directory] = useQuery({ query: SUPPLIER_DIRECTORY, pause: relationship !== null });
  const key = useRef(idempotencyKey('supplier'));
  const [supplierId, setSupplierId] = useState(relationship?.supplierId ?? '');
  const [tier, setTier] = useState<SupplierTier>(relationship?.tier ?? 'SECONDARY');
  const [volume, setVolume] = useState(relationship?.annualVolumeYuan?.toString() ?? '');
  const [band, setBand] = useState(relationship?.flexibleBandPercent?.toString() ?? '');
  const [local, setLocal] = useState<{ field: string; reason: string } | null>(null);
  const refusal = hubMessage(state.error);
  // Where the hub's refusal (or this page's own check) is said: beside the input it names.
  const problem = local ?? (refusal ? { field: refusedInput(refusal) ?? '', reason: refusal.reason ?? '' } : null);
  const problemText = (field: string) =>
    problem?.field === field ? refusalText({ code: refusal?.code ?? 'BAD_USER_INPUT', reason: problem.reason }, t, exists) : null;
  const name = relationship ? nameOf(relationship.supplier, language) : '';
  const title = relationship ? t('relationships.suppliers.editTitle', { name }) : t('relationships.suppliers.addTitle');
  const whole = (text: string) => (text.trim() === '' ? null : Number(text));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const primary = tier === 'PRIMARY';
    const annualVolumeYuan = primary ? whole(volume) : null;
    const flexibleBandPercent = primary ? whole(band) : null;
    // An Int the hub cannot even read would be refused without naming its field: say it here, as the hub would.
    if (annualVolumeYuan !== null && !Number.isInteger(annualVolumeYuan))
      return setLocal({ field: 'annualVolumeYuan', reason: 'VOLUME_OUT_OF_RANGE' });
    if (flexibleBandPercent !== null && !Number.isInteger(flexibleBandPercent))
      return setLocal({ field: 'flexibleBandPercent', reason: 'BAND_OUT_OF_RANGE' });
    setLocal(null);
    const result = await set({
      studioId,
      key: key.current,
      input: { supplierId, tier, ...(primary ? { annualVolumeYuan, flexibleBandPercent } : {}) },
    });
    if (result.data) {
      key.current = idempotencyKey('supplier');
      onDone(true);
    }
  };

  const described = (field: string, hint?: boolean) =>
    [hint ? `${id}-${field}-hint` : null, problemText(field) ? `${id}-${field}-problem` : null].filter(Boolean).join(' ') || undefined;
  const said = (field: string) => {
    const text = problemText(field);
    return text ? (
      <span className="field-problem" id={`${id}-${field}-problem`}>
        {text}
      </span>
    ) : null;
  };
  return (
    <form className="form subsection" onSubmit={submit} aria-label={title} noValidate data-testid="supplier-form">
      <h3>{title}</h3>
      {relationship ? null : (
        <CounterpartPicker
          part="suppliers"
          directory={directory.data?.enterprises ?? []}
          loading={directory.fetching && !directory.data}
          taken={taken}
          value={supplierId}
          onChange={setSupplierId}
          problem={problemText('supplierId')}
        />
      )}
      <label>
        {t('relationships.suppliers.tier')}
        <select value={tier} onChange={(event) => setTier(event.target.value as SupplierTier)}>
          {SUPPLIER_TIERS.map((option) => (
            <option key={option} value={option}>
              {t(`relationships.tier.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {tier === 'PRIMARY' ? (
        <>
          <label>
            {t('relationships.suppliers.volume')}
            <input
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={volume}
              onChange={(event) => setVolume(event.target.value)}
              aria-invalid={problemText('annualVolumeYuan') ? true : undefined}
              aria-describedby={described('annualVolumeYuan', true)}
            />
            <span className="small muted" id={`${id}-annualVolumeYuan-hint`}>
              {t('relationships.suppliers.volumeHint')}
            </span>
            {said('annualVolumeYuan')}
          </label>
          <label>
            {t('relationships.suppliers.band')}
            <input
              type="number"
              inputMode="numeric"
              min={0}
              max={30}
              step={1}
              value={band}
              onChange={(event) => setBand(event.target.value)}
              aria-invalid={problemText('flexibleBandPercent') ? true : undefined}
              aria-describedby={described('flexibleBandPercent', true)}
            />
            <span className="small muted" id={`${id}-flexibleBandPercent-hint`}>
              {t('relationships.suppliers.bandHint')}
            </span>
            {said('flexibleBandPercent')}
          </label>
        </>
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => onDone(false)}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="primary" disabled={state.fetching || (!relationship && !supplierId)}>
          {t('settings.save')}
        </button>
      </div>
      {/* A refusal that names none of these inputs is said under the form. */}
      <HubRefusal
        error={refusal && !['supplierId', 'annualVolumeYuan', 'flexibleBandPercent'].includes(problem?.field ?? '') ? refusal : null}
      />
    </form>
  );
}
