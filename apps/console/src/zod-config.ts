// Imported first by main.tsx, before any schema is built: the server's Content-Security-Policy forbids eval, and
// without this zod probes `Function("")` (a CSP violation report) before falling back to what jitless does anyway.
// From zod's core (the same global configuration): importing it from "zod" would bring every schema class into the
// first load.
import { config } from "zod/v4/core";

config({ jitless: true });
