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

function split(db: Executor, resource: "agencies" | "localities", principal: Principal, rows: { row: Row | null; extra?: Parameters<typeof link>[1] }[]) {
  const shown: SuccessionLink[] = [];
  let hidden = 0;
  for (const { row, extra } of rows) {
    if (!row) continue;
    if (isReadable(db, RESOURCES[resource], principal, row)) shown.push(link(row, extra));
    else hidden++;
  }
  return { shown: shown.sort(byName), hidden };
}

/** An agency's predecessors and successors (the agency succession records), NOT_FOUND / FORBIDDEN as any read. */
export function agencySuccessionsOf(db: Executor, agencyId: number, principal: Principal): Successions {
  getRecord(db, RESOURCES.agencies, agencyId, principal);
  const before = db.select().from(s.agencySuccessions).where(eq(s.agencySuccessions.successorId, agencyId)).all();
  const after = db.select().from(s.agencySuccessions).where(eq(s.agencySuccessions.predecessorId, agencyId)).all();
  const row = (id: number) => readRecord(db, RESOURCES.agencies, id);
  const p = split(db, "agencies", principal, before.map((x) => ({ row: row(x.predecessorId), extra: x })));
  const n = split(db, "agencies", principal, after.map((x) => ({ row: row(x.successorId), extra: x })));
  return { predecessors: p.shown, successors: n.shown, hiddenPredecessors: p.hidden, hiddenSuccessors: n.hidden };
}

/** A locality's predecessors (the localities that name it as successor) and its successor. */
export function localitySuccessionsOf(db: Executor, localityId: number, principal: Principal): Successions {
  const self = getRecord(db, RESOURCES.localities, localityId, principal);
  const before = db.select({ id: s.localities.id }).from(s.localities).where(eq(s.localities.successorId, localityId)).all();
  const row = (id: number) => readRecord(db, RESOURCES.localities, id);
  const p = split(db, "localities", principal, before.map((x) => ({ row: row(x.id), extra: {} })));
  const successorId = self.successorId as number | null;
  const n = split(db, "localities", principal, successorId == null ? [] : [{ row: row(successorId), extra: { effectiveOn: null } }]);
  return { predecessors: p.shown, successors: n.shown, hiddenPredecessors: p.hidden, hiddenSuccessors: n.hidden };
}
