/**
 * What a subgraph process is told by the configuration: the hub reads and validates every
 * variable once, at start (processes/config.ts), and passes these down — to the runtime (timers) and,
 * through each request's context, to the services. Nothing below reads the environment.
 */
export interface SubgraphSettings {
  /** How often each orders instance evaluates running stages for delay alerts. */
  delayCheckMs: number;
  /** How old an open order's forecast may get before the orders timer re-estimates it. */
  etaRefreshMs: number;
  /** How long a studio's fitted forecast model is reused. */
  etaModelTtlMs: number;
  notify: {
    /** How often each notifications instance sends what is due. */
    pollMs: number;
    /** The first retry's delay (doubling, capped at 6 h). */
    retryBaseMs: number;
    /** Attempts before a message is dead-lettered. */
    maxAttempts: number;
  };
  /** The WeChat official account's API; null: customers' WeChat messages are not sent. */
  wechat: { baseUrl: string; appId: string; appSecret: string } | null;
  /** Where webhooks may go. */
  webhooks: {
    /** WEBHOOK_ALLOW_PRIVATE: loopback, private, link-local and other special-purpose addresses too (a receiver on this machine); off unless set. */
    allowPrivate: boolean;
    /** How a webhook's host is resolved (default: the system's resolver; tests answer made-up names). */
    resolveHost?: ResolveHost;
  };
}

/** Every address a host name resolves to. */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const DEFAULT_SUBGRAPH_SETTINGS: SubgraphSettings = Object.freeze({
  delayCheckMs: 60_000,
  etaRefreshMs: 600_000,
  etaModelTtlMs: 300_000,
  notify: Object.freeze({ pollMs: 2_000, retryBaseMs: 30_000, maxAttempts: 8 }),
  wechat: null,
  webhooks: Object.freeze({ allowPrivate: false }),
});
