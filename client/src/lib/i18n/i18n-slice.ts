import { createSlice, type PayloadAction } from '@reduxjs/toolkit';

export type Locale = 'en' | 'ru';
export const LOCALES: readonly Locale[] = ['en', 'ru'];
export const LOCALE_STORAGE_KEY = 'oneai.locale';

/** The saved choice, else the browser's language (Russian for ru-*), else English. */
export function detectLocale(): Locale {
  try {
    const saved = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (saved === 'en' || saved === 'ru') return saved;
  } catch {
    // storage unavailable (private mode): fall through to the browser language
  }
  const language = typeof navigator !== 'undefined' ? (navigator.language ?? '') : '';
  return language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

interface I18nState {
  locale: Locale;
}

const i18nSlice = createSlice({
  name: 'i18n',
  initialState: (): I18nState => ({ locale: detectLocale() }),
  reducers: {
    localeChanged(state, action: PayloadAction<Locale>) {
      state.locale = action.payload;
    },
  },
});

export const { localeChanged } = i18nSlice.actions;
export const i18nReducer = i18nSlice.reducer;
export const selectLocale = (state: { i18n: I18nState }) => state.i18n.locale;
