import { useMemo } from 'react';
import { useSelector } from 'react-redux';
import { selectLocale, type Locale } from './i18n-slice';

export function makeFormat(locale: Locale) {
  const tag = locale === 'ru' ? 'ru-RU' : 'en-US';
  const integer = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(tag, { notation: 'compact', maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(tag, { timeStyle: 'medium' });
  const money = (value: number | null | undefined, maxDigits = 2) =>
    value === null || value === undefined || Number.isNaN(value)
      ? '—'
      : new Intl.NumberFormat(tag, {
          style: 'currency',
          currency: 'USD',
          minimumFractionDigits: Math.min(2, maxDigits),
          maximumFractionDigits: maxDigits,
        }).format(value);
  const parse = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
  return {
    locale,
    tag,
    int: (v: number | null | undefined) => (v === null || v === undefined ? '—' : integer.format(v)),
    compact: (v: number | null | undefined) =>
      v === null || v === undefined ? '—' : compact.format(v),
    money,
    /** Request costs are tiny: show up to 6 decimals. */
    cost: (v: number | null | undefined) => money(v, 6),
    /** Prices per million tokens. */
    price: (v: number | null | undefined) => money(v, 4),
    date: (iso: string | null | undefined) => {
      const d = parse(iso);
      return d ? date.format(d) : '—';
    },
    dateTime: (iso: string | null | undefined) => {
      const d = parse(iso);
      return d ? dateTime.format(d) : '—';
    },
    time: (iso: string | null | undefined) => {
      const d = parse(iso);
      return d ? time.format(d) : '—';
    },
    ms: (v: number | null | undefined) =>
      v === null || v === undefined ? '—' : v < 1000 ? `${integer.format(v)} ms` : `${(v / 1000).toFixed(1)} s`,
  };
}

export type Format = ReturnType<typeof makeFormat>;

export function useFormat(): Format {
  const locale = useSelector(selectLocale);
  return useMemo(() => makeFormat(locale), [locale]);
}
