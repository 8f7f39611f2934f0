/**
 * Id prefixes of the orders world (`ord_…`, `stg_…`): ids travel in events, links and other
 * subgraphs' rows, and whoever checks one (a subgraph, the demo data) reads its kind here.
 */
export const ORDER_ID_PREFIX = {
  order: 'ord',
  line: 'oln',
  stage: 'stg',
  exception: 'exc',
  shipment: 'shp',
  shipmentEvent: 'sev',
  customerLink: 'lnk',
} as const;
