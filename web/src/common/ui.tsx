import { useEffect, type ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { hubMessage, refusalText, supportCode, type HubMessage } from './hub-message';

export { refusalText } from './hub-message';
import { setLanguage, useI18n } from './i18n';
import type { LiveState } from './live';

/** The page frame: a header with the section's name and the language switch, then the main content. */
export function Page({
  title,
  subtitle,
  actions,
  children,
}: {
  title: string;
  subtitle?: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · Weft`;
  }, [title]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <div>
            <p className="brand-name">Weft</p>
            <h1>{title}</h1>
            {subtitle ? <p className="subtitle">{subtitle}</p> : null}
          </div>
        </div>
        <div className="header-actions">
          {actions}
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function LanguageSwitch() {
  const { language, t } = useI18n();
  const other = language === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      className="language-switch"
      onClick={() => setLanguage(other)}
      lang={other === 'zh' ? 'zh-CN' : 'en'}
      title={t('common.switchLanguage')}
    >
      {other === 'zh' ? '中文' : 'English'}
    </button>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <p className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('common.loading')}
    </p>
  );
}

export function ErrorState({
  title,
  message,
  retry,
  children,
}: {
  title?: string;
  message: string;
  retry?: () => void;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div className="state error" role="alert">
      <p className="state-title">{title ?? t('common.error')}</p>
      <p>{message}</p>
      {children}
      {retry ? (
        <button type="button" onClick={retry}>
          {t('common.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = `${id ?? title.replace(/\W+/g, '-').toLowerCase()}-heading`;
  return (
    <section className="card" aria-labelledby={headingId} id={id}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

/** Whether live updates flow: announced politely to screen readers when it changes. */
export function LiveIndicator({ state }: { state: LiveState }) {
  const { t } = useI18n();
  return (
    <p className={`live-indicator live-${state}`} role="status" aria-live="polite" data-live-state={state}>
      <span className="dot" aria-hidden="true" /> {t(`live.${state}`)}
    </p>
  );
}

/**
 * A hub refusal in the reader's language (`refusalText`, web/src/common/hub-message.ts) — never
 * the hub's English, an id or the code in the sentence. The code is kept apart, in a folded
 * "support code" detail the reader can open and quote; the hub's message stays in `data-detail`.
 */
export function HubRefusal({ error }: { error: HubMessage | null }) {
  const { t, exists } = useI18n();
  if (!error) return null;
  return (
    <div className="refusal" role="alert" data-code={error.reason ?? error.code ?? undefined} data-detail={error.message}>
      <p>{refusalText(error, t, exists)}</p>
      <SupportCode error={error} />
    </div>
  );
}

/** The code of a refusal, folded away: support asks for it, nobody has to read it. */
export function SupportCode({ error }: { error: HubMessage }) {
  const { t } = useI18n();
  return (
    <details className="support-code small muted">
      <summary>{t('errors.supportCode')}</summary>
      <code lang="en">{supportCode(error)}</code>
    </details>
  );
}

/** A panel that could not load, in the reader's language (see HubRefusal), with a retry. */
export function HubErrorState({ error, retry }: { error: CombinedError; retry?: () => void }) {
  const { t, exists } = useI18n();
  const message = hubMessage(error)!;
  return (
    <ErrorState message={refusalText(message, t, exists)} retry={retry}>
      <SupportCode error={message} />
    </ErrorState>
  );
}
