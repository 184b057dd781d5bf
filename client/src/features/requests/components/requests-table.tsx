import { useFormat, useT } from '@/lib/i18n';
import type { RequestRow, RequestTotals } from '@/types/api';

/** The history table; `breakdown` adds input / output cost beside the total. */
export function RequestsTable({
  rows,
  totals,
  breakdown,
}: {
  rows: RequestRow[];
  totals: RequestTotals | null;
  breakdown: boolean;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="rtable" data-testid="requests-table">
        <caption className="visually-hidden">{t('requests.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('requests.time')}</th>
            <th scope="col">{t('requests.model')}</th>
            <th scope="col">{t('requests.key')}</th>
            <th scope="col">{t('requests.status')}</th>
            <th scope="col" className="r">
              {t('requests.inputTokens')}
            </th>
            <th scope="col" className="r">
              {t('requests.outputTokens')}
            </th>
            {breakdown ? (
              <>
                <th scope="col" className="r">
                  {t('requests.inputCost')}
                </th>
                <th scope="col" className="r">
                  {t('requests.outputCost')}
                </th>
              </>
            ) : null}
            <th scope="col" className="r">
              {t('requests.totalCost')}
            </th>
            <th scope="col" className="r">
              {t('requests.latency')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-testid="request-row">
              <td className="nowrap" data-label={t('requests.time')}>
                {f.dateTime(row.createdAt)}
              </td>
              <td data-label={t('requests.model')}>
                <span className="stack" style={{ gap: 0 }}>
                  <span className="break">{row.model}</span>
                  <span className="meta mono">
                    {row.endpoint}
                    {row.streamed ? ` · ${t('requests.streamed')}` : ''}
                  </span>
                </span>
              </td>
              <td data-label={t('requests.key')}>
                <span className="break">{row.keyName ?? '—'}</span>
              </td>
              <td data-label={t('requests.status')}>
                <span
                  className={
                    row.statusCode >= 200 && row.statusCode < 300
                      ? 'pill pill--olive'
                      : row.statusCode === 429
                        ? 'pill pill--clay'
                        : 'pill pill--danger'
                  }
                  title={row.status}
                >
                  {row.statusCode}
                </span>
              </td>
              <td className="r" data-label={t('requests.inputTokens')}>
                {f.int(row.inputTokens)}
              </td>
              <td className="r" data-label={t('requests.outputTokens')}>
                {f.int(row.outputTokens)}
              </td>
              {breakdown ? (
                <>
                  <td className="r" data-label={t('requests.inputCost')} data-testid="cost-input">
                    {f.cost(row.inputCost)}
                  </td>
                  <td className="r" data-label={t('requests.outputCost')} data-testid="cost-output">
                    {f.cost(row.outputCost)}
                  </td>
                </>
              ) : null}
              <td className="r" data-label={t('requests.totalCost')}>
                {f.cost(row.totalCost)}
              </td>
              <td className="r" data-label={t('requests.latency')}>
                {f.ms(row.latencyMs)}
              </td>
            </tr>
          ))}
        </tbody>
        {totals ? (
          <tfoot>
            <tr data-testid="requests-totals">
              <td data-label={t('requests.totals')}>{t.plural('requests.count', totals.requests)}</td>
              <td data-label="" />
              <td data-label="" />
              <td data-label="" />
              <td className="r" data-label={t('requests.inputTokens')}>
                {f.int(totals.inputTokens)}
              </td>
              <td className="r" data-label={t('requests.outputTokens')}>
                {f.int(totals.outputTokens)}
              </td>
              {breakdown ? (
                <>
                  <td className="r" data-label={t('requests.inputCost')}>
                    {f.cost(totals.inputCost)}
                  </td>
                  <td className="r" data-label={t('requests.outputCost')}>
                    {f.cost(totals.outputCost)}
                  </td>
                </>
              ) : null}
              <td className="r" data-label={t('requests.totalCost')}>
                {f.cost(totals.totalCost)}
              </td>
              <td data-label="" />
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
