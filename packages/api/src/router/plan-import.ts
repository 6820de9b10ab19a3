/**
 * From a plan document to a plan (issue #16): `read` extracts a draft (off the event loop), `save`/`get`/`list` keep a
 * review so it can be resumed, `accept` creates the plan — document, relations, targets, tasks with their assignees,
 * new agencies, reporting duties — through the guarded write path (`createRecord` with the user's principal), in one
 * transaction: any refusal writes nothing. Nothing here checks an area, a role or a shape a second time: the resources
 * do (`planImports`, `plans`, `targets`, `tasks`…); this router only maps the reviewed draft onto their inputs.
 */
import { z } from "zod";
import {
  EduplanError,
  RESOURCES,
  ancestorsOf,
  collectiveAssignees,
  createRecord,
  fieldError,
  getRecord,
  listRecords,
  planImports,
  readRecord,
  transaction,
  updateRecord,
  validation,
  type Principal,
  type Row,
  type Tx,
} from "@eduplan/db";
import { AssigneeChoiceSchema, IdSchema, assigneeKey, createAssigneeMatcher, type AssigneeChoice, type TaskTiming } from "@eduplan/domain";
import { PlanDraftSchema, acceptedPlan, linkCitations, readPlanFile, type AgencyRef, type PlanDraft, type PlanReadResult, type ReportingDutyFinding } from "@eduplan/plan-import";
import type { Context } from "../context.js";
import { apiError } from "../errors.js";
import { principalOf } from "../scope.js";
import { router } from "../trpc.js";
import { requireRole } from "./resource.js";

const { agencies: agencyResource, documentRelations, indicators, localities, plans, reportingObligations, targets: targetResource, tasks: taskResource } = RESOURCES;

const reader = requireRole(planImports, "read");
const writer = requireRole(planImports, "write");

/** An uploaded file travels as base64 in JSON (the edge's upload limit; plan-import's own limit is 20 MB). */
const ReadInput = z.object({ filename: z.string().trim().min(1).max(255), base64: z.string().min(1).max(30_000_000) });
const Assignees = z.record(z.string().max(200), AssigneeChoiceSchema);
const SaveInput = z.object({
  id: IdSchema.optional(),
  version: z.number().int().min(1).optional(),
  localityId: IdSchema,
  parentPlanId: IdSchema.nullable().default(null),
  draft: PlanDraftSchema,
  assignees: Assignees.default({}),
});
const SuggestInput = z.object({
  localityId: IdSchema,
  refs: z.array(z.object({ code: z.string().max(200), nameVi: z.string().max(500), text: z.string().max(2000), collective: z.boolean() })).max(2000),
});

type AgencyLike = Pick<AgencyRef, "code" | "nameVi" | "text" | "collective">;

/** Every body a draft names (leads, coordinators, requested, reporters, recipients), once per code. */
function refsOf(draft: PlanDraft): AgencyLike[] {
  const all = [
    ...draft.tasks.flatMap((t) => [...t.leads, ...t.coordinators, ...t.requested]),
    ...draft.reportingDuties.flatMap((d) => [...d.reporters, ...d.recipients, ...d.via, ...d.onwardRecipients]),
  ];
  const byCode = new Map<string, AgencyLike>();
  for (const r of all) if (!byCode.has(r.code)) byCode.set(r.code, r);
  return [...byCode.values()];
}

/**
 * What each body probably is, for a plan of `localityId`: the agency whose code ends with the import's code at the
 * plan's locality or the nearest above it ("lang-son.education-dept"), else the one whose name or alias matches the
 * document's words; a collective by its code or name; a body the registry does not know, a new agency to create.
 * Only suggestions the officer sees and may change; none is written.
 */
async function suggestAssignees(db: Context["db"], principal: Principal, localityId: number, refs: AgencyLike[]): Promise<Record<string, AssigneeChoice>> {
  const chain = [localityId, ...(await ancestorsOf(db, localityId))];
  const readableAgencies = (await listRecords(db, agencyResource, { filter: { localityId: chain }, pagination: { page: 1, perPage: 5000 } }, principal)).data;
  const collectives = (await listRecords(db, collectiveAssignees, { pagination: { page: 1, perPage: 5000 } }, principal)).data.filter(
    (c) => c.localityId === null || chain.includes(Number(c.localityId)),
  );
  const nearest = (list: Row[]) => list.sort((a, b) => chain.indexOf(Number(a.localityId)) - chain.indexOf(Number(b.localityId)))[0];
  const matcher = createAssigneeMatcher<Row>([
    ...readableAgencies.map((a) => ({ kind: "agency" as const, ref: a, names: [String(a.nameVi), a.shortName as string | null, ...((a.aliases as string[]) ?? [])] })),
    ...collectives.map((c) => ({ kind: "collective" as const, ref: c, names: [String(c.nameVi), ...((c.aliases as string[]) ?? [])] })),
  ]);
  const out: Record<string, AssigneeChoice> = {};
  for (const ref of refs) {
    if (ref.code.startsWith("new:")) {
      out[ref.code] = { kind: "new", nameVi: ref.text.trim() || ref.nameVi, shortName: null };
      continue;
    }
    const collective = collectives.find((c) => c.code === ref.code);
    if (ref.collective && collective) {
      out[ref.code] = { kind: "collective", code: String(collective.code) };
      continue;
    }
    const byCode = nearest(readableAgencies.filter((a) => String(a.code).endsWith(`.${ref.code}`)));
    if (byCode) {
      out[ref.code] = { kind: "agency", agencyId: byCode.id };
      continue;
    }
    for (const words of [ref.text, ref.nameVi]) {
      const m = matcher.match(words);
      const found = m.status === "matched" ? m.candidate : m.status === "ambiguous" ? m.candidates.sort((a, b) => chain.indexOf(Number(a.ref.localityId)) - chain.indexOf(Number(b.ref.localityId)))[0] : undefined;
      if (!found) continue;
      out[ref.code] = found.kind === "agency" ? { kind: "agency", agencyId: found.ref.id } : { kind: "collective", code: String(found.ref.code) };
      break;
    }
  }
  return out;
}

/** The locality the document names, if the user may write there: by name among the user's area (or all, for admins). */
async function suggestLocality(db: Context["db"], principal: Principal, draft: PlanDraft): Promise<number | null> {
  const name = draft.document.localityName;
  const own = principal.localityId;
  if (name) {
    const key = assigneeKey(name);
    // "Bằng Mạc" names the commune "Xã Bằng Mạc", not the school "Trường Tiểu học Bằng Mạc": same level first, then the shortest name.
    const level = draft.document.localityLevel;
    const found = (await listRecords(db, localities, { filter: { q: name }, pagination: { page: 1, perPage: 50 }, ownArea: true }, principal)).data
      .filter((l) => assigneeKey(String(l.nameVi)).endsWith(key))
      .sort((a, b) => Number(b.levelCode === level) - Number(a.levelCode === level) || String(a.nameVi).length - String(b.nameVi).length)[0];
    if (found) return found.id;
  }
  return own;
}

/**
 * The plan the new one adopts in the cascade: the document it implements when that is in the system, else the latest
 * plan of the nearest locality above (a commune's resolution carries out its province's plan).
 */
async function suggestParent(db: Context["db"], principal: Principal, localityId: number, draft: PlanDraft): Promise<number | null> {
  const implemented = draft.document.citations.find((c) => c.relation === "implements" && c.knownDocumentId);
  if (implemented) return Number(implemented.knownDocumentId);
  for (const above of await ancestorsOf(db, localityId)) {
    const latest = (await listRecords(db, plans, { filter: { localityId: above }, sort: { field: "issuedOn", order: "DESC" }, pagination: { page: 1, perPage: 1 } }, principal)).data[0];
    if (latest) return latest.id;
  }
  return null;
}

const withoutDraft = (row: Row) => {
  const { draft, ...rest } = row as Row & { draft: PlanDraft };
  return { ...rest, targets: draft.targets?.length ?? 0, tasks: draft.tasks?.length ?? 0 };
};

/** "10/12" (day/month as written) → "12-10" (MM-DD). */
function monthDay(dayMonth: string | null): string | null {
  const m = dayMonth?.match(/^(\d{1,2})\/(\d{1,2})$/);
  return m ? `${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : null;
}

const FREQUENCY: Record<ReportingDutyFinding["frequency"], string> = {
  yearly: "yearly",
  periodic: "yearly",
  adHoc: "adHoc",
  onCompletion: "finalReview",
  notStated: "adHoc",
};

const slug = (text: string) =>
  assigneeKey(text)
    .replace(/\s+/g, "-")
    .replace(/[^a-z0-9-]/g, "")
    .slice(0, 60);

/** A refusal of one finding's write, named after the finding so the officer knows which one to correct. */
function aboutFinding(e: unknown, what: { vi: string; en: string }, path: string): never {
  if (!(e instanceof EduplanError)) throw e;
  if (e.reason === "forbidden" || e.reason === "notFound") throw e;
  const errors = e.fieldErrors.length ? e.fieldErrors : [fieldError("", e.messages.en, e.messages.vi)];
  throw validation(errors.map((f) => fieldError(`${path}${f.path ? `.${f.path}` : ""}`, `${what.en}: ${f.message.en}`, `${what.vi}: ${f.message.vi}`)));
}

/** The whole acceptance, inside the caller's transaction. Returns the new plan's id. */
async function acceptInto(tx: Tx, principal: Principal, record: Row): Promise<number> {
  const draft = PlanDraftSchema.parse(record.draft);
  const assignees = Assignees.parse(record.assignees ?? {});
  const localityId = Number(record.localityId);
  const result = acceptedPlan(draft);
  const issues = result.ok ? [] : result.issues;
  // Reporting duties are findings too: each must be decided.
  for (const d of draft.reportingDuties)
    if (d.review.status === "pending") issues.push({ findingId: d.id, path: "review.status", vi: "Chế độ báo cáo này chưa được xem xét (chấp nhận hoặc loại bỏ).", en: "This reporting duty has not been reviewed yet." });
  if (!result.ok || issues.length) throw validation(issues.map((i) => fieldError(`findings.${i.findingId ?? "document"}.${i.path}`, i.en, i.vi)));
  const plan = result.plan;
  const doc = plan.document;

  // New agencies the officer chose to create, at the plan's locality (only those a kept finding names).
  const created = new Map<string, number>();
  const createdCollectives = new Map<string, string>();
  const resolve = async (code: string, path: string, words: string): Promise<AssigneeChoice> => {
    const choice = assignees[code];
    if (!choice)
      throw validation([fieldError(`assignees.${code}`, `“${words}”: choose the agency or collective it names, or create it (${path})`, `“${words}”: hãy chọn cơ quan hoặc nhóm cơ quan tương ứng, hoặc tạo mới`)]);
    if (choice.kind !== "new" && choice.kind !== "newCollective") return choice;
    const newCode = `${slug(String((await readRecord(tx, localities, localityId))?.code ?? "locality"))}.${slug(choice.nameVi)}-${record.id}-${created.size + createdCollectives.size + 1}`;
    if (choice.kind === "newCollective") {
      let made = createdCollectives.get(code);
      if (made === undefined) {
        try {
          made = String((await createRecord(tx, collectiveAssignees, { code: newCode, nameVi: choice.nameVi, localityId, scope: "self" }, principal)).code);
        } catch (e) {
          aboutFinding(e, { vi: `Nhóm cơ quan mới “${choice.nameVi}”`, en: `New collective “${choice.nameVi}”` }, `assignees.${code}`);
        }
        createdCollectives.set(code, made);
      }
      return { kind: "collective", code: made };
    }
    let id = created.get(code);
    if (id === undefined) {
      try {
        id = (await createRecord(tx, agencyResource, { code: newCode, nameVi: choice.nameVi, shortName: choice.shortName, kind: "other", localityId }, principal)).id;
      } catch (e) {
        aboutFinding(e, { vi: `Cơ quan mới “${choice.nameVi}”`, en: `New agency “${choice.nameVi}”` }, `assignees.${code}`);
      }
      created.set(code, id);
    }
    return { kind: "agency", agencyId: id };
  };
  const wordsOf = new Map(refsOf(draft).map((r) => [r.code, r.text || r.nameVi]));

  // The plan itself.
  const number = doc.number;
  const titleVi = doc.titleVi ?? (number ? `${doc.documentKind === "plan" ? "Kế hoạch" : "Văn bản"} số ${number}` : String(record.fileName));
  let planId: number;
  try {
    planId = (
      await createRecord(
        tx,
        plans,
      {
        code: `nhap-${record.id}${number ? `-${slug(number)}` : ""}`,
        documentKind: doc.documentKind,
        number,
        titleVi,
        localityId,
        issuingBodyVi: doc.issuingBodyVi,
        issuedOn: doc.issuedOn,
        signer: doc.signer,
        signerTitleVi: doc.signerTitleVi,
        periodStart: doc.periodStart,
        periodEnd: doc.periodEnd,
        visionYear: doc.visionYear,
        parentPlanId: record.parentPlanId ?? null,
        },
        principal,
      )
    ).id;
  } catch (e) {
    aboutFinding(e, { vi: "Thông tin văn bản", en: "The document" }, "document");
  }

  // Citations: in the system (linked by number) or kept as cited documents.
  for (const [i, r] of doc.relations.entries()) {
    const source = draft.document.citations[i]?.source.sentence ?? null;
    if (!r.knownDocumentId && !r.citedNumber && !source) continue;
    try {
      await createRecord(
        tx,
        documentRelations,
        {
          fromPlanId: planId,
          kind: r.kind,
          toPlanId: r.knownDocumentId ? Number(r.knownDocumentId) : null,
          citedKind: r.citedKind,
          citedNumber: r.citedNumber,
          citedIssuedOn: r.citedIssuedOn,
          citedIssuerVi: r.citedIssuerVi,
          citedTitleVi: r.citedNumber ? null : source!.slice(0, 2000),
        },
        principal,
      );
    } catch (e) {
      aboutFinding(e, { vi: `Văn bản được dẫn “${r.citedNumber ?? source}”`, en: `Cited document “${r.citedNumber ?? source}”` }, `document.citations.${i}`);
    }
  }

  // Targets: catalogue indicators by code; a sub-target after the target it belongs to; the source sentence kept.
  const codes = [...new Set(plan.targets.map((t) => t.indicatorCode))];
  const indicatorIds = new Map((await listRecords(tx, indicators, { filter: { code: codes }, pagination: { page: 1, perPage: 5000 } }, principal)).data.map((i) => [String(i.code), i.id]));
  const targetIds = new Map<string, number>();
  const pendingTargets = [...plan.targets];
  let n = 0;
  while (pendingTargets.length) {
    const i = pendingTargets.findIndex((t) => !t.parentFindingId || targetIds.has(t.parentFindingId) || !plan.targets.some((p) => p.findingId === t.parentFindingId));
    const t = pendingTargets.splice(i === -1 ? 0 : i, 1)[0]!;
    n += 1;
    const indicatorId = indicatorIds.get(t.indicatorCode);
    const what = { vi: `Chỉ tiêu “${t.phraseVi.slice(0, 120)}”`, en: `Target “${t.phraseVi.slice(0, 120)}”` };
    if (indicatorId === undefined) throw validation([fieldError(`findings.${t.findingId}.indicator`, `${what.en}: the indicator is not in the catalogue`, `${what.vi}: chỉ số không có trong danh mục`)]);
    try {
      const row = await createRecord(
        tx,
        targetResource,
        {
          planId,
          indicatorId,
          code: `CT-${String(n).padStart(3, "0")}`,
          comparator: t.comparator,
          value: t.value,
          valueMax: t.valueMax,
          targetYear: t.targetYear,
          appliesEveryYear: t.appliesEveryYear,
          isAspirational: t.isAspirational,
          areaFlag: t.areaFlag,
          ageFrom: t.ageFrom,
          ageTo: t.ageTo,
          conditionVi: t.conditionVi,
          parentTargetId: t.parentFindingId ? (targetIds.get(t.parentFindingId) ?? null) : null,
          phraseVi: t.phraseVi.slice(0, 4000),
          section: t.section,
        },
        principal,
      );
      targetIds.set(t.findingId, row.id);
    } catch (e) {
      aboutFinding(e, what, `findings.${t.findingId}`);
    }
  }

  // Tasks: the text as the title, the source sentence as the description; assignees as the officer resolved them.
  const fromOf = new Map(draft.tasks.map((t) => [t.id, t.from]));
  for (const [i, t] of plan.tasks.entries()) {
    const what = { vi: `Nhiệm vụ “${t.titleVi.slice(0, 120)}”`, en: `Task “${t.titleVi.slice(0, 120)}”` };
    const fields: Record<string, (number | string)[]> = { leadAgencyIds: [], leadCollectiveCodes: [], coordinatingAgencyIds: [], coordinatingCollectiveCodes: [], requestedAgencyIds: [], requestedCollectiveCodes: [] };
    const put = async (role: "lead" | "coordinating" | "requested", code: string) => {
      const c = await resolve(code, `findings.${t.findingId}`, wordsOf.get(code) ?? code);
      const list = c.kind === "agency" ? fields[`${role}AgencyIds`]! : fields[`${role}CollectiveCodes`]!;
      const value = c.kind === "agency" ? c.agencyId : c.kind === "collective" ? c.code : "";
      if (!list.includes(value)) list.push(value);
    };
    for (const c of t.leadCodes) await put("lead", c);
    for (const c of t.coordinatingCodes) await put("coordinating", c);
    for (const c of t.requestedCodes) await put("requested", c);
    // The document's words, kept: null timing is "not stated" (never due), not a guess.
    const timing: TaskTiming = t.timing ?? { kind: "notStated" };
    try {
      await createRecord(
        tx,
        taskResource,
        {
          planId,
          code: `NV-${String(i + 1).padStart(3, "0")}`,
          titleVi: t.titleVi.slice(0, 2000),
          // The source sentence (the description is the document's own wording of the task).
          descriptionVi: t.sourceVi,
          timing,
          source: fromOf.get(t.findingId) === "taskTable" ? "table" : "body",
          ...fields,
        },
        principal,
      );
    } catch (e) {
      aboutFinding(e, what, `findings.${t.findingId}`);
    }
  }

  // Reporting duties: one obligation per reporter, to the first recipient that is an agency.
  for (const d of draft.reportingDuties.filter((r) => r.review.status === "accepted" || r.review.status === "corrected")) {
    const what = { vi: `Chế độ báo cáo “${d.source.sentence.slice(0, 120)}”`, en: `Reporting duty “${d.source.sentence.slice(0, 120)}”` };
    const recipients: AssigneeChoice[] = [];
    for (const r of d.recipients) recipients.push(await resolve(r.code, `findings.${d.id}`, r.text || r.nameVi));
    const recipient = recipients.find((c) => c.kind === "agency");
    for (const reporter of d.reporters) {
      const c = await resolve(reporter.code, `findings.${d.id}`, reporter.text || reporter.nameVi);
      try {
        await createRecord(
          tx,
          reportingObligations,
          {
            planId,
            reporterAgencyId: c.kind === "agency" ? c.agencyId : null,
            reporterCollectiveCode: c.kind === "collective" ? c.code : null,
            recipientAgencyId: recipient?.kind === "agency" ? recipient.agencyId : null,
            subjectVi: d.source.sentence.slice(0, 2000),
            frequency: FREQUENCY[d.frequency],
            dueMonthDay: monthDay(d.dueDayMonth),
          },
          principal,
        );
      } catch (e) {
        aboutFinding(e, what, `findings.${d.id}`);
      }
    }
  }
  return planId;
}

export const planImportRouter = router({
  /** Read an uploaded document into a draft (nothing written), with suggestions for its locality, parent and bodies. */
  read: writer.input(ReadInput).mutation(async ({ ctx, input }) => {
    const result = await ctx.services.jobs.run<PlanReadResult>({ kind: "readPlan", userId: ctx.user.id, input: { base64: input.base64, fileName: input.filename } }, () =>
      readPlanFile(input.base64, input.filename),
    );
    if (!result.ok) throw apiError("BAD_REQUEST", "validation", result.en, result.vi, [fieldError("file", result.en, result.vi)]);
    const principal = principalOf(ctx.user);
    const known = (await listRecords(ctx.db, plans, { pagination: { page: 1, perPage: 5000 } }, principal)).data.map((p) => ({ id: String(p.id), number: (p.number as string | null) ?? null }));
    const draft: PlanDraft = { ...result.draft, document: { ...result.draft.document, citations: linkCitations(result.draft.document.citations, known) } };
    const localityId = await suggestLocality(ctx.db, principal, draft);
    return {
      draft,
      localityId,
      parentPlanId: localityId === null ? null : await suggestParent(ctx.db, principal, localityId, draft),
      assignees: localityId === null ? {} : await suggestAssignees(ctx.db, principal, localityId, refsOf(draft)),
    };
  }),

  /** The suggested bodies for another locality (the officer changed the plan's locality). */
  suggest: reader.input(SuggestInput).query(async ({ ctx, input }) => {
    // About a locality of the user's area only (another province's is refused, as by every procedure).
    await getRecord(ctx.db, localities, input.localityId, principalOf(ctx.user));
    return suggestAssignees(ctx.db, principalOf(ctx.user), input.localityId, input.refs);
  }),

  /** Save a review (new, or over the version it was loaded at) so it can be resumed. */
  save: writer.input(SaveInput).mutation(({ ctx, input }) => {
    const principal = principalOf(ctx.user);
    const data = { localityId: input.localityId, parentPlanId: input.parentPlanId, fileName: input.draft.fileName.slice(0, 255) || "van-ban", titleVi: input.draft.document.title?.slice(0, 2000) ?? null, draft: input.draft, assignees: input.assignees };
    return transaction(ctx.db, async (tx) => {
      if (input.id === undefined) return withoutDraft(await createRecord(tx, planImports, data, principal));
      if (input.version === undefined) throw validation([fieldError("version", "the version the review was loaded at is required", "Cần phiên bản của bản đang xem xét")]);
      return withoutDraft(await updateRecord(tx, planImports, input.id, data, input.version, principal));
    });
  }),

  get: reader.input(z.object({ id: IdSchema })).query(({ ctx, input }) => getRecord(ctx.db, planImports, input.id, principalOf(ctx.user))),

  /** The user's reviews, newest first, without their drafts. */
  list: reader.query(async ({ ctx }) => (await listRecords(ctx.db, planImports, { pagination: { page: 1, perPage: 200 } }, principalOf(ctx.user))).data.map(withoutDraft)),

  /** Create the plan from a saved review, in one transaction; the review is then marked accepted. */
  accept: writer.input(z.object({ id: IdSchema, version: z.number().int().min(1) })).mutation(({ ctx, input }) => {
    const principal = principalOf(ctx.user);
    return transaction(ctx.db, async (tx) => {
      const record = await getRecord(tx, planImports, input.id, principal);
      if (record.version !== input.version)
        throw apiError("CONFLICT", "conflict", "The review was changed since it was loaded; reload it.", "Bản xem xét đã được thay đổi từ khi mở; hãy tải lại.");
      if (record.status === "accepted") throw apiError("CONFLICT", "locked", "This document has already been accepted.", "Văn bản này đã được chấp nhận và tạo kế hoạch.");
      const planId = await acceptInto(tx, principal, record);
      await updateRecord(tx, planImports, record.id, { status: "accepted", planId }, record.version, principal);
      return { planId };
    });
  }),
});
