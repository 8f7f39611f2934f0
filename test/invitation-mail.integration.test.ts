import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { logger } from '../platform/base/logger';
import { OutboxEvent } from '../platform/events/outbox';
import { Invitation } from '../subgraphs/network/invitation';
import { INVITATION_MAIL_ATTEMPTS } from '../subgraphs/network/invitation-mail';
import { dialects, startTestHub, type TestHub } from './support/hub';
import { hubAdmin, staff } from './support/principals';
import { waitFor } from './support/wait';

const INVITE = `mutation($e: ID!, $input: InvitationInput!, $key: String!) {
  inviteMember(enterpriseId: $e, input: $input, idempotencyKey: $key) { url invitation { id state } }
}`;
const STUDIO = 'moyun-studio';

interface Received {
  to: string[];
  data: string;
}

/**
 * A stand-in SMTP server on 127.0.0.1 (no TLS, no login): it keeps what it is sent, refuses one
 * address for good (550) and another once (451, then takes it), as real servers do.
 */
async function startMailServer(): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const deferredOnce = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === 'nobody@example.com') return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      if (address.address === 'busy@example.com' && !deferredOnce.has(address.address)) {
        deferredOnce.add(address.address);
        return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), data: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The plain text of a received message, its quoted-printable soft breaks joined and its bytes read as UTF-8. */
const plainText = (data: string) =>
  Buffer.from(
    data.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');

/** With SMTP configured, an invitation's link is also e-mailed; the address reaches no log line or event, and a failed send keeps the invitation. */
describe.each(dialects())('invitation e-mails (%s)', (dialect) => {
  let t: TestHub;
  let mail: Awaited<ReturnType<typeof startMailServer>>;
  const logged: string[] = [];
  const network = () => t.hub.subgraphs.network.systemContext().em;
  const invite = (contact: string, key: string, as = staff(STUDIO), channel = 'EMAIL') =>
    t.gql(INVITE, { e: STUDIO, input: { channel, contact, displayName: '王芳', roles: ['OPERATOR'] }, key }, { as });

  beforeAll(async () => {
    mail = await startMailServer();
    t = await startTestHub(dialect, { settings: { mail: { smtpUrl: mail.url, from: 'Weft <no-reply@weft.test>', retryDelayMs: 20 } } });
    await t.hub.subgraphs.network.definition.seed!(t.hub.subgraphs.network);
    for (const level of ['info', 'warn', 'error'] as const)
      jest.spyOn(logger, level).mockImplementation((...args: unknown[]) => {
        logged.push(JSON.stringify(args));
      });
  }, 60_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await t?.close();
    await mail?.close();
  });

  it('e-mails the link of a new invitation, once per key, in Chinese and English', async () => {
    const invited = await invite('wang.fang@example.com', 'mail-1');
    expect(invited.errors).toBeUndefined();
    const { url } = invited.data.inviteMember;
    await waitFor(() => mail.received.some((message) => message.to.includes('wang.fang@example.com')), 10_000, 'the invitation e-mail');
    const [message] = mail.received.filter((received) => received.to.includes('wang.fang@example.com'));
    const text = plainText(message.data);
    expect(text).toContain(url);
    expect(text).toContain('墨韵');
    expect(text).toMatch(/invites you to Weft/);
    // A retry with the same key answers the same invitation and sends nothing again; a phone invitation is not e-mailed.
    expect((await invite('wang.fang@example.com', 'mail-1')).data.inviteMember.url).toBe(url);
    expect((await invite('+86 139 0000 0002', 'mail-2', staff(STUDIO), 'PHONE')).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mail.received.filter((received) => received.to.includes('wang.fang@example.com'))).toHaveLength(1);
    expect(mail.received).toHaveLength(1);
  });

  it('tries again after a refusal, and keeps the invitation when the address is refused for good', async () => {
    expect((await invite('busy@example.com', 'mail-3', hubAdmin())).errors).toBeUndefined();
    await waitFor(() => mail.received.some((message) => message.to.includes('busy@example.com')), 10_000, 'the e-mail, on its second try');

    const refused = await invite('nobody@example.com', 'mail-4');
    expect(refused.errors).toBeUndefined();
    expect(refused.data.inviteMember.invitation.state).toBe('PENDING');
    const { id } = refused.data.inviteMember.invitation;
    await waitFor(() => logged.some((line) => line.includes(id) && line.includes('not sent')), 10_000, 'the last failure reported');
    expect(logged.filter((line) => line.includes(id) && line.includes('trying again'))).toHaveLength(INVITATION_MAIL_ATTEMPTS - 1);
    expect(await network().findOneOrFail(Invitation, { id })).toMatchObject({ contact: 'nobody@example.com', revokedAt: null });
  });

  it('names no address in a log line or an event', async () => {
    expect(logged.some((line) => line.includes('invitation e-mailed'))).toBe(true);
    expect(logged.join('\n')).not.toMatch(/wang\.fang|busy@|nobody@|example\.com|王芳/);
    const events = await network().find(OutboxEvent, {});
    expect(JSON.stringify(events.map((event) => event.payload))).not.toMatch(/example\.com|王芳|\+86/);
  });
});
