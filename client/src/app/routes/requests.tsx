import { Page, PageHead } from '@/components/motion/page';
import { useGetKeysQuery } from '@/features/api-keys/api/api-keys-api';
import { useGetLimitsQuery } from '@/features/dashboard/api/dashboard-api';
import { RequestsHistory } from '@/features/requests/components/requests-history';
import { useT } from '@/lib/i18n';

export function Component() {
  const t = useT();
  const keys = useGetKeysQuery();
  const limits = useGetLimitsQuery();
  const keyOptions = (keys.data ?? []).map((k) => ({ value: k.id, label: `${k.name} (${k.prefix}…)` }));
  const modelOptions = (limits.data?.models ?? []).map((m) => ({ value: m.externalId, label: m.modelName }));
  return (
    <Page title={t('requests.title')}>
      <PageHead eyebrow={t('requests.eyebrow')} title={t('requests.title')} lead={t('requests.lead')} />
      <RequestsHistory keyOptions={keyOptions} modelOptions={modelOptions} />
    </Page>
  );
}
