import { useAppDispatch } from '@/app/hooks';
import { LOCALES, localeChanged, useT } from '@/lib/i18n';

export function LanguageSwitch() {
  const t = useT();
  const dispatch = useAppDispatch();
  return (
    <div className="segmented" role="group" aria-label={t('nav.language')}>
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale}
          aria-pressed={t.locale === locale}
          onClick={() => dispatch(localeChanged(locale))}
          data-testid={`lang-${locale}`}
        >
          {/* the spoken name starts with the visible label, so voice control finds "EN" too */}
          {locale.toUpperCase()}
          <span className="visually-hidden"> {locale === 'en' ? 'English' : 'Русский'}</span>
        </button>
      ))}
    </div>
  );
}
