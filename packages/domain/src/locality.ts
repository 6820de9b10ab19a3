import { z } from "zod";
import { bi } from "./errors.js";
import { CodeSchema, IdSchema, IsoDateSchema, NameEnSchema, NameViSchema, recordFields } from "./primitives.js";

/**
 * Levels of the administrative hierarchy are data, not an enum of three: districts existed until 30/6/2025,
 * and schools sit below communes. `rank` orders them from the top (nation = 0).
 */
export const LocalityLevelSchema = z.object({
  code: CodeSchema,
  nameVi: NameViSchema,
  nameEn: z.string().min(1).max(300),
  rank: z.number().int().min(0),
  /** Whether a level of government (with a UBND) or a unit such as a school. */
  isAdministrative: z.boolean(),
});
export type LocalityLevel = z.infer<typeof LocalityLevelSchema>;

export const DEFAULT_LOCALITY_LEVELS: LocalityLevel[] = [
  { code: "nation", nameVi: "Quốc gia", nameEn: "Nation", rank: 0, isAdministrative: true },
  { code: "province", nameVi: "Tỉnh / thành phố", nameEn: "Province", rank: 1, isAdministrative: true },
  { code: "district", nameVi: "Huyện / thị xã", nameEn: "District", rank: 2, isAdministrative: true },
  { code: "commune", nameVi: "Xã", nameEn: "Commune", rank: 3, isAdministrative: true },
  { code: "ward", nameVi: "Phường", nameEn: "Ward", rank: 3, isAdministrative: true },
  { code: "township", nameVi: "Thị trấn", nameEn: "Township", rank: 3, isAdministrative: true },
  { code: "school", nameVi: "Cơ sở giáo dục", nameEn: "School", rank: 4, isAdministrative: false },
];

/** Commune-level units: the level directly below the province since 1/7/2025. */
export const COMMUNE_LEVEL_CODES = ["commune", "ward", "township"] as const;

export const LocalityFlagsSchema = z.object({
  isExtremelyDifficultArea: z.boolean().default(false),
  isBorderArea: z.boolean().default(false),
  isEthnicMinorityArea: z.boolean().default(false),
  isMountainous: z.boolean().default(false),
});
export type LocalityFlags = z.infer<typeof LocalityFlagsSchema>;
export const LOCALITY_FLAGS = ["isExtremelyDifficultArea", "isBorderArea", "isEthnicMinorityArea", "isMountainous"] as const;
export type LocalityFlag = (typeof LOCALITY_FLAGS)[number];

const localityFields = {
  code: CodeSchema,
  /** The official administrative code (Mã đơn vị hành chính), when known. */
  officialCode: z.string().trim().max(20).nullable().default(null),
  nameVi: NameViSchema,
  nameEn: NameEnSchema.default(null),
  levelCode: CodeSchema,
  parentId: IdSchema.nullable().default(null),
  validFrom: IsoDateSchema.nullable().default(null),
  validTo: IsoDateSchema.nullable().default(null),
  /** The unit that took over this one after a merger (2025 reform). */
  successorId: IdSchema.nullable().default(null),
  population: z.number().int().min(0).nullable().default(null),
  ...LocalityFlagsSchema.shape,
};

export const LocalityInputSchema = z
  .object(localityFields)
  .refine((l) => !l.validFrom || !l.validTo || l.validFrom <= l.validTo, {
    message: bi("validTo must not be before validFrom", "Ngày hết hiệu lực không được trước ngày bắt đầu"),
    path: ["validTo"],
  });
export type LocalityInput = z.input<typeof LocalityInputSchema>;

export const LocalitySchema = z.object({ ...recordFields, ...localityFields });
export type Locality = z.infer<typeof LocalitySchema>;

/** Is the locality in force on the given ISO date? */
export function isValidOn(entity: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return (entity.validFrom === null || entity.validFrom <= date) && (entity.validTo === null || date <= entity.validTo);
}
