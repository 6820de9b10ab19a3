import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { entityColumns } from "./columns.js";
import { localities } from "./localities.js";

/** Who issues and signs a locality's annual report of a year (Sở or UBND, TM./KT./Q./TL., the signer): the officer's last choice. */
export const annualReportSignatures = sqliteTable(
  "annual_report_signatures",
  {
    ...entityColumns(),
    localityId: integer()
      .notNull()
      .references(() => localities.id),
    year: integer().notNull(),
    issuer: text().notNull(),
    signingForm: text(),
    signerName: text(),
    signerTitle: text(),
    draftingUnit: text(),
  },
  (t) => [uniqueIndex("annual_report_signatures_locality_year_uq").on(t.localityId, t.year)],
);
