import { useMemo } from 'react';
import { useSelector } from 'react-redux';
import { en, type MessageKey } from './en';
import { selectLocale, type Locale } from './i18n-slice';
import { ru } from './ru';
import type { Messages } from './types';

export const dictionaries: Record<Locale, Messages> = { en, ru };

export type Vars = Record<string, string | number>;

/** Keys that exist in plural forms: `<base>.one`, `.few`, `.many`, `.other`. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.other` ? B : never;
}[MessageKey];

export function interpolate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  return interpolate(dictionaries[locale][key] ?? en[key] ?? key, vars);
}

export function translatePlural(locale: Locale, base: PluralBase, count: number, vars?: Vars) {
  const rule = new Intl.PluralRules(locale === 'ru' ? 'ru-RU' : 'en-US').select(count);
  const form = (['one', 'few', 'many'].includes(rule) ? rule : 'other') as
    | 'one'
    | 'few'
    | 'many'
    | 'other';
  const key = `${base}.${form}` as MessageKey;
  return translate(locale, key, { count, ...vars });
}

export interface Translator {
  (key: MessageKey, vars?: Vars): string;
  plural: (base: PluralBase, count: number, vars?: Vars) => string;
  locale: Locale;
}

/** The current language's strings: `t('nav.models')`, `t.plural('models.count', 3)`. */
export function useT(): Translator {
  const locale = useSelector(selectLocale);
  return useMemo(
    () =>
      Object.assign((key: MessageKey, vars?: Vars) => translate(locale, key, vars), {
        plural: (base: PluralBase, count: number, vars?: Vars) =>
          translatePlural(locale, base, count, vars),
        locale,
      }),
    [locale],
  );
}
