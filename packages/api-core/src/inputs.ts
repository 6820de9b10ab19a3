/** Input schemas of the resource procedures (docs/api-conventions.md). */
import { z } from "zod";
import { IdSchema, VersionSchema } from "@eduplan/domain";

/** A record id; a numeric string ("3", as react-admin takes it from the URL) is accepted too. */
export const IdInput = z.preprocess((v) => (typeof v === "string" && /^\d{1,15}$/.test(v) ? Number(v) : v), IdSchema);

export const PaginationInput = z.object({
  page: z.number().int().min(1).max(100_000),
  perPage: z.number().int().min(1).max(5000),
});

export const SortInput = z.object({
  field: z.string().min(1).max(100),
  order: z.enum(["ASC", "DESC"]),
});

const Scalar = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

/** Field equality (`{ planId: 3 }`), a list for "any of" (`{ id: [1, 2] }`), `q` for free-text search. */
export const FilterInput = z.record(z.string().max(100), z.union([Scalar, z.array(Scalar).max(5000)]).optional());

export const ListInput = z.object({
  pagination: PaginationInput.optional(),
  sort: SortInput.optional(),
  filter: FilterInput.optional(),
});

export const GetOneInput = z.object({ id: IdInput });
export const IdsInput = z.object({ ids: z.array(IdInput).max(1000) });

export const GetManyReferenceInput = ListInput.extend({
  target: z.string().min(1).max(100),
  id: z.union([z.number(), z.string().max(200)]),
});

/** Every delete, update and workflow step names the version it was based on: a stale one is a conflict. */
export const DeleteInput = z.object({ id: IdInput, version: VersionSchema });

/** Several records at once, each with the version the change was based on. */
export const VersionedIdsInput = z.object({ ids: z.array(IdInput).max(1000), versions: z.array(VersionSchema).max(1000) }).refine((v) => v.ids.length === v.versions.length, {
  message: "give one version per id",
  path: ["versions"],
});

/** The (id, version) pairs of a bulk input. */
export const versionedIds = (input: { ids: number[]; versions: number[] }) => input.ids.map((id, i) => ({ id, version: input.versions[i]! }));

type AnyZod = z.ZodType;

function withoutDefault(schema: AnyZod): AnyZod {
  let current = schema;
  for (;;) {
    const def = (current as unknown as { _zod: { def: { type: string; innerType?: AnyZod } } })._zod.def;
    if ((def.type === "default" || def.type === "prefault") && def.innerType) current = def.innerType;
    else return current;
  }
}

/**
 * The schema of a partial update: every field of the object schema optional and without its default (an absent field
 * is left as stored, not reset). Rules across fields (refinements) are checked on the merged record by the repository.
 */
export function patchSchemaOf(schema: z.ZodType<Record<string, unknown>>): z.ZodType<Record<string, unknown>> {
  const def = (schema as unknown as { _zod: { def: { type: string } } })._zod.def;
  if (def.type !== "object") return z.record(z.string(), z.unknown());
  const shape = (schema as unknown as z.ZodObject).shape as Record<string, AnyZod>;
  return z.object(Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, withoutDefault(v).optional()]))) as unknown as z.ZodType<
    Record<string, unknown>
  >;
}
