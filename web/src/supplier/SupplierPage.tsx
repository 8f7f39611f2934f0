import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { hubMessage } from '../common/client';
import { formatDay, nameOf, useI18n } from '../common/i18n';
import { Empty, HubErrorState, HubRefusal, Loading, Section } from '../common/ui';
import { graphql } from '../gql/supplier';
import { StaffGate } from '../signin/StaffGate';
import { StaffWorkspace } from '../signin/StaffWorkspace';
import type { StaffSession } from '../signin/session';
import { parseInventoryCsv, type InventoryLine } from './csv';

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
    </StaffWorkspace>
  );
}

type ItemProblem = { index: number; sku: string; lotCode: string; reason: string };

function Stock({ supplierId }: { supplierId: string }) {
  const { t, language } = useI18n();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SUPPLIER_DESK, variables: { supplierId } });
  const refresh = () => refetch({ requestPolicy: 'network-only' });
  const [publishState, publish] = useMutation(PUBLISH);
  const [confirmState, confirm] = useMutation(CONFIRM);
  const [csv, setCsv] = useState('');
  const [single, setSingle] = useState({ sku: '', lotCode: '', onHand: '' });
  const [outcome, setOutcome] = useState<{
    applied?: number;
    local?: { line: number; reason: string }[];
    items?: { line: number; reason: string }[];
  } | null>(null);
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
        reason: `${problem.sku} / ${problem.lotCode}: ${problem.reason}`,
      })),
    });
  };

  const submitCsv = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseInventoryCsv(csv);
    if (parsed.problems.length > 0 || parsed.items.length === 0) {
      setOutcome({ local: parsed.problems.length > 0 ? parsed.problems : [{ line: 0, reason: t('supplier.emptyCsv') }] });
      return;
    }
    await send(parsed.items, parsed.lineOfItem);
  };

  const submitSingle = async (event: FormEvent) => {
    event.preventDefault();
    const onHand = Number(single.onHand);
    if (!Number.isInteger(onHand)) return setOutcome({ local: [{ line: 1, reason: t('supplier.onHandWhole') }] });
    await send([{ sku: single.sku, lotCode: single.lotCode, onHand }], [1]);
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setCsv(await file.text());
  };

  const skus = data.enterprise?.supplier?.skus ?? [];
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
                  <th scope="col">SKU</th>
                  <th scope="col">{t('supplier.lot')}</th>
                  <th scope="col">{t('supplier.onHand')}</th>
                  <th scope="col">{t('supplier.reserved')}</th>
                  <th scope="col">{t('supplier.received')}</th>
                </tr>
              </thead>
              <tbody>
                {data.stockLots.map((lot) => (
                  <tr key={lot.id} data-lot={lot.lotCode}>
                    <td>{lot.sku}</td>
                    <td>{lot.lotCode}</td>
                    <td>{lot.onHand}</td>
                    <td>{lot.reserved}</td>
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
              SKU
              <input
                list="supplier-skus"
                value={single.sku}
                onChange={(event) => setSingle({ ...single, sku: event.target.value })}
                required
              />
              <datalist id="supplier-skus">
                {skus.map((sku) => (
                  <option key={sku} value={sku} />
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
            <textarea
              rows={6}
              value={csv}
              onChange={(event) => setCsv(event.target.value)}
              placeholder={'sku,lot,onHand,unitCostCents\nCLAY-GAOLING,LOT-2026-12,400,1200'}
              data-testid="csv"
            />
          </label>
          <label>
            {t('supplier.upload')}
            <input type="file" accept=".csv,text/csv" onChange={upload} />
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
                  {problem.line > 0 ? t('supplier.line', { line: problem.line }) : ''} {problem.reason}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {!outcome?.items ? <HubRefusal error={hubMessage(publishState.error)} /> : null}
      </Section>

      <Section title={t('supplier.purchaseOrders')} id="purchase-orders">
        {data.purchaseOrders.length === 0 ? (
          <Empty>{t('studio.noPurchaseOrders')}</Empty>
        ) : (
          <ul className="plain">
            {data.purchaseOrders.map((purchase) => (
              <li key={purchase.id} data-purchase-order={purchase.id}>
                <span className="badge">{t(`purchase.${purchase.status}`)}</span> {nameOf(purchase.studio, language)} ·{' '}
                {purchase.lines.map((line) => `${line.sku} × ${line.quantity}`).join(', ')} ·{' '}
                {t('track.expected', { day: formatDay(purchase.expectedAt, language) })}
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
                      lots: purchase.shippedLots.map((lot) => `${lot.sku} ${lot.lotCode} × ${lot.quantity}`).join(', '),
                    })}
                  </p>
                ) : null}
                {purchase.status === 'PLACED' || purchase.status === 'CONFIRMED' ? (
                  <ShipForm purchase={purchase} onShipped={refresh} />
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
  onShipped,
}: {
  purchase: { id: string; lines: readonly { sku: string; quantity: number }[] };
  onShipped: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState(() => purchase.lines.map((line) => ({ sku: line.sku, lotCode: '', quantity: String(line.quantity) })));
  const [problem, setProblem] = useState<string | null>(null);
  const [state, ship] = useMutation(SHIP);
  const edit = (index: number, field: 'lotCode' | 'quantity') => (change: ChangeEvent<HTMLInputElement>) => {
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
    const lots = rows.map((row) => ({ sku: row.sku, lotCode: row.lotCode.trim(), quantity: Number(row.quantity) }));
    if (lots.some((lot) => !Number.isInteger(lot.quantity) || lot.quantity < 1)) return setProblem(t('supplier.quantityWhole'));
    setProblem(null);
    // One key per purchase order: a repeated click or a retry after a lost answer ships it once.
    const result = await ship({ id: purchase.id, input: { lots }, key: `ship-${purchase.id}` });
    if (result.data) {
      setOpen(false);
      onShipped();
    }
  };
  return (
    <form className="form" onSubmit={submit} aria-label={t('supplier.shipTitle')}>
      {rows.map((row, index) => (
        <fieldset className="row" key={row.sku}>
          <legend>{row.sku}</legend>
          <label>
            {t('supplier.lot')}
            <input value={row.lotCode} required maxLength={80} onChange={edit(index, 'lotCode')} />
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
