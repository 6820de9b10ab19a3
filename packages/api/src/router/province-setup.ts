/**
 * `provinceSetup.create({ config })` — the console's province setup wizard submits a province file (the same
 * `ProvinceConfigSchema` as `pnpm eduplan province init`), which is validated whole and applied in one transaction,
 * idempotently. System administrators only. `provinceSetup.validate` checks without writing.
 */
import { z } from "zod";
import { principalOf } from "../scope.js";
import { applyProvinceConfig, ConfigInvalidError, parseProvinceConfig, validateProvinceConfig } from "@eduplan/province-config";
import { apiError, forbidden } from "../errors.js";
import { authedProcedure, router } from "../trpc.js";

const adminOnly = authedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "system_admin")
    throw forbidden("Only system administrators may set up a province.", "Chỉ quản trị hệ thống được thiết lập tỉnh mới.");
  return next();
});

const ConfigInput = z.object({ config: z.record(z.string(), z.unknown()) });

function invalid(e: ConfigInvalidError) {
  return apiError(
    "BAD_REQUEST",
    "validation",
    `The province configuration is invalid: ${e.errors.map((x) => `${x.path}: ${x.message.en}`).join("; ")}`,
    `Cấu hình tỉnh không hợp lệ, chưa có gì được ghi: ${e.errors.map((x) => `${x.path}: ${x.message.vi}`).join("; ")}`,
    e.errors.map((x) => ({ path: `config.${x.path}`.replace(/\.$/, ""), message: x.message })),
  );
}

const parse = (config: unknown) => parseProvinceConfig(JSON.stringify(config, null, 1), "console");

export const provinceSetupRouter = router({
  validate: adminOnly.input(ConfigInput).mutation(async ({ ctx, input }) => {
    try {
      const errors = await validateProvinceConfig(ctx.db, parse(input.config));
      if (errors.length) throw new ConfigInvalidError("console", errors);
      return { ok: true as const };
    } catch (e) {
      if (e instanceof ConfigInvalidError) throw invalid(e);
      throw e;
    }
  }),
  create: adminOnly.input(ConfigInput).mutation(async ({ ctx, input }) => {
    try {
      const summary = await applyProvinceConfig(ctx.db, parse(input.config), principalOf(ctx.user));
      return { data: summary };
    } catch (e) {
      if (e instanceof ConfigInvalidError) throw invalid(e);
      throw e;
    }
  }),
});
