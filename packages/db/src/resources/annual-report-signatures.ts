import { and, eq } from "drizzle-orm";
import { AnnualReportSignatureInputSchema, RESOURCE_ACCESS, signingFormAllowed } from "@eduplan/domain";
import { createRecord, updateRecord } from "../crud.js";
import { fieldError } from "../errors.js";
import { first } from "../query.js";
import { assertReadable, assertRole, registerResource } from "../guard.js";
import type { Principal } from "../principal.js";
import { defineResource, type Executor, type Row, type Tx } from "../resource.js";
import * as s from "../schema/index.js";

/**
 * Who issues and signs a locality's annual report of a year (Sở or UBND, TM./KT./Q./TL., the signer's name and title,
 * the drafting unit): the officer's last choice, kept so the next download — and the console's dialog — start from it.
 * Guarded like a resource (role, area, zod, audit); served by the `reporting` router (not a CRUD resource of the API).
 */
export const annualReportSignatures = defineResource({
  name: "annualReportSignatures",
  entityVi: "người ký báo cáo năm",
  table: s.annualReportSignatures,
  access: RESOURCE_ACCESS.annualReportSignatures,
  inputSchema: AnnualReportSignatureInputSchema,
  scope: { kind: "locality", column: "localityId" },
  refs: { localityId: "writable" },
  defaultSort: { field: "year", order: "DESC" },
  check: (_tx, data) =>
    signingFormAllowed(data.issuer as "educationDept", data.signingForm as "TM" | null)
      ? []
      : [
          fieldError(
            "signingForm",
            "TM. (on behalf of) is for a collective body such as the People's Committee; a department's head signs directly, or choose KT., Q. or TL.",
            "“TM.” (thay mặt) chỉ dùng cho tập thể như Ủy ban nhân dân; người đứng đầu Sở ký trực tiếp, hoặc chọn KT., Q., TL.",
          ),
        ],
});
registerResource(annualReportSignatures);

const whereOf = (localityId: number, year: number) => and(eq(s.annualReportSignatures.localityId, localityId), eq(s.annualReportSignatures.year, year));

/** The stored choice for a locality's report of a year, or null; read within the user's area. */
export async function annualReportSignatureOf(db: Executor, localityId: number, year: number, principal: Principal): Promise<Row | null> {
  assertRole(annualReportSignatures, principal, "read");
  const row = ((await first(db.select().from(s.annualReportSignatures).where(whereOf(localityId, year)))) as Row | undefined) ?? null;
  if (row) await assertReadable(db, annualReportSignatures, principal, row);
  return row;
}

/** Keep the officer's choice (created the first time, then updated: validated, in the user's area, audit-logged). */
export async function saveAnnualReportSignature(tx: Tx, input: Record<string, unknown>, principal: Principal): Promise<Row> {
  const existing = (await first(tx.select().from(s.annualReportSignatures).where(whereOf(Number(input.localityId), Number(input.year))))) as Row | undefined;
  if (!existing) return createRecord(tx, annualReportSignatures, input, principal);
  const { localityId: _l, year: _y, ...patch } = input;
  const unchanged = Object.entries(patch).every(([k, v]) => (existing[k] ?? null) === (typeof v === "string" ? v.trim() || null : (v ?? null)));
  if (unchanged) return existing;
  return updateRecord(tx, annualReportSignatures, existing.id, patch, existing.version, principal);
}
