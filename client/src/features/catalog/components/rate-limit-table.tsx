import { useFormat, useT } from '@/lib/i18n';

export interface LimitRow {
  key: string;
  modelName?: string;
  tierName: string;
  requestsPerMinute: number;
  requestsPerDay: number;
  tokensPerMinute: number;
  tokensPerDay: number;
  inherited?: boolean;
}

/** Limits by tier; a table on wide screens, a stack of cards on phones. */
export function RateLimitTable({
  rows,
  caption,
  showModel = false,
}: {
  rows: LimitRow[];
  caption?: string;
  showModel?: boolean;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="rtable" data-testid="rate-limit-table">
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {showModel ? <th scope="col">{t('limits.model')}</th> : null}
            <th scope="col">{t('limits.tier')}</th>
            <th scope="col" className="r">
              {t('limits.rpm')}
            </th>
            <th scope="col" className="r">
              {t('limits.rpd')}
            </th>
            <th scope="col" className="r">
              {t('limits.tpm')}
            </th>
            <th scope="col" className="r">
              {t('limits.tpd')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              {showModel ? (
                <td className="rtable__primary" data-label={t('limits.model')}>
                  {row.modelName}
                </td>
              ) : null}
              <td className={showModel ? undefined : 'rtable__primary'} data-label={t('limits.tier')}>
                <span className="row" style={{ gap: 8 }}>
                  <span>{row.tierName}</span>
                  {row.inherited ? (
                    <span className="pill" title={t('limits.inheritedHint')}>
                      {t('limits.inherited')}
                    </span>
                  ) : null}
                </span>
              </td>
              <td className="r" data-label={t('limits.rpm')}>
                {f.int(row.requestsPerMinute)}
              </td>
              <td className="r" data-label={t('limits.rpd')}>
                {f.int(row.requestsPerDay)}
              </td>
              <td className="r" data-label={t('limits.tpm')}>
                {f.int(row.tokensPerMinute)}
              </td>
              <td className="r" data-label={t('limits.tpd')}>
                {f.int(row.tokensPerDay)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
