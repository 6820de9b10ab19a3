/**
 * The plugin's procedures, mounted at `plugins.geopark-education`: `sites` follows the resource conventions
 * (list, getOne, getMany; create and update for province officers), so the console lists it like any resource.
 */
import { z } from "zod";
import { eq, inArray } from "drizzle-orm";
import { GetOneInput, IdsInput, ListInput, PROVINCE_ROLES, patchSchemaOf, pluginProcedures, router } from "@eduplan/api-core";
import { notFound, recordAudit, staleVersion } from "@eduplan/db";
import { foldVietnamese, VersionSchema } from "@eduplan/domain";
import { RELIC_RANKS, SITE_KINDS, sites } from "./schema.js";

const p = pluginProcedures("geopark-education");
const ENTITY = "plugins.geopark-education.sites";

const SiteInput = z.object({
  code: z.string().trim().regex(/^[a-z0-9][a-z0-9.-]*$/).max(120),
  nameVi: z.string().trim().min(1).max(300),
  nameEn: z.string().trim().max(300).nullable().default(null),
  kind: z.enum(SITE_KINDS),
  rank: z.enum(RELIC_RANKS).nullable().default(null),
  communeVi: z.string().trim().max(200).nullable().default(null),
  isSample: z.boolean().default(false),
  noteVi: z.string().trim().max(2000).nullable().default(null),
});

type Site = typeof sites.$inferSelect;

function matches(site: Site, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([key, expected]) => {
    if (expected === undefined || expected === "") return true;
    if (key === "q") return foldVietnamese(`${site.nameVi} ${site.nameEn ?? ""} ${site.code} ${site.communeVi ?? ""}`).includes(foldVietnamese(String(expected)));
    const actual = (site as Record<string, unknown>)[key];
    return Array.isArray(expected) ? expected.includes(actual) : actual === expected;
  });
}

export const geoparkRouter = router({
  sites: router({
    list: p.read.input(ListInput.optional()).query(({ ctx, input }) => {
      const all = ctx.db.select().from(sites).all().filter((s) => matches(s, input?.filter ?? {}));
      const { field, order } = input?.sort ?? { field: "nameVi", order: "ASC" };
      const key = (s: Site) => (s as Record<string, unknown>)[field] ?? "";
      all.sort((a, b) => String(key(a)).localeCompare(String(key(b)), "vi", { numeric: true }) * (order === "DESC" ? -1 : 1));
      const page = input?.pagination?.page ?? 1;
      const perPage = input?.pagination?.perPage ?? 1000;
      return { data: all.slice((page - 1) * perPage, page * perPage), total: all.length };
    }),
    getOne: p.read.input(GetOneInput).query(({ ctx, input }) => {
      const site = ctx.db.select().from(sites).where(eq(sites.id, input.id)).get();
      if (!site) throw notFound("điểm tham quan", input.id);
      return { data: site };
    }),
    getMany: p.read.input(IdsInput).query(({ ctx, input }) => ({
      data: input.ids.length ? ctx.db.select().from(sites).where(inArray(sites.id, input.ids)).all() : [],
    })),
    create: p
      .write(PROVINCE_ROLES)
      .input(z.object({ data: SiteInput }))
      .mutation(({ ctx, input }) =>
        ctx.db.transaction((tx) => {
          const row = tx.insert(sites).values(input.data).returning().get();
          recordAudit(tx, ctx.actor, "create", ENTITY, row.id, null, row);
          return { data: row };
        }),
      ),
    update: p
      .write(PROVINCE_ROLES)
      .input(z.object({ id: GetOneInput.shape.id, version: VersionSchema, data: patchSchemaOf(SiteInput) }))
      .mutation(({ ctx, input }) =>
        ctx.db.transaction((tx) => {
          const before = tx.select().from(sites).where(eq(sites.id, input.id)).get();
          if (!before) throw notFound("điểm tham quan", input.id);
          if (before.version !== input.version) throw staleVersion("điểm tham quan", input.id, input.version, before.version);
          const patch = Object.fromEntries(Object.entries(input.data).filter(([, v]) => v !== undefined));
          const row = tx.update(sites).set({ ...patch, version: before.version + 1 }).where(eq(sites.id, input.id)).returning().get();
          recordAudit(tx, ctx.actor, "update", ENTITY, row.id, before, row);
          return { data: row };
        }),
      ),
  }),
});
