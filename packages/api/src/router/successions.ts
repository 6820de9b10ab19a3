/**
 * `successions.agency` / `successions.locality`: who came before and after an agency or a locality (merged
 * departments 1/3/2025, merged provinces and communes 1/7/2025, dissolved bodies), read through the guarded path of
 * `@eduplan/db` — the record must be readable; linked records outside the user's area are counted, not named.
 */
import { z } from "zod";
import { agencySuccessionsOf, localitySuccessionsOf } from "@eduplan/db";
import { IdInput } from "../inputs.js";
import { principalOf } from "../scope.js";
import { authedProcedure, router } from "../trpc.js";

const ById = z.object({ id: IdInput });

export const successionsRouter = router({
  agency: authedProcedure.input(ById).query(({ ctx, input }) => agencySuccessionsOf(ctx.db, input.id, principalOf(ctx.user))),
  locality: authedProcedure.input(ById).query(({ ctx, input }) => localitySuccessionsOf(ctx.db, input.id, principalOf(ctx.user))),
});
