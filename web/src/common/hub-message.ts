import type { CombinedError } from 'urql';

/**
 * What the hub said: its stable code and, for refused preconditions, the rule (`reason`) — what
 * a page words in the reader's language (HubRefusal) — and the hub's own English message, for support.
 */
export interface HubMessage {
  message: string;
  code: string | null;
  reason?: string | null;
  /** The input the hub refused, when it names one (`extensions.field`, e.g. `input.gln`). */
  field?: string | null;
}

export function hubMessage(error: CombinedError | null | undefined): HubMessage | null {
  if (!error) return null;
  const first = error.graphQLErrors[0];
  if (first) {
    const { reason, field } = first.extensions ?? {};
    return {
      message: first.message,
      code: (first.extensions?.code as string | undefined) ?? null,
      reason: typeof reason === 'string' ? reason : null,
      ...(typeof field === 'string' ? { field } : {}),
    };
  }
  return { message: error.networkError ? 'network' : error.message, code: error.networkError ? 'NETWORK' : null };
}

/**
 * The one mapping from what the hub answered to the catalogue: the rule it broke
 * (`errors.reason.<REASON>`) when the catalogue words it, else what its code means
 * (`errors.code.<CODE>`), else a general sentence. Never the hub's English, an id or the code:
 * the code is shown apart, as the support code (`supportCode`).
 */
export function refusalKey(error: Pick<HubMessage, 'code' | 'reason'>, exists: (key: string) => boolean): string {
  if (error.reason && exists(`errors.reason.${error.reason}`)) return `errors.reason.${error.reason}`;
  // A refused state change names its machine in the reason (INVALID_ORDER_TRANSITION, …): one sentence for all.
  if (error.reason && /^INVALID_[A-Z_]+_TRANSITION$/.test(error.reason)) return 'errors.reason.INVALID_TRANSITION';
  if (error.code && exists(`errors.code.${error.code}`)) return `errors.code.${error.code}`;
  return 'errors.unknown';
}

export function refusalText(
  error: Pick<HubMessage, 'code' | 'reason'>,
  t: (key: string) => string,
  exists: (key: string) => boolean,
): string {
  return t(refusalKey(error, exists));
}

/** What the reader quotes to support: the code, and the rule when there is one (e.g. FAILED_PRECONDITION · QC_NOT_PASSED). */
export function supportCode(error: Pick<HubMessage, 'code' | 'reason'>): string {
  return [error.code, error.reason].filter(Boolean).join(' · ') || 'UNKNOWN';
}

/** The input a refusal names, without its path or position (`input.stageCodes[1]` → `stageCodes`): where the page says it. */
export function refusedInput(error: Pick<HubMessage, 'field'> | null): string | null {
  const field = error?.field?.split('.').pop();
  return field ? field.replace(/\[\d+\]$/, '') : null;
}
