import { CodeTabs } from '@/components/ui/code-block';
import { useT } from '@/lib/i18n';
import {
  apiBaseUrl,
  curlExample,
  javascriptExample,
  pythonExample,
} from '@/utils/request-examples';

/** A ready-to-copy call of this model, filled in with the user's key when we have it. */
export function RequestExample({ model, apiKey }: { model: string; apiKey: string }) {
  const t = useT();
  const input = { baseUrl: apiBaseUrl(), model, apiKey, prompt: t('example.prompt') };
  return (
    <CodeTabs
      label={t('example.language')}
      testId="request-example"
      samples={[
        { id: 'curl', label: 'curl', code: curlExample(input) },
        { id: 'python', label: 'Python', code: pythonExample(input) },
        { id: 'js', label: 'JavaScript', code: javascriptExample(input) },
      ]}
    />
  );
}
