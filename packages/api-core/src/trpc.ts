/**
 * The only place tRPC is initialised: context, error formatting, and the base procedures.
 *
 * - `publicProcedure`: anyone; turns an {@link EduplanError} thrown by a repository into the tRPC code of its reason.
 * - `authedProcedure`: a logged-in user (`ctx.user` non-null), else UNAUTHORIZED — checked before the input is parsed.
 */
import { initTRPC } from "@trpc/server";
import type { Context } from "./context.js";
import { eduplanErrorData, isEduplanError, toTRPCError, unauthenticated } from "./errors.js";
import { strictInputs } from "./strict-input.js";

const t = initTRPC.context<Context>().create({
  // Stack traces only when developing the server itself, never by default (`pnpm eduplan serve` has no NODE_ENV).
  isDev: process.env.NODE_ENV === "development",
  errorFormatter({ shape, error }) {
    const eduplan = eduplanErrorData(error);
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal ? eduplan.message.en : shape.message,
      data: { ...shape.data, eduplan },
    };
  },
});

export const router = t.router;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;
export const mergeRouters = t.mergeRouters;

/** Errors of the domain (repositories throw {@link EduplanError}) become the tRPC code of their reason. */
const domainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && isEduplanError(result.error.cause)) throw toTRPCError(result.error.cause);
  return result;
});

/** Every input refuses unknown keys, by name (./strict-input.ts). */
export const publicProcedure = strictInputs(t.procedure.use(domainErrors));

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw unauthenticated();
  return next({ ctx: { ...ctx, user: ctx.user } });
});
