// Imported first by main.tsx, before any schema is built: the server's Content-Security-Policy forbids eval, and
// without this zod probes `Function("")` (a CSP violation report) before falling back to what jitless does anyway.
import { config } from "zod";

config({ jitless: true });
