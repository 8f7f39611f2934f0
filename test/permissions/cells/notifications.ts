import { type Cell, row, mutationOutcome, errorCode, WHO } from '../matrix';

/** The notifications subgraph's cells, reads before writes: the runner keeps this order. */
//                 anon               hub          mAdmin       mSup         mOp          yAdmin       gild         kiln         kitchen      supp         cMin         cBasic       cDet         cOther
export const notificationsCells: Cell[] = [
  {
    name: 'register a webhook for moyun-studio (its admins only)',
    subgraph: 'notifications',
    mutation: true,
    query: `mutation { registerWebhook(enterpriseId: "moyun-studio", url: "http://127.0.0.1:9/hooks", idempotencyKey: "matrix-hook") { webhook { id } } }`,
    variables: () => ({}),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "moyun-studio's webhooks",
    subgraph: 'notifications',
    query: `{ webhooks(enterpriseId: "moyun-studio") { id url } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? 'listed',
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'listed', 'listed', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "the messages of moyun-studio's webhook (its dead-letter list)",
    subgraph: 'notifications',
    query: `query($w: ID!) { webhookMessages(webhookId: $w) { id status } }`,
    variables: (f) => ({ w: f.webhook }),
    observe: (result) => errorCode(result) ?? 'listed',
    expected: row('UNAUTHENTICATED', 'listed', 'listed', 'listed', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: "replay moyun-studio's webhook's dead letters",
    subgraph: 'notifications',
    mutation: true,
    query: `mutation($w: ID!) { replayWebhookMessages(webhookId: $w, idempotencyKey: "matrix-replay") { id } }`,
    variables: (f) => ({ w: f.webhook }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'ALLOWED', 'FORBIDDEN', 'FORBIDDEN', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'),
  },
  {
    name: 'set how the customer of order A is told (customers only; their own order)',
    subgraph: 'notifications',
    mutation: true,
    query: `mutation($a: ID!) { setNotificationPreferences(orderId: $a, input: { channel: NONE }) { channel } }`,
    variables: (f) => ({ a: f.a }),
    observe: mutationOutcome,
    expected: row('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ALLOWED', 'ALLOWED', 'ALLOWED', 'NOT_FOUND'),
  },
  {
    name: "the messages to order A's customer",
    subgraph: 'notifications',
    query: `query($a: ID!) { customerMessages(orderId: $a) { id text } }`,
    variables: (f) => ({ a: f.a }),
    observe: (result) => errorCode(result) ?? 'listed',
    expected: row('UNAUTHENTICATED', 'listed', 'listed', 'listed', 'listed', 'listed', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'listed', 'listed', 'listed', 'listed'),
  },
  {
    name: 'a share summary that does not exist (public)',
    subgraph: 'notifications',
    query: `{ sharedOrder(shareId: "no-such-share") { productType } }`,
    variables: () => ({}),
    observe: (result) => errorCode(result) ?? String(result.data.sharedOrder),
    expected: row(...WHO.map(() => 'null')),
  },
];
