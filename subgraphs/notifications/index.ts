import { z } from 'zod';
import { buildFederatedSchema } from '../../platform/graphql/build-schema';
import { ProcessedEvent } from '../../platform/events/consumer';
import type { SubgraphDefinition } from '../../platform/runtime/subgraph';
import { notificationsAccess } from './access-policy';
import { IdempotencyRecord } from '../../platform/data/transactions';
import { dispatchConsumer, dispatcher } from './dispatcher';
import { CustomerPreference, NotificationMessage, OrderFacts, Webhook, WechatBinding, WechatToken } from './entities';
import { notificationsMigrations } from './migrations';
import { seedDemoNotifications } from './demo-notifications';
import { CustomerPreferenceResolver, NotificationsResolver } from './notifications.resolver';
import { EnterpriseReference, StatusCodeReference } from './references';

/** The backlog gauge's rows (count(*) is a bigint string on PostgreSQL, a number on SQLite). */
const MESSAGE_COUNTS = z.array(z.object({ status: z.string(), kind: z.string(), count: z.coerce.number() }));

export const notificationsSubgraph: SubgraphDefinition = {
  name: 'notifications',
  defaultPort: 4007,
  database: {
    entities: [Webhook, NotificationMessage, CustomerPreference, OrderFacts, WechatBinding, WechatToken, IdempotencyRecord, ProcessedEvent],
    migrations: notificationsMigrations,
  },
  access: notificationsAccess,
  buildSchema: () =>
    buildFederatedSchema('notifications', notificationsAccess, {
      resolvers: [NotificationsResolver, CustomerPreferenceResolver],
      orphanedTypes: [EnterpriseReference, StatusCodeReference],
    }),
  consumers: [dispatchConsumer],
  // The backlog (due, held for a digest) and the dead letters an operator replays.
  gauges: [
    {
      name: 'weft_notification_messages',
      help: 'Notification messages by status (PENDING is the backlog, DEAD the dead letters) and kind',
      labelNames: ['service', 'status', 'kind'],
      read: async (runtime) => {
        const answer: unknown = await runtime
          .database!.orm.em.fork()
          .getConnection()
          .execute('select status, kind, count(*) as count from notification_message group by status, kind');
        return MESSAGE_COUNTS.parse(answer).map((row) => ({
          labels: { service: 'notifications', status: row.status, kind: row.kind },
          value: row.count,
        }));
      },
    },
  ],
  timers: [
    // Due messages go out every NOTIFY_POLL_SECONDS (default 2); digests are looked at every minute.
    {
      name: 'deliveries',
      intervalMs: (settings) => settings.notify.pollMs,
      run: (runtime) => dispatcher.deliverDue(runtime.systemContext()),
    },
    { name: 'digests', intervalMs: () => 60_000, run: (runtime) => dispatcher.sendDigests(runtime.systemContext()) },
  ],
  seed: (runtime) => seedDemoNotifications(runtime.systemContext()),
};
