import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage } from '../common/client';
import { formatDay, nameOf, useI18n } from '../common/i18n';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../common/ui';
import { graphql } from '../gql/supplier';
import { OurTerms } from './OurTerms';
import { SupplierProfile } from './Profile';
import { StaffGate } from '../signin/StaffGate';
import { StaffWorkspace } from '../signin/StaffWorkspace';
import type { StaffSession } from '../signin/session';
import { parseInventoryCsv, type InventoryLine } from './csv';
import { ACTION_ORDER, purchaseOrdersInOrder } from './purchase-order-order';
import { materialName, quantityWithUnit } from '../common/labels';

const SUPPLIER_DESK = graphql(`
  query SupplierDesk($supplierId: ID!) {
    enterprise(id: $supplierId) {
      id
      nameZh
      nameEn
      supplier {
        lastSequence
        skus
      }
    }
    stockLots(supplierId: $supplierId) {
      id
      sku
      lotCode
      onHand
      reserved
      unitCostCents
      receivedAt
      lastSequence
    }
    materials {
      sku
      name
      unit
    }
    purchaseOrders {
      id
      status
      expectedAt
      placedAt
      confirmedAt
      shippedAt
      shippedLots {
        sku
        lotCode
        quantity
      }
      studio {
        nameZh
        nameEn
      }
      lines {
        sku
        quantity
      }
    }
  }
`);

const PUBLISH = graphql(`
  mutation PublishInventory($supplierId: ID!, $sequence: Int!, $items: [InventoryItemInput!]!) {
    publishInventory(supplierId: $supplierId, sequence: $sequence, items: $items) {
      sequence
      applied
      stale {
        sku
        lotCode
        appliedSequence
      }
    }
  }
`);

const CONFIRM = graphql(`
  mutation ConfirmPurchaseOrder($id: ID!) {
    confirmPurchaseOrder(purchaseOrderId: $id) {
      id
      status
      confirmedAt
    }
  }
`);

const SHIP = graphql(`
  mutation ShipPurchaseOrder($id: ID!, $input: ShipPurchaseOrderInput!, $key: String!) {
    shipPurchaseOrder(purchaseOrderId: $id, input: $input, idempotencyKey: $key) {
      id
      status
      shippedAt
      shippedLots {
        sku
        lotCode
        quantity
      }
    }
  }
`);

export default function SupplierPage() {
  const { t } = useI18n();
  return (
    <StaffGate workspace="supplier" title={t('supplier.title')}>
      {(session, signOut) => <Desk session={session} signOut={signOut} />}
    </StaffGate>
  );
}

function Desk({ session, signOut }: { session: StaffSession; signOut: () => void }) {
  const { t } = useI18n();
  return (
    <StaffWorkspace session={session} endpoint="/graphql/supplier" title={t('supplier.title')} signOut={signOut}>
      <Stock supplierId={session.org!} />
      <OurTerms />
      <SupplierProfile enterpriseId={session.org!} />
    </StaffWorkspace>
  );
}

type ItemProblem = { index: number; sku: string; lotCode: string; code?: string; reason: string };
type Problem = { line: number; text: string };

function Stock({ supplierId }: { supplierId: string }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SUPPLIER_DESK, variables: { supplierId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const [publishState, publish] = useMutation(PUBLISH);
  const [confirmState, confirm] = useMutation(CONFIRM);
  const [csv, setCsv] = useState('');
  const [single, setSingle] = useState({ sku: '', lotCode: '', onHand: '' });
  const [fileName, setFileName] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ applied?: number; local?: Problem[]; items?: Problem[] } | null>(null);
  const { exists } = useI18n();
  // The sequence this desk sends next: one more than the hub has applied, kept across a failed send so a retry replays.
  const pendingSequence = useRef<number | null>(null);

  if (fetching && !data) return <Loading />;
  if (error && !data) return <HubErrorState error={error} retry={refresh} />;
  if (!data) return null;

  const send = async (items: InventoryLine[], lineOfItem: number[]) => {
    const sequence = pendingSequence.current ?? (data.enterprise?.supplier?.lastSequence ?? 0) + 1;
    pendingSequence.current = sequence;
    const result = await publish({ supplierId, sequence, items });
    if (result.data) {
      pendingSequence.current = null;
      setOutcome({ applied: result.data.publishInventory.applied });
      setCsv('');
      refresh();
      return;
    }
    const problems = (result.error?.graphQLErrors[0]?.extensions?.items as ItemProblem[] | undefined) ?? [];
    // Refused whole: nothing applied, so the same sequence is free for the corrected batch.
    setOutcome({
      items: problems.map((problem) => ({
        line: lineOfItem[problem.index] ?? problem.index + 1,
        text: `${materialName(problem.sku, language)} / ${problem.lotCode}${t('common.colon')}${
          problem.code && exists(`supplier.itemProblem.${problem.code}`)
            ? t(`supplier.itemProblem.${problem.code}`)
            : t('errors.code.BAD_USER_INPUT')
        }`,
      })),
    });
  };

  const submitCsv = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseInventoryCsv(csv);
    if (parsed.problems.length > 0 || parsed.items.length === 0) {
      setOutcome({
        local:
          parsed.problems.length > 0
            ? parsed.problems.map((problem) => ({
                line: problem.line,
                text: t(`supplier.csvProblem.${problem.problem}`, { value: problem.value }),
              }))
            : [{ line: 0, text: t('supplier.emptyCsv') }],
      });
      return;
    }
    await send(parsed.items, parsed.lineOfItem);
  };

  const submitSingle = async (event: FormEvent) => {
    event.preventDefault();
    const onHand = Number(single.onHand);
    if (!Number.isInteger(onHand)) return setOutcome({ local: [{ line: 1, text: t('supplier.onHandWhole') }] });
    await send([{ sku: single.sku, lotCode: single.lotCode, onHand }], [1]);
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setCsv(await file.text());
  };

  const skus = data.enterprise?.supplier?.skus ?? [];
  const catalogueName = (sku: string) => data.materials.find((material) => material.sku === sku)?.name;
  const unitOf = (sku: string) => data.materials.find((material) => material.sku === sku)?.unit ?? '';
  // The example a supplier copies: its own materials, as the hub knows them.
  const example = [
    'sku,lot,onHand,unitCostCents',
    ...(skus.length ? skus.slice(0, 2) : ['CLAY-KAOLIN']).map((sku, index) => `${sku},LOT-2026-12${'AB'[index]},400,1200`),
  ].join('\n');
  const purchases = purchaseOrdersInOrder(data.purchaseOrders);
  return (
    <>
      <Section title={t('supplier.lots')} id="lots">
        {data.stockLots.length === 0 ? (
          <Empty>{t('supplier.noLots')}</Empty>
        ) : (
          <div
            className="table-wrap"
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls takes focus so a keyboard can scroll it (axe: scrollable-region-focusable)
            tabIndex={0}
            role="region"
            aria-label={t('supplier.lots')}
          >
            {/* Scrolls sideways on a phone: focusable, so a keyboard can scroll it too. */}
            <table data-testid="stock-lots">
              <thead>
                <tr>
                  <th scope="col">{t('supplier.material')}</th>
                  <th scope="col">{t('supplier.lot')}</th>
                  <th scope="col">{t('supplier.onHand')}</th>
                  <th scope="col">{t('supplier.reserved')}</th>
                  <th scope="col">{t('supplier.received')}</th>
                </tr>
              </thead>
              <tbody>
                {data.stockLots.map((lot) => (
                  <tr key={lot.id} data-lot={lot.lotCode}>
                    <td>
                      {materialName(lot.sku, language, catalogueName(lot.sku))}
                      <br />
                      <span className="muted small sku">{lot.sku}</span>
                    </td>
                    <td>{lot.lotCode}</td>
                    <td>{quantityWithUnit(lot.onHand, unitOf(lot.sku), language)}</td>
                    <td>{quantityWithUnit(lot.reserved, unitOf(lot.sku), language)}</td>
                    <td className="day">{formatDay(lot.receivedAt, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>

      <Section title={t('supplier.publish')} id="publish">
        <form className="form" onSubmit={submitSingle}>
          <div className="row">
            <label>
              {t('supplier.sku')}
              <input
                list="supplier-skus"
                value={single.sku}
                onChange={(event) => setSingle({ ...single, sku: event.target.value })}
                required
              />
              <datalist id="supplier-skus">
                {skus.map((sku) => (
                  <option key={sku} value={sku}>
                    {materialName(sku, language, catalogueName(sku))}
                  </option>
                ))}
              </datalist>
            </label>
            <label>
              {t('supplier.lot')}
              <input value={single.lotCode} onChange={(event) => setSingle({ ...single, lotCode: event.target.value })} required />
            </label>
            <label>
              {t('supplier.onHand')}
              <input
                type="number"
                value={single.onHand}
                onChange={(event) => setSingle({ ...single, onHand: event.target.value })}
                required
              />
            </label>
          </div>
          <button type="submit" disabled={publishState.fetching}>
            {t('supplier.publishOne')}
          </button>
        </form>
        <form className="form" onSubmit={submitCsv}>
          <label>
            {t('supplier.csv')}
            <textarea rows={6} value={csv} onChange={(event) => setCsv(event.target.value)} placeholder={example} data-testid="csv" />
          </label>
          {/* The browser's own file button speaks the browser's language, not the page's: ours does. */}
          <label className="file-picker">
            <input type="file" accept=".csv,text/csv" onChange={upload} className="visually-hidden" />
            <span className="button" aria-hidden="true">
              {t('supplier.upload')}
            </span>
            <span className="visually-hidden">{t('supplier.upload')}</span>
            <span className="muted small">{fileName ?? t('supplier.noFile')}</span>
          </label>
          <button type="submit" className="primary" disabled={publishState.fetching}>
            {t('supplier.publishCsv')}
          </button>
        </form>
        {outcome?.applied !== undefined ? (
          <p role="status" className="ok">
            {t('supplier.applied', { count: outcome.applied })}
          </p>
        ) : null}
        {outcome?.local || outcome?.items ? (
          <div role="alert" className="refusal" data-testid="publish-problems">
            <p>{t('supplier.refused')}</p>
            <ul>
              {[...(outcome.local ?? []), ...(outcome.items ?? [])].map((problem, index) => (
                <li key={index}>
                  {problem.line > 0 ? t('supplier.line', { line: problem.line }) : ''} {problem.text}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {!outcome?.items ? <HubRefusal error={hubMessage(publishState.error)} /> : null}
      </Section>

      <Section title={t('supplier.purchaseOrders')} id="purchase-orders">
        {purchases.length === 0 ? (
          <Empty>{t('studio.noPurchaseOrders')}</Empty>
        ) : (
          <ul className="plain purchase-orders" data-testid="purchase-orders">
            {purchases.map((purchase) => (
              <li
                key={purchase.id}
                data-purchase-order={purchase.id}
                data-status={purchase.status}
                className={purchase.status in ACTION_ORDER ? 'awaiting' : undefined}
              >
                {purchase.status in ACTION_ORDER ? (
                  <strong className="awaiting-label">{t(`supplier.awaiting.${purchase.status}`)} </strong>
                ) : null}
                <span className="badge">{t(`purchase.${purchase.status}`)}</span> {nameOf(purchase.studio, language)} ·{' '}
                {purchase.lines
                  .map(
                    (line) =>
                      `${materialName(line.sku, language, catalogueName(line.sku))} × ${quantityWithUnit(line.quantity, unitOf(line.sku), language)}`,
                  )
                  .join(t('supplier.listSeparator'))}{' '}
                · {t('track.expected', { day: formatDay(purchase.expectedAt, language) })}
                {purchase.status === 'PLACED' ? (
                  <button
                    type="button"
                    disabled={confirmState.fetching}
                    onClick={async () => (await confirm({ id: purchase.id })).data && refresh()}
                  >
                    {t('supplier.confirm')}
                  </button>
                ) : null}
                {purchase.shippedLots?.length ? (
                  <p className="muted">
                    {t('supplier.shippedLots', {
                      day: formatDay(purchase.shippedAt, language),
                      lots: purchase.shippedLots
                        .map(
                          (lot) =>
                            `${materialName(lot.sku, language, catalogueName(lot.sku))} ${lot.lotCode} × ${quantityWithUnit(lot.quantity, unitOf(lot.sku), language)}`,
                        )
                        .join(t('supplier.listSeparator')),
                    })}
                  </p>
                ) : null}
                {purchase.status === 'PLACED' || purchase.status === 'CONFIRMED' ? (
                  <ShipForm
                    purchase={purchase}
                    lots={data.stockLots}
                    nameOf={(sku) => materialName(sku, language, catalogueName(sku))}
                    onShipped={refresh}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <HubRefusal error={hubMessage(confirmState.error)} />
      </Section>
    </>
  );
}

/** The lots a supplier ships against a purchase order: one row per line, its lot code and quantity (as its EPCIS shipping event would say). */
function ShipForm({
  purchase,
  lots,
  nameOf: materialOf,
  onShipped,
}: {
  purchase: { id: string; lines: readonly { sku: string; quantity: number }[] };
  /** The supplier's own lots: each line ships from one of those of its material. */
  lots: readonly { sku: string; lotCode: string; onHand: number; reserved: number }[];
  nameOf: (sku: string) => string;
  onShipped: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const lotsOf = (sku: string) => lots.filter((lot) => lot.sku === sku);
  // Each line starts on the lot with the most on hand; the supplier may pick another.
  const [rows, setRows] = useState(() =>
    purchase.lines.map((line) => ({
      sku: line.sku,
      lotCode: [...lotsOf(line.sku)].sort((a, b) => b.onHand - a.onHand)[0]?.lotCode ?? '',
      quantity: String(line.quantity),
    })),
  );
  const [problem, setProblem] = useState<string | null>(null);
  const [state, ship] = useMutation(SHIP);
  const edit = (index: number, field: 'lotCode' | 'quantity') => (change: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    setRows(rows.map((row, at) => (at === index ? { ...row, [field]: change.target.value } : row)));
    setProblem(null);
  };
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
        {t('supplier.ship')}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const shipped = rows.map((row) => ({ sku: row.sku, lotCode: row.lotCode.trim(), quantity: Number(row.quantity) }));
    if (shipped.some((lot) => !lot.lotCode)) return setProblem(t('supplier.noLotToShip'));
    if (shipped.some((lot) => !Number.isInteger(lot.quantity) || lot.quantity < 1)) return setProblem(t('supplier.quantityWhole'));
    setProblem(null);
    // One key per purchase order: a repeated click or a retry after a lost answer ships it once.
    const result = await ship({ id: purchase.id, input: { lots: shipped }, key: `ship-${purchase.id}` });
    if (result.data) {
      setOpen(false);
      onShipped();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('supplier.shipTitle')}>
      {rows.map((row, index) => (
        <fieldset className="row" key={row.sku}>
          <legend>{materialOf(row.sku)}</legend>
          <label>
            {t('supplier.lot')}
            <select value={row.lotCode} required onChange={edit(index, 'lotCode')}>
              {lotsOf(row.sku).length === 0 ? <option value="">{t('supplier.noLots')}</option> : null}
              {lotsOf(row.sku).map((lot) => (
                <option key={lot.lotCode} value={lot.lotCode}>
                  {t('supplier.lotOption', { lot: lot.lotCode, onHand: lot.onHand })}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('supplier.quantity')}
            <input type="number" value={row.quantity} required onChange={edit(index, 'quantity')} />
          </label>
        </fieldset>
      ))}
      <div className="row">
        <button type="submit" className="primary" disabled={state.fetching}>
          {t('supplier.shipSubmit')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('supplier.cancel')}
        </button>
      </div>
      {problem ? (
        <p role="alert" className="refusal">
          {problem}
        </p>
      ) : null}
      <HubRefusal error={hubMessage(state.error)} />
    </form>
  );
}
