import type { EntityManager } from '@mikro-orm/core';
import { WechatToken } from './entities';

/**
 * WeChat official-account customer-service messages (客服消息): the API's access token is fetched
 * with the app's id and secret, cached (in the database, so every instance shares it) until a
 * little before it expires, and refreshed when the API says it expired or is invalid. The base
 * URL is configurable (WECHAT_API_BASE), so a local stub can stand in for api.weixin.qq.com.
 */
export interface WechatConfig {
  baseUrl: string;
  appId: string;
  appSecret: string;
}

/** The API's error codes the dispatcher acts on (https://developers.weixin.qq.com/doc/offiaccount). */
const WECHAT_ERRORS = {
  SYSTEM_BUSY: -1,
  INVALID_CREDENTIAL: 40001,
  INVALID_OPENID: 40003,
  INVALID_ACCESS_TOKEN: 40014,
  ACCESS_TOKEN_EXPIRED: 42001,
  REQUIRE_SUBSCRIBE: 43004,
  /** The customer has not written to the account in 48 hours: no customer-service message may reach them. */
  OUT_OF_REPLY_WINDOW: 45015,
  /** Too many messages since the customer last wrote. */
  OUT_OF_RESPONSE_COUNT: 45047,
  DATA_FORMAT_ERROR: 47001,
} as const;

const TOKEN_ERRORS: readonly number[] = [
  WECHAT_ERRORS.INVALID_CREDENTIAL,
  WECHAT_ERRORS.INVALID_ACCESS_TOKEN,
  WECHAT_ERRORS.ACCESS_TOKEN_EXPIRED,
];
/** Refused for good: retrying changes nothing until the customer acts. */
const FINAL_ERRORS: readonly number[] = [
  WECHAT_ERRORS.OUT_OF_REPLY_WINDOW,
  WECHAT_ERRORS.INVALID_OPENID,
  WECHAT_ERRORS.REQUIRE_SUBSCRIBE,
  WECHAT_ERRORS.DATA_FORMAT_ERROR,
];
/** A token is refreshed this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;
const TIMEOUT_MS = 10_000;

/** `error` is recorded on the message (and shown to its owner); `cause`, when there is one, goes to the hub's log only. */
export type SendOutcome =
  { status: 'SENT' } | { status: 'RETRY'; error: string; cause?: string } | { status: 'UNDELIVERABLE'; error: string };

interface WechatReply {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

async function call(url: string, init?: RequestInit): Promise<WechatReply> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  if (!response.ok) throw new Error(`WeChat API answered HTTP ${response.status}`);
  return (await response.json()) as WechatReply;
}

const describe = (reply: WechatReply) => `WeChat ${reply.errcode}: ${reply.errmsg ?? ''}`.trim();

export class WechatClient {
  /** A token fetch under way: sends failing together refresh once (per instance). */
  private refreshing: Promise<string> | null = null;

  constructor(private readonly config: WechatConfig) {}

  /** The cached token, or a new one from /cgi-bin/token (after `stale`, the one that failed). */
  async accessToken(em: EntityManager, stale?: string): Promise<string> {
    const cached = await em.findOne(WechatToken, { appId: this.config.appId });
    if (cached && cached.token !== stale && cached.expiresAt.getTime() > Date.now()) return cached.token;
    this.refreshing ??= this.fetchToken(em).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  private async fetchToken(em: EntityManager): Promise<string> {
    const query = new URLSearchParams({ grant_type: 'client_credential', appid: this.config.appId, secret: this.config.appSecret });
    const reply = await call(`${this.config.baseUrl}/cgi-bin/token?${query.toString()}`);
    if (!reply.access_token) throw new Error(`Cannot get a WeChat access token: ${describe(reply)}`);
    const expiresAt = new Date(Date.now() + (reply.expires_in ?? 7200) * 1000 - TOKEN_MARGIN_MS);
    await em.upsert(WechatToken, { appId: this.config.appId, token: reply.access_token, expiresAt });
    return reply.access_token;
  }

  /** Sends a text customer-service message; an expired or invalid token is refreshed and the send retried once. */
  async sendText(em: EntityManager, openId: string, content: string): Promise<SendOutcome> {
    const body = JSON.stringify({ touser: openId, msgtype: 'text', text: { content } });
    let token = await this.accessToken(em);
    for (let attempt = 1; ; attempt += 1) {
      const reply = await call(`${this.config.baseUrl}/cgi-bin/message/custom/send?access_token=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body,
      });
      const code = reply.errcode ?? 0;
      if (code === 0) return { status: 'SENT' };
      if (TOKEN_ERRORS.includes(code) && attempt === 1) {
        token = await this.accessToken(em, token);
        continue;
      }
      return FINAL_ERRORS.includes(code)
        ? { status: 'UNDELIVERABLE', error: describe(reply) }
        : { status: 'RETRY', error: describe(reply) };
    }
  }
}
