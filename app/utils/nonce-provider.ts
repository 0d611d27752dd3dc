// The Content-Security-Policy nonce of the response being rendered (docs/decisions/022): the
// server passes it in the load context, entry.server provides it, and the root layout gives it
// to Remix's inline scripts. In the browser it is empty (the browser hides nonces from the page).
import { createContext, useContext } from "react";

export const NonceContext = createContext<string>("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
