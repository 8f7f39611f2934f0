import { captureIntentOf } from './epcis-capture';

const BASE = 'https://hub.example.com';
const po = { type: 'po', bizTransaction: `${BASE}/id/purchase-order/po_01M8XCZ2K88ZESJ8K13HHE0M02` };
const shipping = {
  type: 'ObjectEvent',
  eventTime: '2026-12-03T15:30:00+08:00',
  bizStep: 'shipping',
  bizTransactionList: [po],
  quantityList: [{ epcClass: `${BASE}/id/material/CLAY-KAOLIN/lot/JDZ-K-2612A`, quantity: 800, uom: 'KGM' }],
};

describe('what a captured EPCIS event means to the hub', () => {
  it('ships a purchase order by a shipping event naming it and its lots, in any of the CBV term forms', () => {
    const intent = {
      kind: 'SHIP_PURCHASE_ORDER',
      purchaseOrderId: 'po_01M8XCZ2K88ZESJ8K13HHE0M02',
      shippedAt: shipping.eventTime,
      lots: [{ sku: 'CLAY-KAOLIN', lotCode: 'JDZ-K-2612A', quantity: 800 }],
    };
    expect(captureIntentOf(shipping, BASE)).toEqual(intent);
    expect(
      captureIntentOf(
        {
          ...shipping,
          bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
          bizTransactionList: [{ ...po, type: 'https://ref.gs1.org/cbv/BTT-po' }],
        },
        `${BASE}/`,
      ),
    ).toEqual(intent);
    expect(captureIntentOf({ ...shipping, bizStep: 'https://ref.gs1.org/cbv/BizStep-receiving' }, BASE)).toEqual({
      kind: 'RECEIVE_PURCHASE_ORDER',
      purchaseOrderId: 'po_01M8XCZ2K88ZESJ8K13HHE0M02',
    });
  });

  it('refuses what names the hub’s purchase order but not as the mapping needs, and keeps the rest', () => {
    expect(
      captureIntentOf({ ...shipping, quantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 1 }] }, BASE),
    ).toMatchObject({ kind: 'MALFORMED', reason: expect.stringContaining(`${BASE}/id/material/<sku>/lot/<lot>`) });
    expect(captureIntentOf({ ...shipping, quantityList: [{ ...shipping.quantityList[0], quantity: 2.5 }] }, BASE).kind).toBe('MALFORMED');
    expect(captureIntentOf({ ...shipping, quantityList: [] }, BASE).kind).toBe('MALFORMED');
    expect(
      captureIntentOf(
        { ...shipping, bizTransactionList: [po, { ...po, bizTransaction: `${BASE}/id/purchase-order/po_01M8XCZ2K88ZESJ8K13HHE0M03` }] },
        BASE,
      ).kind,
    ).toBe('MALFORMED');
    expect(captureIntentOf({ ...shipping, bizStep: 'inspecting' }, BASE).kind).toBe('NONE');
    // Another hub's purchase order, or none at all: kept, changing nothing.
    expect(
      captureIntentOf({ ...shipping, bizTransactionList: [{ type: 'po', bizTransaction: 'https://elsewhere.example/po/1' }] }, BASE).kind,
    ).toBe('NONE');
  });

  it('starts a stage by an in-progress event of its order, completes it by the hub’s own completion term, with its readings', () => {
    const order = `${BASE}/id/order/ord_01M6A7GRP02MF6GCH46PHS6GKC`;
    const gilding = {
      type: 'ObjectEvent',
      eventTime: '2026-12-03T10:00:00+08:00',
      epcList: [order],
      bizStep: 'https://vocab.weft.dev/cbv/bizStep/gilding',
      disposition: 'in_progress',
    };
    expect(captureIntentOf(gilding, BASE)).toEqual({
      kind: 'STAGE_PROGRESS',
      orderId: 'ord_01M6A7GRP02MF6GCH46PHS6GKC',
      bizStep: gilding.bizStep,
      step: 'STARTED',
      readings: [],
    });
    const done = {
      ...gilding,
      disposition: 'active',
      'weft:hubEventType': 'order.stage.completed',
      sensorElementList: [
        {
          sensorReport: [
            { type: 'gs1:Temperature', value: 24.5, uom: 'CEL' },
            { type: 'https://vocab.weft.dev/cbv/measurement/gold_thickness', value: 0.1, uom: 'MMT' },
          ],
        },
      ],
    };
    expect(captureIntentOf(done, BASE)).toMatchObject({
      step: 'COMPLETED',
      readings: [
        { name: 'temperature', value: 24.5, unit: '°C' },
        { name: 'gold thickness', value: 0.1, unit: 'MMT' },
      ],
    });
    // A malformed escape in a reading's name is kept as written, never an error.
    const escaped = {
      ...done,
      sensorElementList: [{ sensorReport: [{ type: 'https://vocab.weft.dev/cbv/measurement/gold_%E0%A4%A', value: 1, uom: 'MMT' }] }],
    };
    expect(captureIntentOf(escaped, BASE)).toMatchObject({ step: 'COMPLETED', readings: [{ name: 'gold %E0%A4%A', value: 1 }] });
    expect(captureIntentOf({ ...gilding, disposition: 'active' }, BASE).kind).toBe('NONE');
    expect(captureIntentOf({ ...gilding, bizStep: undefined }, BASE).kind).toBe('MALFORMED');
  });
});
