import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { sessionExpired, signedOut } from '@/lib/session-events';

/**
 * The plaintext of the key created in this tab, kept in memory only (never persisted),
 * so code samples can be filled in with it until the page is reloaded.
 */
interface ApiKeysState {
  lastCreated: { id: string; name: string; key: string } | null;
}

const initialState: ApiKeysState = { lastCreated: null };

const apiKeysSlice = createSlice({
  name: 'apiKeys',
  initialState,
  reducers: {
    keyCreated(state, action: PayloadAction<{ id: string; name: string; key: string }>) {
      state.lastCreated = action.payload;
    },
    keyForgotten(state, action: PayloadAction<string>) {
      if (state.lastCreated?.id === action.payload) state.lastCreated = null;
    },
  },
  extraReducers: (builder) => {
    builder.addCase(signedOut, () => initialState).addCase(sessionExpired, () => initialState);
  },
});

export const { keyCreated, keyForgotten } = apiKeysSlice.actions;
export const apiKeysReducer = apiKeysSlice.reducer;
export const selectLastCreatedKey = (s: { apiKeys: ApiKeysState }) => s.apiKeys.lastCreated;
