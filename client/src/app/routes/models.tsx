import { Page, PageHead } from '@/components/motion/page';
import { ModelList } from '@/features/catalog/components/model-list';
import { useT } from '@/lib/i18n';

export function Component() {
  const t = useT();
  return (
    <Page title={t('models.title')}>
      <PageHead eyebrow={t('models.eyebrow')} title={t('models.title')} lead={t('models.lead')} />
      <ModelList />
    </Page>
  );
}
