import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import { logger } from '../../platform/base/logger';
import type { MailSettings } from '../../platform/base/settings';

/** Tries at most, a little apart: an SMTP server restarting or briefly refusing is waited out. */
export const INVITATION_MAIL_ATTEMPTS = 3;
const RETRY_DELAY_MS = 5_000;

/** What the e-mail says: the enterprise by name, the link and until when it works. */
export interface InvitationMail {
  invitationId: string;
  /** The invitee's e-mail address: personal data, on the envelope only (never in a log line). */
  to: string;
  enterprise: { nameZh: string; nameEn: string };
  url: string;
  expiresAt: Date;
}

const transports = new Map<string, Transporter>();
/** One pooled transport per server: a burst of invitations shares its connections. */
function transportFor(settings: MailSettings): Transporter {
  let transport = transports.get(settings.smtpUrl);
  if (!transport) {
    const url = new URL(settings.smtpUrl);
    transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      pool: true,
      // Bounded: a server that does not answer holds no sending for long.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(settings.smtpUrl, transport);
  }
  return transport;
}

/** The message in both languages (the invitee's is not known yet): Chinese first. */
function messageOf(mail: InvitationMail, from: string): SendMailOptions {
  const until = mail.expiresAt.toISOString().slice(0, 16).replace('T', ' ');
  return {
    from,
    to: mail.to,
    subject: `邀请您加入${mail.enterprise.nameZh} · Invitation to join ${mail.enterprise.nameEn}`,
    text: [
      `${mail.enterprise.nameZh}邀请您加入 Weft。请打开下面的链接，登录后接受邀请（${until} UTC 前有效，仅可使用一次）：`,
      mail.url,
      '',
      `${mail.enterprise.nameEn} invites you to Weft. Open the link, sign in and accept (valid until ${until} UTC, once):`,
      mail.url,
    ].join('\n'),
  };
}

/**
 * Sends an invitation's link by e-mail, after the invitation is stored: a failure never undoes
 * it (the admin's console shows the link to send by hand). Tried INVITATION_MAIL_ATTEMPTS times,
 * then reported in the hub's log as a warning naming the invitation, never the address.
 * Resolves true once sent.
 */
export async function mailInvitation(settings: MailSettings, mail: InvitationMail): Promise<boolean> {
  const retryDelayMs = settings.retryDelayMs ?? RETRY_DELAY_MS;
  for (let attempt = 1; attempt <= INVITATION_MAIL_ATTEMPTS; attempt += 1) {
    try {
      await transportFor(settings).sendMail(messageOf(mail, settings.from));
      logger.info({ invitationId: mail.invitationId, attempt }, 'invitation e-mailed');
      return true;
    } catch (error) {
      // The server's answer may quote the recipient: only its code and command are logged.
      const { code, responseCode, command } = error as { code?: string; responseCode?: number; command?: string };
      const last = attempt === INVITATION_MAIL_ATTEMPTS;
      logger.warn(
        { invitationId: mail.invitationId, attempt, code, responseCode, command },
        last ? 'invitation e-mail not sent: the admin sends the link' : 'invitation e-mail failed: trying again',
      );
      if (!last) await new Promise((resolve) => setTimeout(resolve, retryDelayMs * attempt));
    }
  }
  return false;
}
