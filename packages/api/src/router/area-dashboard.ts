/**
 * Dashboards of a whole area, beside `progress.*`:
 * - `progress.areaDashboard({ localityId, year, planId? })` every child locality of a locality the user may read × every
 *   indicator of its plan (or the plan given), from the aggregates, with the evaluation of each cell;
 * - `progress.nationalDashboard({ year })` the same for the nation: every province against the national strategy
 *   (administrators, and anyone whose area is the nation).
 */
import { z } from "zod";
import { RESOURCES, first, getRecord, eq, schema as s } from "@eduplan/db";
import { YearSchema } from "@eduplan/domain";
import { areaDashboard } from "@eduplan/reporting";
import { IdInput } from "../inputs.js";
import { principalOf } from "../scope.js";
import { authedProcedure, router } from "../trpc.js";
import { apiError } from "../errors.js";

export const areaDashboardRouter = router({
  areaDashboard: authedProcedure.input(z.object({ localityId: IdInput, year: YearSchema, planId: IdInput.optional() })).query(async ({ ctx, input }) => {
    await getRecord(ctx.db, RESOURCES.localities, input.localityId, principalOf(ctx.user));
    if (input.planId !== undefined) await getRecord(ctx.db, RESOURCES.plans, input.planId, principalOf(ctx.user));
    return areaDashboard(ctx.db, input);
  }),

  nationalDashboard: authedProcedure.input(z.object({ year: YearSchema })).query(async ({ ctx, input }) => {
    const nation = await first(ctx.db.select({ id: s.localities.id }).from(s.localities).where(eq(s.localities.levelCode, "nation")));
    if (!nation) throw apiError("NOT_FOUND", "notFound", "There is no nation in this database.", "Cơ sở dữ liệu chưa có địa bàn cấp quốc gia.");
    await getRecord(ctx.db, RESOURCES.localities, nation.id, principalOf(ctx.user));
    return areaDashboard(ctx.db, { localityId: nation.id, year: input.year });
  }),
});
