import type { MessageKey } from './en';

/** Every language must define exactly the English keys (TypeScript enforces parity). */
export type Messages = Record<MessageKey, string>;
