import { Link } from 'react-router';
import { CompanyLogo } from '@/components/brand/company-logo';
import { ArrowRightIcon } from '@/components/ui/icons';
import { paths } from '@/config/paths';
import { useT } from '@/lib/i18n';
import type { Company } from '@/types/api';

export function CompanyCard({ company }: { company: Company }) {
  const t = useT();
  return (
    <Link
      to={paths.company.build(company.id)}
      className="card card--link"
      data-testid="company-card"
    >
      <CompanyLogo name={company.name} logoKey={company.logoKey} />
      <h3 className="card__title">{company.name}</h3>
      {company.description ? (
        <p className="muted" style={{ fontSize: 15 }}>
          {company.description}
        </p>
      ) : null}
      <div className="card__foot">
        <span className="mono" style={{ fontSize: 13 }}>
          {t.plural('company.models', company.modelCount)}
        </span>
        <ArrowRightIcon className="card__arrow" width={18} height={18} />
      </div>
    </Link>
  );
}
