import { createAction } from '@reduxjs/toolkit';

/** Dispatched by the API layer when the backend rejects the stored JWT (401). */
export const sessionExpired = createAction('session/expired');

/** The user signed out; every slice holding per-user state clears itself. */
export const signedOut = createAction('session/signedOut');
