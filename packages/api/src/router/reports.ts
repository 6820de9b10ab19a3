/**
 * The reporting workflow, beside the CRUD procedures of `reports` — each a mapping onto `@eduplan/cycle`:
 * - `reports.transition({ id, action, version, reason? })` moves a report draft → submitted → approved (publishing
 *   its values as the unit's figures) or returned (with a reason), and reopens an approved one;
 * - `reports.forUnit({ localityId, year })` returns the unit's report of the year (created as a draft when missing,
 *   and the province's period of the year with it, when the user may open periods) with its data-entry grid;
 * - `reports.grid({ id })` the grid of a report (any reader in the area);
 * - `reports.saveValues({ id, version, values })` saves the grid in one transaction (nothing written on any error).
 */
import { z } from "zod";
import { RESOURCES, getRecord, transaction, type Row } from "@eduplan/db";
import { openUnitReport, saveReportValues, transitionReport } from "@eduplan/cycle";
import { REPORT_ACTIONS, VersionSchema, YearSchema } from "@eduplan/domain";
import { IdInput } from "../inputs.js";
import { reportGrid, type ReportGrid } from "../report-grid.js";
import { principalOf } from "../scope.js";
import { router } from "../trpc.js";
import { requireRole } from "./resource.js";

const reportWriter = requireRole(RESOURCES.reports, "write");
const reportReader = requireRole(RESOURCES.reports, "read");
const valuesWriter = requireRole(RESOURCES.reportValues, "write");

const nullableNumber = z.number().finite().nullable().optional();

export const GridValuesInput = z
  .array(
    z.strictObject({
      indicatorId: IdInput,
      numerator: nullableNumber,
      denominator: nullableNumber,
      value: nullableNumber,
      commentVi: z.string().max(4000).nullable().optional(),
    }),
  )
  .max(2000);

export const reportWorkflowRouter = router({
  transition: reportWriter
    .input(z.object({ id: IdInput, action: z.enum(REPORT_ACTIONS), reason: z.string().trim().max(4000).nullish(), version: VersionSchema }))
    .mutation(async ({ ctx, input }): Promise<{ data: Row }> => ({
      data: await transaction(ctx.db, (tx) => transitionReport(tx, input.id, input.action, input.version, principalOf(ctx.user), input.reason ?? null)),
    })),

  forUnit: reportWriter.input(z.object({ localityId: IdInput, year: YearSchema })).mutation(({ ctx, input }): Promise<ReportGrid & { created: boolean; periodCreated: boolean }> =>
    transaction(ctx.db, async (tx) => {
      const { report, created, periodCreated } = await openUnitReport(tx, input.localityId, input.year, principalOf(ctx.user));
      return { ...(await reportGrid(tx, ctx.user, report.id)), created, periodCreated };
    }),
  ),

  grid: reportReader.input(z.object({ id: IdInput })).query(({ ctx, input }): Promise<ReportGrid> =>
    transaction(
      ctx.db,
      async (tx) => {
        await getRecord(tx, RESOURCES.reports, input.id, principalOf(ctx.user));
        return reportGrid(tx, ctx.user, input.id);
      },
      { behavior: "deferred" },
    ),
  ),

  saveValues: valuesWriter.input(z.object({ id: IdInput, version: VersionSchema, values: GridValuesInput })).mutation(({ ctx, input }): Promise<ReportGrid> =>
    transaction(ctx.db, async (tx) => {
      await saveReportValues(tx, input.id, input.values, input.version, principalOf(ctx.user));
      return reportGrid(tx, ctx.user, input.id);
    }),
  ),
});
