/**
 * Who came before and after an agency or a locality (the 2025 reorganisations: departments merged on 1/3/2025,
 * provinces and communes merged on 1/7/2025, bodies dissolved): a read through the guarded path — the record itself
 * must be readable by the user, and of the records linked to it only those the user may read are returned (the others
 * are counted, never named).
 */
import { eq } from "drizzle-orm";
import { getRecord, readRecord } from "./crud.js";
import { isReadable } from "./guard.js";
import type { Principal } from "./principal.js";
import type { Executor, Row } from "./resource.js";
import { RESOURCES } from "./resources/index.js";
import * as s from "./schema/index.js";

export type SuccessionLink = {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** How one became the other (agencies: renamed, merged, split, absorbed, abolished); null for localities. */
  kind: string | null;
  effectiveOn: string | null;
  noteVi: string | null;
};

export type Successions = {
  predecessors: SuccessionLink[];
  successors: SuccessionLink[];
  /** Linked records outside the user's area (not listed). */
  hiddenPredecessors: number;
  hiddenSuccessors: number;
};

const link = (row: Row, extra: { kind?: string | null; effectiveOn?: string | null; noteVi?: string | null } = {}): SuccessionLink => ({
  id: row.id,
  code: row.code as string,
  nameVi: row.nameVi as string,
  nameEn: (row.nameEn as string | null) ?? null,
  validFrom: (row.validFrom as string | null) ?? null,
  validTo: (row.validTo as string | null) ?? null,
  kind: extra.kind ?? null,
  effectiveOn: extra.effectiveOn ?? null,
  noteVi: extra.noteVi ?? null,
});

const byName = (a: SuccessionLink, b: SuccessionLink) => a.nameVi.localeCompare(b.nameVi, "vi") || a.id - b.id;

async function split(db: Executor, resource: "agencies" | "localities", principal: Principal, rows: { row: Row | null; extra?: Parameters<typeof link>[1] }[]) {
  const shown: SuccessionLink[] = [];
  let hidden = 0;
  for (const { row, extra } of rows) {
    if (!row) continue;
    if (await isReadable(db, RESOURCES[resource], principal, row)) shown.push(link(row, extra));
    else hidden++;
  }
  return { shown: shown.sort(byName), hidden };
}

/** An agency's predecessors and successors (the agency succession records), NOT_FOUND / FORBIDDEN as any read. */
export async function agencySuccessionsOf(db: Executor, agencyId: number, principal: Principal): Promise<Successions> {
  await getRecord(db, RESOURCES.agencies, agencyId, principal);
  const before = await db.select().from(s.agencySuccessions).where(eq(s.agencySuccessions.successorId, agencyId));
  const after = await db.select().from(s.agencySuccessions).where(eq(s.agencySuccessions.predecessorId, agencyId));
  const rowsOf = async <X>(list: X[], idOf: (x: X) => number) => {
    const out: { row: Row | null; extra: X }[] = [];
    for (const x of list) out.push({ row: await readRecord(db, RESOURCES.agencies, idOf(x)), extra: x });
    return out;
  };
  const p = await split(db, "agencies", principal, await rowsOf(before, (x) => x.predecessorId));
  const n = await split(db, "agencies", principal, await rowsOf(after, (x) => x.successorId));
  return { predecessors: p.shown, successors: n.shown, hiddenPredecessors: p.hidden, hiddenSuccessors: n.hidden };
}

/** A locality's predecessors (the localities that name it as successor) and its successor. */
export async function localitySuccessionsOf(db: Executor, localityId: number, principal: Principal): Promise<Successions> {
  const self = await getRecord(db, RESOURCES.localities, localityId, principal);
  const before = await db.select({ id: s.localities.id }).from(s.localities).where(eq(s.localities.successorId, localityId));
  const row = (id: number) => readRecord(db, RESOURCES.localities, id);
  const predecessors: { row: Row | null; extra: Parameters<typeof link>[1] }[] = [];
  for (const x of before) predecessors.push({ row: await row(x.id), extra: {} });
  const p = await split(db, "localities", principal, predecessors);
  const successorId = self.successorId as number | null;
  const n = await split(db, "localities", principal, successorId == null ? [] : [{ row: await row(successorId), extra: { effectiveOn: null } }]);
  return { predecessors: p.shown, successors: n.shown, hiddenPredecessors: p.hidden, hiddenSuccessors: n.hidden };
}
