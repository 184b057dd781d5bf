import { useAppSelector } from '@/app/hooks';
import { useGetKeysQuery } from '@/features/api-keys/api/api-keys-api';
import { selectLastCreatedKey } from '@/features/api-keys/api-keys-slice';
import { keyState } from '@/features/api-keys/components/key-row';
import { selectToken } from '@/features/auth/auth-slice';
import { useT } from '@/lib/i18n';

/**
 * The key to show in code samples: the one just created in this tab (kept in memory),
 * else the prefix of the user's newest active key, else a generic placeholder.
 */
export function useExampleKey(): { value: string; kind: 'created' | 'prefix' | 'placeholder' } {
  const t = useT();
  const token = useAppSelector(selectToken);
  const created = useAppSelector(selectLastCreatedKey);
  const keys = useGetKeysQuery(undefined, { skip: !token || !!created });
  if (created) return { value: created.key, kind: 'created' };
  const active = [...(keys.data ?? [])]
    .filter((k) => keyState(k) === 'active')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
  if (active) return { value: `${active.prefix}…`, kind: 'prefix' };
  return { value: t('example.keyPlaceholder'), kind: 'placeholder' };
}
