import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';

/** The customer-service message the stand-in accepts (WeChat's text message). */
const CUSTOMER_MESSAGE = z.object({ touser: z.string(), msgtype: z.literal('text'), text: z.object({ content: z.string() }) });

/**
 * A local stand-in for the WeChat official-account API (api.weixin.qq.com), for the demo and the
 * tests: `GET /cgi-bin/token` hands out access tokens for one app id and secret, and
 * `POST /cgi-bin/message/custom/send` takes customer-service messages in the official JSON format,
 * answering with the API's error codes — 40001 for a token it never issued, 42001 for an expired
 * one, 40013/40125 for a wrong app id or secret, 47001 for a malformed message, and 45015 for a
 * customer outside the 48-hour reply window (`outsideWindow`).
 *
 * `npm run wechat-stub [-- --port 4090]` runs it alone and prints what it receives (the text,
 * not the recipient); `npm start` starts one in-process when no WECHAT_APP_ID is configured.
 */
export interface WechatStubMessage {
  touser: string;
  msgtype: string;
  text?: { content: string };
  receivedAt: Date;
}

export interface WechatStub {
  url: string;
  appId: string;
  appSecret: string;
  messages: WechatStubMessage[];
  /** Tokens handed out so far. */
  tokensIssued: number;
  /** Openids that have not written to the account in 48 hours (45015). */
  outsideWindow: Set<string>;
  /** Makes every token issued so far expired (the next send gets 42001). */
  expireTokens(): void;
  /** The next `count` sends answer -1 (system busy). */
  failNext(count: number): void;
  onMessage?: (message: WechatStubMessage) => void;
  close(): Promise<void>;
}

/**
 * One received message as the stand-in prints it: its text on one line, never the recipient's
 * openid (a customer's identifier at WeChat: personal data, kept out of every log).
 */
export function describeWechatMessage(prefix: string, message: WechatStubMessage): string {
  return `${prefix} message to a customer: ${message.text?.content.replace(/\n/g, ' / ') ?? `(${message.msgtype})`}`;
}

export async function startWechatStub(
  options: { port?: number; host?: string; appId?: string; appSecret?: string; expiresInSeconds?: number } = {},
): Promise<WechatStub> {
  const appId = options.appId ?? 'wx-weft-demo';
  const appSecret = options.appSecret ?? 'weft-demo-secret';
  const tokens = new Map<string, number>();
  let busy = 0;
  const reply = (response: http.ServerResponse, body: object) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stub');
    if (request.method === 'GET' && url.pathname === '/cgi-bin/token') {
      if (url.searchParams.get('grant_type') !== 'client_credential')
        return reply(response, { errcode: 40002, errmsg: 'invalid grant_type' });
      if (url.searchParams.get('appid') !== appId) return reply(response, { errcode: 40013, errmsg: 'invalid appid' });
      if (url.searchParams.get('secret') !== appSecret) return reply(response, { errcode: 40125, errmsg: 'invalid appsecret' });
      const token = randomBytes(24).toString('hex');
      const expiresIn = options.expiresInSeconds ?? 7200;
      tokens.set(token, Date.now() + expiresIn * 1000);
      stub.tokensIssued += 1;
      return reply(response, { access_token: token, expires_in: expiresIn });
    }
    if (request.method === 'POST' && url.pathname === '/cgi-bin/message/custom/send') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const token = url.searchParams.get('access_token') ?? '';
        const expiresAt = tokens.get(token);
        if (expiresAt === undefined)
          return reply(response, { errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
        if (expiresAt <= Date.now()) return reply(response, { errcode: 42001, errmsg: 'access_token expired' });
        if (busy > 0) {
          busy -= 1;
          return reply(response, { errcode: -1, errmsg: 'system error' });
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          return reply(response, { errcode: 47001, errmsg: 'data format error' });
        }
        const checked = CUSTOMER_MESSAGE.safeParse(parsed);
        if (!checked.success) return reply(response, { errcode: 47001, errmsg: 'data format error' });
        const message = checked.data;
        if (stub.outsideWindow.has(message.touser))
          return reply(response, { errcode: 45015, errmsg: 'response out of time limit or subscription is canceled' });
        const received = { touser: message.touser, msgtype: message.msgtype, text: message.text, receivedAt: new Date() };
        stub.messages.push(received);
        stub.onMessage?.(received);
        return reply(response, { errcode: 0, errmsg: 'ok' });
      });
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const stub: WechatStub = {
    url: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    messages: [],
    tokensIssued: 0,
    outsideWindow: new Set(),
    expireTokens: () => {
      for (const token of tokens.keys()) tokens.set(token, 0);
    },
    failNext: (count) => {
      busy = count;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  return stub;
}

if (require.main === module) {
  const index = process.argv.indexOf('--port');
  void startWechatStub({ port: index >= 0 ? Number(process.argv[index + 1]) : 4090 }).then((stub) => {
    stub.onMessage = (message) => console.log(describeWechatMessage('[wechat]', message));
    console.log(
      `WeChat API stub on ${stub.url}\nStart the hub with WECHAT_API_BASE=${stub.url} WECHAT_APP_ID=${stub.appId} WECHAT_APP_SECRET=${stub.appSecret}`,
    );
  });
}
