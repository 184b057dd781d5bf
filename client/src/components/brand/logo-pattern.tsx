import { useId } from 'react';
import { monogram, useBrandIcon } from './use-brand-icon';

/**
 * The page's own mark tiled as a faint backdrop: rotated a little, ~5% opacity,
 * faded at the edges by a radial mask (see .pattern-backdrop).
 */
export function LogoPattern({ name, logoKey }: { name: string; logoKey: string | null | undefined }) {
  const path = useBrandIcon(logoKey);
  const id = useId().replace(/:/g, '');
  if (path === undefined) return null;
  const tile = 88;
  return (
    <div className="pattern-backdrop" aria-hidden="true" data-testid="logo-pattern">
      <svg xmlns="http://www.w3.org/2000/svg">
        <defs>
          <pattern
            id={`p${id}`}
            width={tile}
            height={tile}
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(-14)"
          >
            {path ? (
              <>
                <path d={path} fill="currentColor" transform="translate(8 8) scale(1.25)" />
                <path
                  d={path}
                  fill="currentColor"
                  transform={`translate(${tile / 2 + 8} ${tile / 2 + 8}) scale(1.25)`}
                />
              </>
            ) : (
              <>
                <text x="22" y="34" textAnchor="middle" fill="currentColor" style={{ font: '500 22px var(--font-serif)' }}>
                  {monogram(name)}
                </text>
                <text
                  x={tile / 2 + 22}
                  y={tile / 2 + 34}
                  textAnchor="middle"
                  fill="currentColor"
                  style={{ font: '500 22px var(--font-serif)' }}
                >
                  {monogram(name)}
                </text>
              </>
            )}
          </pattern>
        </defs>
        <rect width="100%" height="100%" fill={`url(#p${id})`} />
      </svg>
    </div>
  );
}
