import { Page, PageHead } from '@/components/motion/page';
import { useExampleKey } from '@/app/use-example-key';
import { useGetModelsQuery } from '@/features/catalog/api/catalog-api';
import { DocsContent } from '@/features/docs/components/docs-content';
import { useT } from '@/lib/i18n';

export function Component() {
  const t = useT();
  const key = useExampleKey();
  // Samples name a real model from the catalog when there is one.
  const models = useGetModelsQuery({ sort: 'name', page: 1, pageSize: 1 });
  const model = models.data?.items[0]?.externalId ?? 'gpt-4o';
  return (
    <Page title={t('docs.title')}>
      <PageHead eyebrow={t('docs.eyebrow')} title={t('docs.title')} lead={t('docs.lead')} />
      <DocsContent apiKey={key.value} model={model} />
    </Page>
  );
}
