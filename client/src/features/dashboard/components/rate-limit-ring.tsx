import { motion, useReducedMotion } from 'motion/react';
import { useId } from 'react';
import { useFormat, useT } from '@/lib/i18n';
import type { ModelLimitUsage } from '@/types/api';
import { ringTone, ringUsage, TONE_COLOR } from '../utils/ring';

const R = 52;
const STROKE = 9;

/**
 * One model's live headroom: the ring fills on a spring as use rises and turns
 * olive → clay → danger. A ring in use this minute wears the gradient halo.
 */
export function RateLimitRing({ usage }: { usage: ModelLimitUsage }) {
  const t = useT();
  const f = useFormat();
  const reduce = useReducedMotion();
  const gradientId = `ring-${useId().replace(/:/g, '')}`;
  const { fraction, window, requestsThisMinute } = ringUsage(usage);
  const tone = ringTone(fraction);
  const active = requestsThisMinute > 0;
  const percent = Math.round(fraction * 100);

  const remaining = (limit: number, left: number) =>
    limit > 0 ? `${f.compact(left)} / ${f.compact(limit)}` : t('limits.unlimited');

  return (
    <figure
      className="ring card card--flat"
      style={{ margin: 0 }}
      data-testid="rate-limit-ring"
      data-tone={tone}
      data-active={active}
    >
      <div
        className="ring__svg"
        role="img"
        aria-label={t('ring.aria', {
          model: usage.modelName,
          percent,
          window: t(`ring.window.${window}`),
        })}
      >
        <svg viewBox="0 0 132 132">
          <defs>
            <linearGradient id={gradientId} x1="0" y1="0" x2="1" y2="1">
              <stop offset="0%" stopColor="#d97757" />
              <stop offset="48%" stopColor="#c46686" />
              <stop offset="100%" stopColor="#6a9bcc" />
            </linearGradient>
          </defs>
          <circle cx="66" cy="66" r={R} fill="none" stroke="var(--bg-3)" strokeWidth={STROKE} />
          {active ? (
            <circle
              cx="66"
              cy="66"
              r={R + STROKE / 2 + 4}
              fill="none"
              stroke={`url(#${gradientId})`}
              strokeWidth={1.5}
              data-testid="ring-active-halo"
            />
          ) : null}
          {fraction > 0 ? (
          <motion.circle
            cx="66"
            cy="66"
            r={R}
            fill="none"
            strokeWidth={STROKE}
            strokeLinecap="round"
            style={{ stroke: TONE_COLOR[tone], transition: 'stroke 200ms cubic-bezier(.22,1,.36,1)' }}
            initial={{ pathLength: 0 }}
            animate={{ pathLength: fraction }}
            transition={
              reduce ? { duration: 0 } : { type: 'spring', stiffness: 260, damping: 30 }
            }
          />
          ) : null}
        </svg>
        <div className="ring__center" aria-hidden="true">
          <span className="ring__pct">{percent}%</span>
          <span className="ring__label">{t('ring.used')}</span>
        </div>
      </div>
      <figcaption className="stack stack--tight" style={{ alignItems: 'center', width: '100%' }}>
        <span className="ring__name">{usage.modelName}</span>
        <span className="meta">{usage.companyName}</span>
        <span className="meta">{t('ring.remaining')}</span>
        <dl className="ring__stats">
          <dt>{t('limits.rpmShort')}</dt>
          <dd>{remaining(usage.requestsPerMinute, usage.remainingRequestsMinute)}</dd>
          <dt>{t('limits.rpdShort')}</dt>
          <dd>{remaining(usage.requestsPerDay, usage.remainingRequestsDay)}</dd>
          <dt>{t('limits.tpmShort')}</dt>
          <dd>{remaining(usage.tokensPerMinute, usage.remainingTokensMinute)}</dd>
          <dt>{t('limits.tpdShort')}</dt>
          <dd>{remaining(usage.tokensPerDay, usage.remainingTokensDay)}</dd>
        </dl>
      </figcaption>
    </figure>
  );
}
