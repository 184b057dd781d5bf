import { Link } from 'react-router';
import { ArrowRightIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { useFormat, useT } from '@/lib/i18n';
import type { ModelSummary } from '@/types/api';
import { CapabilityPills } from './capability-pills';

export function ModelCard({ model, showCompany = true }: { model: ModelSummary; showCompany?: boolean }) {
  const t = useT();
  const f = useFormat();
  return (
    <Link to={paths.model.build(model.id)} className="card card--link" data-testid="model-card">
      <div className="row row--between" style={{ alignItems: 'flex-start' }}>
        <div className="stack stack--tight" style={{ minWidth: 0 }}>
          {showCompany ? <span className="eyebrow">{model.companyName}</span> : null}
          <h3 className="card__title break">{model.name}</h3>
          <code className="meta break">{model.externalId}</code>
        </div>
      </div>
      <div className="pills">
        {model.isFree ? <span className="pill pill--olive">{t('model.free')}</span> : null}
        {!model.isAvailable ? <span className="pill pill--danger">{t('model.unavailable')}</span> : null}
        {model.tiers.map((tier) => (
          <span key={tier} className="pill pill--sky">
            {tier}
          </span>
        ))}
      </div>
      <dl className="facts" style={{ gridTemplateColumns: 'repeat(2, minmax(0, 1fr))' }}>
        <div>
          <dt>{t('model.inputPrice')}</dt>
          <dd style={{ fontSize: 17 }}>{f.price(model.inputPricePerMillion)}</dd>
        </div>
        <div>
          <dt>{t('model.outputPrice')}</dt>
          <dd style={{ fontSize: 17 }}>{f.price(model.outputPricePerMillion)}</dd>
        </div>
      </dl>
      <CapabilityPills capabilities={model.capabilities} max={4} />
      <div className="card__foot">
        <span className="mono" style={{ fontSize: 13 }}>
          {model.contextWindow
            ? t('model.contextShort', { value: f.compact(model.contextWindow) })
            : t('model.contextUnknown')}
        </span>
        <ArrowRightIcon className="card__arrow" width={18} height={18} />
      </div>
    </Link>
  );
}
