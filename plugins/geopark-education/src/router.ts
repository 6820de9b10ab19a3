/**
 * The plugin's procedures, mounted at `plugins.geopark-education`: `sites` is a resource by the conventions (list,
 * getOne, getMany…; writes for province officers) on the core's guarded write path, so the console lists it like any
 * resource and every change is checked, versioned and audited the same way.
 */
import { z } from "zod";
import { PROVINCE_ROLES, pluginResource, router } from "@eduplan/api-core";
import { RELIC_RANKS, SITE_KINDS, sites } from "./schema.js";

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

export const siteResource = pluginResource({
  pluginId: "geopark-education",
  name: "sites",
  entityVi: "điểm tham quan",
  table: sites,
  input: SiteInput,
  access: { read: ["system_admin", "province_officer", "commune_officer", "viewer"], write: PROVINCE_ROLES },
  defaultSort: { field: "nameVi", order: "ASC" },
});

export const geoparkRouter = router({ sites: siteResource.router });
