import { monogram, useBrandIcon } from './use-brand-icon';

/** A company's mark: its simple-icons logo if it has one, else a serif monogram. */
export function CompanyLogo({
  name,
  logoKey,
  size = 'md',
}: {
  name: string;
  logoKey: string | null | undefined;
  size?: 'md' | 'lg';
}) {
  const path = useBrandIcon(logoKey);
  return (
    <span className={size === 'lg' ? 'logo-tile logo-tile--lg' : 'logo-tile'} aria-hidden="true">
      {path ? (
        <svg viewBox="0 0 24 24" fill="currentColor">
          <path d={path} />
        </svg>
      ) : path === null ? (
        <svg viewBox="0 0 24 24">
          <text
            x="12"
            y="16.5"
            textAnchor="middle"
            fill="currentColor"
            style={{ font: '500 12px var(--font-serif)' }}
          >
            {monogram(name)}
          </text>
        </svg>
      ) : null}
    </span>
  );
}
