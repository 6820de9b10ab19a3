import type { Db } from "@eduplan/db";
import { applyProvinceConfig, ensureReferenceData, readProvinceConfig, type ApplySummary } from "@eduplan/province-config";
import { SAMPLE_PROVINCE_FILES } from "./files.js";
import { generateSyntheticFigures } from "./synthetic.js";

/**
 * Load the reference data and the sample provinces (idempotent) and, unless disabled, the synthetic figures labelled
 * "dữ liệu mẫu".
 */
export async function seedSampleData(db: Db, options: { synthetic?: boolean } = {}): Promise<ApplySummary & { syntheticValues: number }> {
  await ensureReferenceData(db);
  const total: ApplySummary & { syntheticValues: number } = { created: 0, updated: 0, unchanged: 0, byResource: {}, syntheticValues: 0 };
  for (const file of SAMPLE_PROVINCE_FILES) {
    const s = await applyProvinceConfig(db, readProvinceConfig(file));
    total.created += s.created;
    total.updated += s.updated;
    total.unchanged += s.unchanged;
  }
  if (options.synthetic !== false) total.syntheticValues = await generateSyntheticFigures(db);
  return total;
}
