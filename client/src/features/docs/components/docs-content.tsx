import { Reveal } from '@/components/motion/page';
import { CodeBlock, CodeTabs } from '@/components/ui/code-block';
import { ExternalIcon } from '@/components/ui/icons';
import { ButtonAnchor } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { useT, type MessageKey } from '@/lib/i18n';
import {
  apiBaseUrl,
  csharpExample,
  curlExample,
  curlHeaderKeyExample,
  javascriptExample,
  pythonExample,
  streamingPythonExample,
} from '@/utils/request-examples';

const ERROR_CODES = [401, 402, 403, 404, 429, 502, 504] as const;
const RATE_HEADERS = [
  ['x-ratelimit-limit-requests', 'docs.hdr.limitRequests'],
  ['x-ratelimit-remaining-requests', 'docs.hdr.remainingRequests'],
  ['x-ratelimit-reset-requests', 'docs.hdr.resetRequests'],
  ['x-ratelimit-limit-tokens', 'docs.hdr.limitTokens'],
  ['x-ratelimit-remaining-tokens', 'docs.hdr.remainingTokens'],
  ['x-ratelimit-reset-tokens', 'docs.hdr.resetTokens'],
  ['x-request-id', 'docs.hdr.requestId'],
  ['Server-Timing', 'docs.hdr.serverTiming'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

const TOC = [
  ['quickstart', 'docs.quickstart.title'],
  ['keys', 'docs.keys.title'],
  ['limits', 'docs.limits.title'],
  ['errors', 'docs.errors.title'],
  ['streaming', 'docs.streaming.title'],
  ['reference', 'docs.reference.title'],
] as const satisfies ReadonlyArray<readonly [string, MessageKey]>;

/** How to call the proxy; samples carry the user's key when we know it. */
export function DocsContent({ apiKey, model }: { apiKey: string; model: string }) {
  const t = useT();
  const baseUrl = apiBaseUrl();
  const input = { baseUrl, model, apiKey, prompt: t('example.prompt') };
  const errorExample = JSON.stringify(
    {
      error: {
        message: 'Rate limit exceeded for gpt-4o: 10 requests per minute.',
        type: 'rate_limit_exceeded',
        param: null,
        code: 'rate_limit_exceeded',
      },
    },
    null,
    2,
  );

  return (
    <div className="docs-layout">
      <nav className="docs-toc" aria-label={t('docs.toc')}>
        <span className="eyebrow">{t('docs.toc')}</span>
        <ol>
          {TOC.map(([id, key]) => (
            <li key={id}>
              <a href={`#${id}`}>{t(key)}</a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="stack" style={{ gap: 64, minWidth: 0 }}>
        <Reveal aria-labelledby="quickstart">
          <h2 id="quickstart">{t('docs.quickstart.title')}</h2>
          <div className="prose">
            <p>{t('docs.quickstart.p1')}</p>
          </div>
          <dl className="facts">
            <div>
              <dt>{t('docs.baseUrl')}</dt>
              <dd style={{ fontSize: 15, fontFamily: 'var(--font-mono)' }} data-testid="docs-base-url">
                {baseUrl}
              </dd>
            </div>
            <div>
              <dt>{t('docs.endpoints')}</dt>
              <dd style={{ fontSize: 14, fontFamily: 'var(--font-mono)' }}>
                POST /chat/completions
                <br />
                POST /completions
                <br />
                POST /embeddings
                <br />
                GET /models
              </dd>
            </div>
          </dl>
          <CodeTabs
            label={t('example.language')}
            testId="docs-examples"
            samples={[
              { id: 'curl', label: 'curl', code: curlExample(input) },
              { id: 'python', label: 'Python', code: pythonExample(input) },
              { id: 'js', label: 'JavaScript', code: javascriptExample(input) },
              { id: 'csharp', label: 'C#', code: csharpExample(input) },
            ]}
          />
          <p className="meta">{t('docs.quickstart.sdkNote')}</p>
        </Reveal>

        <Reveal aria-labelledby="keys">
          <h2 id="keys">{t('docs.keys.title')}</h2>
          <div className="prose">
            <p>{t('docs.keys.p1')}</p>
            <p>{t('docs.keys.p2')}</p>
          </div>
          <CodeBlock label="X-API-Key" code={curlHeaderKeyExample({ baseUrl, apiKey })} />
        </Reveal>

        <Reveal aria-labelledby="limits">
          <h2 id="limits">{t('docs.limits.title')}</h2>
          <div className="prose">
            <p>{t('docs.limits.p1')}</p>
            <p>{t('docs.limits.p2')}</p>
          </div>
          <div className="table-wrap">
            <table className="rtable">
              <caption className="visually-hidden">{t('docs.limits.headers')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('docs.header')}</th>
                  <th scope="col">{t('docs.meaning')}</th>
                </tr>
              </thead>
              <tbody>
                {RATE_HEADERS.map(([name, key]) => (
                  <tr key={name}>
                    <td className="rtable__primary">
                      <code className="inline-code">{name}</code>
                    </td>
                    <td data-label={t('docs.meaning')}>{t(key)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Reveal>

        <Reveal aria-labelledby="errors">
          <h2 id="errors">{t('docs.errors.title')}</h2>
          <div className="prose">
            <p>{t('docs.errors.p1')}</p>
          </div>
          <CodeBlock label="JSON" code={errorExample} />
          <div className="table-wrap">
            <table className="rtable">
              <caption className="visually-hidden">{t('docs.errors.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('docs.status')}</th>
                  <th scope="col">{t('docs.meaning')}</th>
                </tr>
              </thead>
              <tbody>
                {ERROR_CODES.map((code) => (
                  <tr key={code}>
                    <td className="rtable__primary mono">{code}</td>
                    <td data-label={t('docs.meaning')}>{t(`docs.err.${code}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Reveal>

        <Reveal aria-labelledby="streaming">
          <h2 id="streaming">{t('docs.streaming.title')}</h2>
          <div className="prose">
            <p>{t('docs.streaming.p1')}</p>
          </div>
          <CodeBlock label="Python" code={streamingPythonExample(input)} />
        </Reveal>

        <Reveal aria-labelledby="reference">
          <h2 id="reference">{t('docs.reference.title')}</h2>
          <div className="prose">
            <p>{t('docs.reference.p1')}</p>
          </div>
          <div>
            <ButtonAnchor href={paths.swagger.build()} data-testid="swagger-link">
              {t('docs.reference.swagger')}
              <ExternalIcon />
            </ButtonAnchor>
          </div>
        </Reveal>
      </div>
    </div>
  );
}
