export { useT, translate, translatePlural, type Translator, type PluralBase } from './use-t';
export { useFormat } from './use-format';
export type { MessageKey } from './en';
export {
  localeChanged,
  selectLocale,
  i18nReducer,
  detectLocale,
  LOCALES,
  LOCALE_STORAGE_KEY,
  type Locale,
} from './i18n-slice';
