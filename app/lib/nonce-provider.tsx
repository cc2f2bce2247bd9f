/**
 * The per-request CSP nonce, for <Scripts>/<ScrollRestoration>. Passed by
 * context rather than loader data so it never ends up in a JSON payload.
 */
import { createContext, useContext } from 'react';

const NonceContext = createContext<string>('');

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
