import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import QRCode from 'qrcode';
import { formatDay, labelOf, useI18n } from '../common/i18n';
import { productName, type NamedProduct } from '../common/labels';
import { appConfig } from '../signin/session';

/** What a ticket prints of an order (what the order panel has already read). */
export interface TicketOrder extends NamedProduct {
  id: string;
  externalOrderId?: string | null;
  dueAt?: string | null;
  stages: readonly { id: string; qcCheckpoint: boolean; status: string; statusCode: { labelZh: string; labelEn: string } }[];
}

/** Where the ticket's QR code leads: the order's stages at the workstation, at the hub's public address. */
export const ticketUrl = (publicUrl: string, orderId: string) =>
  `${publicUrl.replace(/\/+$/, '')}/stages?order=${encodeURIComponent(orderId)}`;

/**
 * "Print work-order ticket": a sheet that travels with the piece — its number, product, due day
 * and route, and a QR code the phone's own camera opens at that order's stages (/stages?order=…).
 * Printed by the browser (print CSS: only the ticket is printed), nothing made on the server.
 */
export function WorkTicketButton({ order }: { order: TicketOrder }) {
  const { t } = useI18n();
  // The QR code made for this order (another order's, when the panel moved on, is not used).
  const [made, setMade] = useState<{ orderId: string; qr: string } | null>(null);
  const qr = made?.orderId === order.id ? made.qr : null;
  const [printing, setPrinting] = useState(false);

  // Print once the ticket (with its QR code) is in the page; the class makes print CSS show only it.
  useEffect(() => {
    if (!printing || !qr) return;
    document.body.classList.add('printing-ticket');
    const done = () => {
      document.body.classList.remove('printing-ticket');
      setPrinting(false);
    };
    addEventListener('afterprint', done, { once: true });
    print();
    return () => removeEventListener('afterprint', done);
  }, [printing, qr]);

  const prepare = async () => {
    const { publicUrl } = await appConfig();
    const orderId = order.id;
    setMade({ orderId, qr: await QRCode.toDataURL(ticketUrl(publicUrl, orderId), { margin: 2, width: 360, errorCorrectionLevel: 'M' }) });
    setPrinting(true);
  };

  return (
    <>
      <button type="button" onClick={() => void prepare()} data-testid="print-ticket">
        {t('ticket.print')}
      </button>
      {qr ? createPortal(<WorkTicket order={order} qr={qr} />, document.body) : null}
    </>
  );
}

function WorkTicket({ order, qr }: { order: TicketOrder; qr: string }) {
  const { t, language } = useI18n();
  const stages = order.stages.filter((stage) => stage.status !== 'CANCELLED');
  return (
    <section className="work-ticket" aria-label={t('ticket.heading')} data-testid="work-ticket">
      <header>
        <p className="ticket-kind">{t('ticket.heading')}</p>
        <p className="ticket-number">{order.externalOrderId ?? productName(order, language)}</p>
        <p className="ticket-product">
          {productName(order, language)}
          {order.dueAt ? ` · ${t('workstation.due')}${t('common.colon')}${formatDay(order.dueAt, language)}` : ''}
        </p>
      </header>
      <div className="ticket-body">
        <figure className="ticket-qr">
          <img src={qr} alt={t('ticket.qrAlt')} width={180} height={180} data-testid="ticket-qr" />
          <figcaption>{t('ticket.scan')}</figcaption>
        </figure>
        <div className="ticket-route">
          <p className="ticket-route-title">{t('ticket.route')}</p>
          <ol>
            {stages.map((stage) => (
              <li key={stage.id}>
                <span className="ticket-box" aria-hidden="true" />
                {labelOf(stage.statusCode, language)}
                {stage.qcCheckpoint ? <span className="ticket-qc">{t('ticket.qc')}</span> : null}
                <span className="ticket-sign">
                  {t('ticket.signature')}
                  {t('common.colon')}
                </span>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}
