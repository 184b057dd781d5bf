import { combineReducers, configureStore, createListenerMiddleware } from '@reduxjs/toolkit';
import { setupListeners } from '@reduxjs/toolkit/query';
import { authReducer, saveAuthState, type AuthState } from '@/features/auth/auth-slice';
import { apiKeysReducer } from '@/features/api-keys/api-keys-slice';
import { api } from '@/lib/api';
import { i18nReducer, LOCALE_STORAGE_KEY } from '@/lib/i18n';
import { sessionExpired } from '@/lib/session-events';

const rootReducer = combineReducers({
  [api.reducerPath]: api.reducer,
  auth: authReducer,
  i18n: i18nReducer,
  apiKeys: apiKeysReducer,
});

export type RootState = ReturnType<typeof rootReducer>;

export function makeStore(preloadedState?: Partial<RootState>) {
  const listener = createListenerMiddleware();
  listener.startListening({
    actionCreator: sessionExpired,
    effect: (_action, listenerApi) => {
      listenerApi.dispatch(api.util.resetApiState());
    },
  });

  const store = configureStore({
    reducer: rootReducer,
    preloadedState,
    middleware: (getDefault) => getDefault().prepend(listener.middleware).concat(api.middleware),
  });

  // Persist the session and the language choice whenever they change.
  let lastAuth: AuthState | undefined;
  let lastLocale: string | undefined;
  store.subscribe(() => {
    const state = store.getState();
    if (state.auth !== lastAuth) {
      lastAuth = state.auth;
      saveAuthState(state.auth);
    }
    if (state.i18n.locale !== lastLocale) {
      const first = lastLocale === undefined;
      lastLocale = state.i18n.locale;
      if (typeof document !== 'undefined') document.documentElement.lang = state.i18n.locale;
      if (!first) {
        try {
          localStorage.setItem(LOCALE_STORAGE_KEY, state.i18n.locale);
        } catch {
          // storage unavailable
        }
      }
    }
  });

  if (typeof document !== 'undefined') document.documentElement.lang = store.getState().i18n.locale;
  setupListeners(store.dispatch);
  return store;
}

export type AppStore = ReturnType<typeof makeStore>;
export type AppDispatch = AppStore['dispatch'];
