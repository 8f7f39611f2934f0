import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { PRODUCT_CODE_LABELS, UNIT_LABELS } from '../../../../contracts/catalogue';
import { ConfirmButton } from '../../common/Confirm';
import { hubMessage, idempotencyKey } from '../../common/client';
import { formatMoney, labelOf, useI18n, type Language } from '../../common/i18n';
import { productCodeName, unitName } from '../../common/labels';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../../common/ui';
import { graphql } from '../../gql/hub';
import type { AbcClass, StockingPolicy, StudioMaterialPageQuery } from '../../gql/hub/graphql';
import { useMayUse } from '../../signin/permissions';

const PAGE_SIZE = 50;

const MATERIAL_PAGE = graphql(`
  query StudioMaterialPage($studioId: ID!, $search: String, $first: Int, $after: String) {
    studioMaterials(studioId: $studioId, search: $search, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        sku
        nameZh
        nameEn
        unit
        abcClass
        unitCostCents
        safetyStock
        stockingPolicy
        substitutes {
          sku
          ratio
        }
        revision
      }
    }
  }
`);

const SAFETY_SUGGESTION = graphql(`
  query SafetyStockSuggestion($studioId: ID!, $sku: String!) {
    safetyStockSuggestion(studioId: $studioId, sku: $sku) {
      sku
      current
      suggested
      windowDays
      meanDailyConsumption
      leadTimeDays
      z
    }
  }
`);

const UPSERT_MATERIAL = graphql(`
  mutation UpsertMaterial($studioId: ID!, $input: MaterialInput!, $key: String!) {
    upsertMaterial(studioId: $studioId, input: $input, idempotencyKey: $key) {
      sku
      nameZh
      nameEn
      unit
      abcClass
      unitCostCents
      safetyStock
      stockingPolicy
      revision
    }
  }
`);

const ACCEPT_SUGGESTION = graphql(`
  mutation AcceptSafetyStockSuggestion($studioId: ID!, $sku: String!, $key: String!) {
    acceptSafetyStockSuggestion(studioId: $studioId, sku: $sku, idempotencyKey: $key) {
      sku
      safetyStock
      revision
    }
  }
`);

const RETIRE_MATERIAL = graphql(`
  mutation RetireMaterial($studioId: ID!, $sku: String!, $key: String!) {
    retireMaterial(studioId: $studioId, sku: $sku, idempotencyKey: $key) {
      sku
      retiredAt
    }
  }
`);

const PRODUCT_BOM = graphql(`
  query ProductBillOfMaterials($studioId: ID!, $productCode: String!) {
    productBillOfMaterials(studioId: $studioId, productCode: $productCode) {
      productCode
      version
      lines {
        sku
        quantityPerUnit
        stageCode
      }
    }
  }
`);

const SET_BOM = graphql(`
  mutation SetBillOfMaterials($studioId: ID!, $productCode: String!, $lines: [BomLineInput!]!, $key: String!) {
    setBillOfMaterials(studioId: $studioId, productCode: $productCode, lines: $lines, idempotencyKey: $key) {
      productCode
      version
      lines {
        sku
        quantityPerUnit
        stageCode
      }
    }
  }
`);

/** The stages a bill may name: the vocabulary's codes with their labels. */
export const STAGE_CODES = graphql(`
  query SettingsStageCodes {
    statusCodes {
      code
      phase
      labelZh
      labelEn
    }
  }
`);

type Material = StudioMaterialPageQuery['studioMaterials']['nodes'][number];
const ABC: AbcClass[] = ['A', 'B', 'C'];
const POLICIES: StockingPolicy[] = ['STOCKED', 'MADE_TO_ORDER'];
const UNITS = Object.keys(UNIT_LABELS).filter((unit) => /^[a-z]+$/.test(unit));
/** Stages that consume material: not the order's bookkeeping ones. */
export const WORK_PHASES = ['DESIGN', 'MATERIAL', 'PRODUCTION', 'QUALITY', 'LOGISTICS'];

export const materialLabel = (material: { nameZh: string; nameEn: string }, language: Language) =>
  language === 'zh' ? material.nameZh : material.nameEn;

export function MaterialSettings({ studioId }: { studioId: string }) {
  const { t } = useI18n();
  return (
    <>
      <Section title={t('settings.materials.title')} id="settings-materials">
        <p className="muted">{t('settings.materials.intro')}</p>
        <MaterialList studioId={studioId} />
      </Section>
      <Section title={t('settings.bom.title')} id="settings-bom">
        <p className="muted">{t('settings.bom.intro')}</p>
        <BillOfMaterials studioId={studioId} />
      </Section>
    </>
  );
}

function MaterialList({ studioId }: { studioId: string }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [search, setSearch] = useState('');
  const [asked, setAsked] = useState('');
  // The cursors of the pages read so far: the last is the page shown.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: MATERIAL_PAGE,
    variables: { studioId, search: asked || null, first: PAGE_SIZE, after: cursors[cursors.length - 1] },
  });
  const editable = may(UPSERT_MATERIAL);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={reload} />;
  const page = data!.studioMaterials;
  return (
    <>
      <form
        className="row filters"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setAsked(search.trim().slice(0, 60));
          setCursors([null]);
        }}
      >
        <label>
          {t('settings.materials.search')}
          <input type="search" value={search} maxLength={60} onChange={(event) => setSearch(event.target.value)} />
        </label>
        <button type="submit">{t('settings.materials.find')}</button>
      </form>
      {editable && !adding ? (
        <button type="button" onClick={() => setAdding(true)}>
          {t('settings.materials.add')}
        </button>
      ) : null}
      {adding ? (
        <MaterialForm
          studioId={studioId}
          material={null}
          onDone={(saved) => {
            setAdding(false);
            if (saved) reload();
          }}
        />
      ) : null}
      {page.nodes.length === 0 ? (
        <Empty>{asked ? t('settings.materials.noMatch') : t('settings.materials.none')}</Empty>
      ) : (
        <>
          <p className="small muted" role="status">
            {t('settings.materials.count', { count: page.totalCount })}
          </p>
          <div className="table-wrap">
            <table className="material-table" data-testid="material-list">
              <thead>
                <tr>
                  <th scope="col">{t('settings.materials.name')}</th>
                  <th scope="col">{t('settings.materials.abc')}</th>
                  <th scope="col">{t('settings.materials.policy')}</th>
                  <th scope="col">{t('settings.materials.safetyStock')}</th>
                  <th scope="col">{t('settings.materials.unitCost')}</th>
                  {editable ? <th scope="col">{t('settings.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {page.nodes.map((material) => (
                  <MaterialRow
                    key={material.sku}
                    studioId={studioId}
                    material={material}
                    editable={editable}
                    editing={editing === material.sku}
                    onEdit={() => setEditing(editing === material.sku ? null : material.sku)}
                    onDone={(saved) => {
                      setEditing(null);
                      if (saved) reload();
                    }}
                    language={language}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <div className="button-row">
            {cursors.length > 1 ? (
              <button type="button" onClick={() => setCursors(cursors.slice(0, -1))} disabled={fetching}>
                {t('settings.materials.previous')}
              </button>
            ) : null}
            {page.pageInfo.hasNextPage ? (
              <button type="button" onClick={() => setCursors([...cursors, page.pageInfo.endCursor ?? null])} disabled={fetching}>
                {t('settings.materials.next')}
              </button>
            ) : null}
          </div>
        </>
      )}
    </>
  );
}

function MaterialRow({
  studioId,
  material,
  editable,
  editing,
  onEdit,
  onDone,
  language,
}: {
  studioId: string;
  material: Material;
  editable: boolean;
  editing: boolean;
  onEdit: () => void;
  onDone: (saved: boolean) => void;
  language: Language;
}) {
  const { t } = useI18n();
  const name = materialLabel(material, language);
  return (
    <>
      <tr data-sku={material.sku}>
        <th scope="row">{name}</th>
        <td>{t(`settings.materials.abcShort.${material.abcClass}`)}</td>
        <td>{t(`settings.materials.stockingPolicy.${material.stockingPolicy}`)}</td>
        <td>
          {material.stockingPolicy === 'STOCKED'
            ? `${new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB').format(material.safetyStock ?? 0)} ${unitName(material.unit, language)}`
            : t('settings.materials.noSafetyStock')}
        </td>
        <td>
          {t('settings.materials.perUnit', {
            cost: formatMoney(material.unitCostCents, language),
            unit: unitName(material.unit, language),
          })}
        </td>
        {editable ? (
          <td>
            <button type="button" aria-expanded={editing} onClick={onEdit} aria-label={t('settings.materials.editOne', { name })}>
              {t('settings.edit')}
            </button>
          </td>
        ) : null}
      </tr>
      {editing ? (
        <tr>
          <td colSpan={6}>
            <MaterialForm studioId={studioId} material={material} onDone={onDone} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** A material's terms: a new one (with its SKU, names and unit) or an existing one's. */
function MaterialForm({ studioId, material, onDone }: { studioId: string; material: Material | null; onDone: (saved: boolean) => void }) {
  const { t, language } = useI18n();
  const [state, upsert] = useMutation(UPSERT_MATERIAL);
  const [retired, retire] = useMutation(RETIRE_MATERIAL);
  const key = useRef(idempotencyKey('material'));
  const [sku, setSku] = useState(material?.sku ?? '');
  const [nameZh, setNameZh] = useState(material?.nameZh ?? '');
  const [nameEn, setNameEn] = useState(material?.nameEn ?? '');
  const [unit, setUnit] = useState(material?.unit ?? 'piece');
  const [abcClass, setAbc] = useState<AbcClass>(material?.abcClass ?? 'B');
  const [policy, setPolicy] = useState<StockingPolicy>(material?.stockingPolicy ?? 'STOCKED');
  const [cost, setCost] = useState(material?.unitCostCents != null ? (material.unitCostCents / 100).toFixed(2) : '');
  const [safety, setSafety] = useState(String(material?.safetyStock ?? 0));
  const costCents = Math.round(Number(cost) * 100);
  const safetyStock = policy === 'MADE_TO_ORDER' ? 0 : Math.round(Number(safety));
  const valid =
    sku.trim() && nameZh.trim() && nameEn.trim() && cost !== '' && costCents >= 0 && Number.isFinite(costCents) && safetyStock >= 0;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    const result = await upsert({
      studioId,
      key: key.current,
      input: {
        sku: sku.trim(),
        nameZh: nameZh.trim(),
        nameEn: nameEn.trim(),
        unit,
        abcClass,
        unitCostCents: costCents,
        safetyStock,
        stockingPolicy: policy,
        substitutes: material?.substitutes?.map(({ sku: other, ratio }) => ({ sku: other, ratio })),
      },
    });
    if (result.data) onDone(true);
  };
  const title = material
    ? t('settings.materials.editTitle', { name: materialLabel(material, language) })
    : t('settings.materials.addTitle');
  return (
    <form className="form subsection" onSubmit={submit} aria-label={title} data-testid="material-form">
      <h3>{title}</h3>
      {material ? null : (
        <>
          <label>
            {t('settings.materials.sku')}
            <input value={sku} onChange={(event) => setSku(event.target.value)} maxLength={60} required lang="en" />
          </label>
          <label>
            {t('settings.materials.nameZh')}
            <input value={nameZh} onChange={(event) => setNameZh(event.target.value)} maxLength={200} required lang="zh-CN" />
          </label>
          <label>
            {t('settings.materials.nameEn')}
            <input value={nameEn} onChange={(event) => setNameEn(event.target.value)} maxLength={200} required lang="en" />
          </label>
          <label>
            {t('settings.materials.unit')}
            <select value={unit} onChange={(event) => setUnit(event.target.value)}>
              {UNITS.map((option) => (
                <option key={option} value={option}>
                  {unitName(option, language)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <label>
        {t('settings.materials.unitCostLabel', { unit: unitName(unit, language) })}
        <input
          type="number"
          min={0}
          max={100_000_000}
          step={0.01}
          value={cost}
          onChange={(event) => setCost(event.target.value)}
          required
        />
      </label>
      <label>
        {t('settings.materials.abc')}
        <select value={abcClass} onChange={(event) => setAbc(event.target.value as AbcClass)}>
          {ABC.map((option) => (
            <option key={option} value={option}>
              {t(`settings.materials.abcClass.${option}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('settings.materials.policy')}
        <select value={policy} onChange={(event) => setPolicy(event.target.value as StockingPolicy)}>
          {POLICIES.map((option) => (
            <option key={option} value={option}>
              {t(`settings.materials.stockingPolicy.${option}`)}
            </option>
          ))}
        </select>
      </label>
      {policy === 'STOCKED' ? (
        <label>
          {t('settings.materials.safetyStockLabel', { unit: unitName(unit, language) })}
          <input
            type="number"
            min={0}
            max={100_000_000}
            step={1}
            value={safety}
            onChange={(event) => setSafety(event.target.value)}
            required
          />
        </label>
      ) : (
        <p className="small muted">{t('settings.materials.madeToOrderNoSafety')}</p>
      )}
      {material && policy === 'STOCKED' ? (
        <SafetySuggestion studioId={studioId} material={material} onAccepted={() => onDone(true)} />
      ) : null}
      <div className="button-row">
        <button type="button" onClick={() => onDone(false)}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="primary" disabled={state.fetching || !valid}>
          {t('settings.save')}
        </button>
        {material ? (
          <ConfirmButton
            label={t('settings.materials.retire')}
            title={t('settings.materials.retireTitle', { name: materialLabel(material, language) })}
            consequence={t('settings.materials.retireConsequence')}
            confirmLabel={t('settings.materials.retire')}
            onConfirm={async () => {
              const result = await retire({ studioId, sku: material.sku, key: idempotencyKey('retire') });
              if (result.data) onDone(true);
            }}
          />
        ) : null}
      </div>
      <HubRefusal error={hubMessage(state.error) ?? hubMessage(retired.error)} />
    </form>
  );
}

/** What the rule suggests for the safety stock, in words built here (the hub's rule text is English). */
function SafetySuggestion({ studioId, material, onAccepted }: { studioId: string; material: Material; onAccepted: () => void }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }] = useQuery({ query: SAFETY_SUGGESTION, variables: { studioId, sku: material.sku } });
  const [accepted, accept] = useMutation(ACCEPT_SUGGESTION);
  if (fetching && !data) return <Loading label={t('settings.materials.suggesting')} />;
  if (error && !data) return null;
  const suggestion = data?.safetyStockSuggestion;
  if (!suggestion) return null;
  const number = (value: number, digits = 0) =>
    new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: digits }).format(value);
  const unit = unitName(material.unit, language);
  return (
    <div className="suggestion-box" data-testid="safety-suggestion">
      {suggestion.suggested === null || suggestion.suggested === undefined ? (
        <p className="small muted">{t('settings.materials.noSuggestion')}</p>
      ) : (
        <>
          <p className="small">
            {t('settings.materials.suggestion', {
              quantity: `${number(suggestion.suggested)} ${unit}`,
              days: suggestion.windowDays,
              daily: `${number(suggestion.meanDailyConsumption, 1)} ${unit}`,
              lead: suggestion.leadTimeDays ?? 0,
              z: number(suggestion.z, 2),
            })}
          </p>
          {suggestion.suggested !== material.safetyStock ? (
            <button
              type="button"
              disabled={accepted.fetching}
              onClick={async () => {
                const result = await accept({ studioId, sku: material.sku, key: idempotencyKey('safety') });
                if (result.data) onAccepted();
              }}
            >
              {t('settings.materials.acceptSuggestion', { quantity: `${number(suggestion.suggested)} ${unit}` })}
            </button>
          ) : null}
        </>
      )}
      <HubRefusal error={hubMessage(accepted.error)} />
    </div>
  );
}

interface BomDraftLine {
  sku: string;
  quantityPerUnit: number;
  stageCode: string;
}

/**
 * A product's bill of materials. Products are the shop codes the hub knows today; when the
 * studio's own catalogue (products and routes) lands, its products are offered here instead.
 */
function BillOfMaterials({ studioId }: { studioId: string }) {
  const { t, language } = useI18n();
  const products = Object.keys(PRODUCT_CODE_LABELS);
  const [productCode, setProductCode] = useState(products[0]);
  return (
    <>
      <label>
        {t('settings.bom.product')}
        <select value={productCode} onChange={(event) => setProductCode(event.target.value)}>
          {products.map((code) => (
            <option key={code} value={code}>
              {productCodeName(code, language)}
            </option>
          ))}
        </select>
      </label>
      <BomEditor key={productCode} studioId={studioId} productCode={productCode} />
    </>
  );
}

function BomEditor({ studioId, productCode }: { studioId: string; productCode: string }) {
  const { t, language } = useI18n();
  const may = useMayUse();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PRODUCT_BOM, variables: { studioId, productCode } });
  const [materials] = useQuery({ query: MATERIAL_PAGE, variables: { studioId, first: 100 } });
  const [stages] = useQuery({ query: STAGE_CODES });
  const [saved, save] = useMutation(SET_BOM);
  const [draft, setDraft] = useState<BomDraftLine[] | null>(null);
  const [done, setDone] = useState(false);
  const key = useRef(idempotencyKey('bom'));
  if ((fetching && !data) || (materials.fetching && !materials.data)) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={() => refetch({ requestPolicy: 'network-only' })} />;
  const bom = data?.productBillOfMaterials;
  const bySku = new Map((materials.data?.studioMaterials.nodes ?? []).map((material) => [material.sku, material]));
  const stageCodes = (stages.data?.statusCodes ?? []).filter((code) => WORK_PHASES.includes(code.phase));
  const stageLabel = (code: string) =>
    labelOf(
      stageCodes.find((entry) => entry.code === code),
      language,
    ) || t('settings.bom.unknownStage');
  const nameOfSku = (sku: string) => {
    const material = bySku.get(sku);
    return material ? materialLabel(material, language) : t('settings.bom.unknownMaterial');
  };
  const editable = may(SET_BOM);
  const lines = bom?.lines ?? [];
  if (!draft) {
    return (
      <div data-testid="bom">
        {lines.length === 0 ? (
          <Empty>{t('settings.bom.none')}</Empty>
        ) : (
          <>
            <p className="small muted">{t('settings.bom.version', { version: bom!.version })}</p>
            <ul className="plain">
              {lines.map((line) => (
                <li key={`${line.sku}/${line.stageCode}`}>
                  {t('settings.bom.line', {
                    material: nameOfSku(line.sku),
                    quantity: `${line.quantityPerUnit} ${unitName(bySku.get(line.sku)?.unit ?? '', language)}`.trim(),
                    stage: stageLabel(line.stageCode),
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
        {done ? (
          <p role="status" className="small">
            {t('settings.bom.saved')}
          </p>
        ) : null}
        {editable ? (
          <button
            type="button"
            onClick={() => {
              setDone(false);
              setDraft(lines.map(({ sku, quantityPerUnit, stageCode }) => ({ sku, quantityPerUnit, stageCode })));
            }}
          >
            {t('settings.bom.edit')}
          </button>
        ) : null}
      </div>
    );
  }
  const options = [...bySku.values()];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save({ studioId, productCode, lines: draft, key: key.current });
    if (result.data) {
      key.current = idempotencyKey('bom');
      setDraft(null);
      setDone(true);
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const change = (index: number, patch: Partial<BomDraftLine>) =>
    setDraft(draft.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  return (
    <form className="form" onSubmit={submit} data-testid="bom-form">
      {draft.length === 0 ? <p className="muted small">{t('settings.bom.none')}</p> : null}
      <ol className="plain">
        {draft.map((line, index) => (
          <li key={index} className="row">
            <label>
              {t('settings.bom.material', { n: index + 1 })}
              <select value={line.sku} onChange={(event) => change(index, { sku: event.target.value })}>
                {options.map((material) => (
                  <option key={material.sku} value={material.sku}>
                    {materialLabel(material, language)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('settings.bom.quantity', { unit: unitName(bySku.get(line.sku)?.unit ?? '', language) })}
              <input
                type="number"
                min={1}
                max={1_000_000}
                step={1}
                value={line.quantityPerUnit}
                onChange={(event) => change(index, { quantityPerUnit: Math.max(1, Math.round(Number(event.target.value))) })}
              />
            </label>
            <label>
              {t('settings.bom.stage')}
              <select value={line.stageCode} onChange={(event) => change(index, { stageCode: event.target.value })}>
                {stageCodes.map((code) => (
                  <option key={code.code} value={code.code}>
                    {labelOf(code, language)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => setDraft(draft.filter((_, at) => at !== index))}>
              {t('settings.bom.removeLine')}
            </button>
          </li>
        ))}
      </ol>
      <div className="button-row">
        {options.length > 0 && stageCodes.length > 0 && draft.length < 100 ? (
          <button
            type="button"
            onClick={() => setDraft([...draft, { sku: options[0].sku, quantityPerUnit: 1, stageCode: stageCodes[0].code }])}
          >
            {t('settings.bom.addLine')}
          </button>
        ) : null}
        <button type="button" onClick={() => setDraft(null)}>
          {t('settings.cancel')}
        </button>
        <button type="submit" className="primary" disabled={saved.fetching}>
          {t('settings.bom.save')}
        </button>
      </div>
      <HubRefusal error={hubMessage(saved.error)} />
    </form>
  );
}
