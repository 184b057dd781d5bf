import { Page, Reveal } from '@/components/motion/page';
import { ButtonLink } from '@/components/ui/button';
import { ArrowRightIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { CompanyList } from '@/features/catalog/components/company-list';
import { TiersOverview } from '@/features/catalog/components/tiers-overview';
import { useT } from '@/lib/i18n';

export function Component() {
  const t = useT();
  const steps = [
    { n: '01', title: t('home.step1Title'), text: t('home.step1Text') },
    { n: '02', title: t('home.step2Title'), text: t('home.step2Text') },
    { n: '03', title: t('home.step3Title'), text: t('home.step3Text') },
  ];
  return (
    <Page title={null}>
      <section className="hero" aria-labelledby="hero-title">
        <span className="eyebrow">{t('home.eyebrow')}</span>
        <h1 id="hero-title" className="hero__title">
          {t('home.titleBefore')} <span className="gradient-text">{t('home.titleKeyword')}</span>{' '}
          {t('home.titleAfter')}
        </h1>
        <p className="hero__lead">{t('home.lead')}</p>
        <div className="row">
          <ButtonLink to={paths.models.build()} variant="primary" data-testid="hero-models">
            {t('home.ctaModels')}
            <ArrowRightIcon />
          </ButtonLink>
          <ButtonLink to={paths.docs.build()}>{t('home.ctaDocs')}</ButtonLink>
        </div>
        <code className="hero__endpoint mono" aria-label={t('home.endpointAria')}>
          <span className="muted">POST</span> {window.location.origin}/v1/chat/completions
        </code>
      </section>

      <Reveal aria-labelledby="companies-title">
        <div className="section__head">
          <div>
            <span className="eyebrow">{t('home.companiesEyebrow')}</span>
            <h2 id="companies-title">{t('home.companiesTitle')}</h2>
          </div>
          <ButtonLink to={paths.models.build()} variant="ghost">
            {t('home.allModels')}
            <ArrowRightIcon />
          </ButtonLink>
        </div>
        <CompanyList />
      </Reveal>

      <Reveal aria-labelledby="how-title">
        <div className="section__head">
          <div>
            <span className="eyebrow">{t('home.howEyebrow')}</span>
            <h2 id="how-title">{t('home.howTitle')}</h2>
          </div>
        </div>
        <p className="prose">{t('home.howLead')}</p>
        <ol className="grid grid--3 steps">
          {steps.map((step) => (
            <li key={step.n} className="card card--flat stack">
              <span className="steps__n mono">{step.n}</span>
              <h3>{step.title}</h3>
              <p className="muted">{step.text}</p>
            </li>
          ))}
        </ol>
      </Reveal>

      <Reveal aria-labelledby="tiers-title">
        <div className="section__head">
          <div>
            <span className="eyebrow">{t('home.tiersEyebrow')}</span>
            <h2 id="tiers-title">{t('home.tiersTitle')}</h2>
          </div>
          <ButtonLink to={paths.signUp.build()} variant="ghost">
            {t('home.tiersCta')}
            <ArrowRightIcon />
          </ButtonLink>
        </div>
        <p className="prose">{t('home.tiersLead')}</p>
        <TiersOverview />
      </Reveal>
    </Page>
  );
}
