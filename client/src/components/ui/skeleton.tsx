import type { CSSProperties } from 'react';
import { useT } from '@/lib/i18n';

export function Skeleton({
  width = '100%',
  height = 16,
  radius,
  style,
}: {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  radius?: number;
  style?: CSSProperties;
}) {
  return (
    <span
      className="skeleton"
      aria-hidden="true"
      style={{ width, height, borderRadius: radius, ...style }}
    />
  );
}

/** A labelled busy region made of placeholder cards. */
export function SkeletonCards({ count = 3, height = 168 }: { count?: number; height?: number }) {
  const t = useT();
  return (
    <div className="grid grid--3" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{t('state.loading')}</span>
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} height={height} radius={14} />
      ))}
    </div>
  );
}

export function SkeletonRows({ rows = 5 }: { rows?: number }) {
  const t = useT();
  return (
    <div className="stack stack--tight" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{t('state.loading')}</span>
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} height={44} radius={8} />
      ))}
    </div>
  );
}
