import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { AppRouter } from "@eduplan/api";

/**
 * The one tRPC client of the console, typed by the API's router (a type-only import: no server code reaches the
 * bundle). Same origin in production (the server serves the console) and through Vite's proxy in development; the
 * session lives in an httpOnly cookie, hence `credentials: "include"`.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: "/trpc",
      maxURLLength: 4000,
      fetch: (url, options) => fetch(url, { ...(options as RequestInit), credentials: "include" }),
    }),
  ],
});
