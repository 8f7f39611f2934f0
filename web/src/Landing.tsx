import { useI18n } from './common/i18n';
import { Page } from './common/ui';

/** The hub's front door: who the pages are for, and how to try the demo. */
export default function Landing() {
  const { t } = useI18n();
  const doors = [
    { href: '/studio', title: t('landing.studio'), body: t('landing.studioBody') },
    { href: '/partner', title: t('landing.partner'), body: t('landing.partnerBody') },
    { href: '/supplier', title: t('landing.supplier'), body: t('landing.supplierBody') },
    { href: '/register', title: t('register.door'), body: t('register.doorBody') },
    { href: '/admin', title: t('admin.door'), body: t('admin.doorBody') },
  ];
  return (
    <Page title={t('landing.title')} subtitle={t('landing.tagline')}>
      <ul className="doors">
        {doors.map((door) => (
          <li key={door.href} className="card">
            <h2>
              <a href={door.href}>{door.title}</a>
            </h2>
            <p>{door.body}</p>
          </li>
        ))}
      </ul>
      <section className="card" aria-labelledby="demo-heading">
        <h2 id="demo-heading">{t('landing.demoTitle')}</h2>
        <ol>
          <li>{t('landing.demoStep1')}</li>
          <li>{t('landing.demoStep2')}</li>
          <li>{t('landing.demoStep3')}</li>
        </ol>
        <p className="muted">{t('landing.customerNote')}</p>
      </section>
    </Page>
  );
}
