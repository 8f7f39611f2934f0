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
  /** How much one allocation call may ask of the solver (docs/domains/capacity-and-kitchens.md). */
  allocation: AllocationBounds;
  /** The WeChat official account's API; null: customers' WeChat messages are not sent. */
  wechat: { baseUrl: string; appId: string; appSecret: string } | null;
  /**
   * Where invitation e-mails go out (WEFT_SMTP_URL, WEFT_SMTP_FROM); null, the default: none are
   * sent, and the admin sends the invitation's link themselves (docs/onboarding.md).
   */
  mail: MailSettings | null;
  /** Where webhooks may go. */
  webhooks: {
    /** WEBHOOK_ALLOW_PRIVATE: loopback, private, link-local and other special-purpose addresses too (a receiver on this machine); off unless set. */
    allowPrivate: boolean;
    /** How a webhook's host is resolved (default: the system's resolver; tests answer made-up names). */
    resolveHost?: ResolveHost;
  };
}

/** The size and time one allocation call may take: bounded, so no caller holds the solver (or a database) for long. */
export interface AllocationBounds {
  /** Open requests one call places at most (ALLOCATION_MAX_REQUESTS): `allocateOverflow` refuses more, a round takes the oldest. */
  maxRequests: number;
  /** Offers one call considers at most, the cheapest running ones of the capabilities asked for (ALLOCATION_MAX_OFFERS). */
  maxOffers: number;
  /** (request, offer, day) placements — the model's variables — one call may weigh (ALLOCATION_MAX_PLACEMENTS). */
  maxPlacements: number;
  /** The whole call's time, waiting for the solver included (ALLOCATION_DEADLINE_SECONDS). */
  deadlineMs: number;
}

/** An SMTP server to send through: `smtp://user:password@host:587` (STARTTLS when offered) or `smtps://…:465`. */
export interface MailSettings {
  smtpUrl: string;
  /** The sender, e.g. `Weft <no-reply@hub.example>`. */
  from: string;
  /** The wait before the first retry of a failed send (doubling after); tests shorten it. */
  retryDelayMs?: number;
}

/** Every address a host name resolves to. */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const DEFAULT_SUBGRAPH_SETTINGS: SubgraphSettings = Object.freeze({
  delayCheckMs: 60_000,
  etaRefreshMs: 600_000,
  etaModelTtlMs: 300_000,
  notify: Object.freeze({ pollMs: 2_000, retryBaseMs: 30_000, maxAttempts: 8 }),
  allocation: Object.freeze({ maxRequests: 50, maxOffers: 100, maxPlacements: 10_000, deadlineMs: 10_000 }),
  wechat: null,
  mail: null,
  webhooks: Object.freeze({ allowPrivate: false }),
});
