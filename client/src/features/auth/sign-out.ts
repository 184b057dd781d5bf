import type { Dispatch } from '@reduxjs/toolkit';
import { api } from '@/lib/api';
import { signedOut } from './auth-slice';

/** Forgets the JWT and every cached answer that belonged to it. */
export const signOut = () => (dispatch: Dispatch) => {
  dispatch(signedOut());
  dispatch(api.util.resetApiState());
};
