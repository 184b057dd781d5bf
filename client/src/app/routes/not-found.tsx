import { Page } from '@/components/motion/page';
import { ButtonLink } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';

export function NotFoundView() {
  const t = useT();
  return (
    <Page title={t('notFound.title')}>
      <section className="hero" aria-labelledby="nf-title" data-testid="not-found">
        <span className="eyebrow">404</span>
        <h1 id="nf-title">{t('notFound.title')}</h1>
        <p className="hero__lead">{t('notFound.text')}</p>
        <div className="row">
          <ButtonLink to={paths.home.build()} variant="primary">
            {t('notFound.home')}
          </ButtonLink>
          <ButtonLink to={paths.models.build()}>{t('notFound.models')}</ButtonLink>
        </div>
      </section>
    </Page>
  );
}

export const Component = NotFoundView;
