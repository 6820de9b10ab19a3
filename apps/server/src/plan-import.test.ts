/**
 * From a plan document to a plan over HTTP (issue #16): a real server on a real SQLite file seeded with the sample
 * data; the sample documents of packages/sample-data/sources read through `planImport.read`, reviewed with
 * plan-import's `reviewFinding`, saved, resumed and accepted — the plan, its targets (with their sentences), tasks
 * (with their assignees) and audit entries exist; a bad review writes nothing; another province cannot accept into
 * an area not its own; a file that is not a plan gets a clear message.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { reviewFinding, type PlanDraft } from "@eduplan/plan-import";
import { errorOf, loginAs, startTestServer, type Client, type TestServer } from "./testing.js";

type Rec = { id: number; version: number } & Record<string, any>;
type Choice = { kind: "agency"; agencyId: number } | { kind: "collective"; code: string } | { kind: "new"; nameVi: string; shortName: string | null };

const source = (name: string) => readFileSync(fileURLToPath(new URL(`../../../packages/sample-data/sources/${name}`, import.meta.url)));
const BANG_MAC = source("bang-mac-commune-resolution-2025.txt");

/** A Word document made from the text (one paragraph a line), as an officer's copy of the plan would be. */
async function docxOf(text: string, extra: Record<string, string | Buffer> = {}): Promise<Buffer> {
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const body = text.split("\n").map((line) => `<w:p><w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>`).join("");
  zip.file("word/document.xml", `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

let server: TestServer;
let admin: Client;
let langson: Client;
let laichau: Client;
let viewer: Client;

async function total(resource: string, filter: Record<string, unknown> = {}): Promise<number> {
  return ((await admin.call("query", `${resource}.list`, { filter, pagination: { page: 1, perPage: 1 } })) as { total: number }).total;
}
/** Row counts the acceptance writes into, and the audit log. */
type Counts = Record<"plans" | "targets" | "tasks" | "agencies" | "documentRelations" | "reportingObligations" | "audit", number>;
async function counts(): Promise<Counts> {
  const out = {} as Counts;
  for (const r of ["plans", "targets", "tasks", "agencies", "documentRelations", "reportingObligations"] as const) out[r] = await total(r);
  out.audit = ((await admin.call("query", "auditLog.list", { pagination: { page: 1, perPage: 1 } })) as { total: number }).total;
  return out;
}

const read = (client: Client, filename: string, bytes: Buffer) => client.trpc.planImport.read.mutate({ filename, base64: bytes.toString("base64") });

/** The officer's review: every target with an indicator accepted (the first corrected), the rest rejected; tasks with a lead accepted. */
function review(draft: PlanDraft): PlanDraft {
  let d = draft;
  let corrected = false;
  for (const t of draft.targets) {
    if (!t.indicator) d = reviewFinding(d, { id: t.id, status: "rejected" });
    else if (!corrected && t.value !== null && t.unit === "percent") {
      d = reviewFinding(d, { id: t.id, status: "corrected", patch: { value: Math.min(100, t.value + 1) }, note: null as never });
      corrected = true;
    } else d = reviewFinding(d, { id: t.id, status: "accepted" });
  }
  for (const t of draft.tasks) d = reviewFinding(d, { id: t.id, status: t.leads.length ? "accepted" : "rejected" });
  for (const r of draft.reportingDuties) d = reviewFinding(d, { id: r.id, status: "accepted" });
  return d;
}

/** Every body named and not yet resolved becomes a new agency to create (what the officer does on the page). */
function resolveAll(draft: PlanDraft, suggested: Record<string, Choice>): Record<string, Choice> {
  const out = { ...suggested };
  for (const r of [...draft.tasks.flatMap((t) => [...t.leads, ...t.coordinators, ...t.requested]), ...draft.reportingDuties.flatMap((d) => [...d.reporters, ...d.recipients, ...d.via, ...d.onwardRecipients])])
    out[r.code] ??= { kind: "new", nameVi: r.text || r.nameVi, shortName: null };
  return out;
}

beforeAll(async () => {
  server = await startTestServer();
  [admin, langson, laichau, viewer] = await Promise.all([loginAs(server.url, "admin"), loginAs(server.url, "langson.officer"), loginAs(server.url, "laichau.officer"), loginAs(server.url, "langson.viewer")]);
}, 120_000);
afterAll(() => server?.stop());

describe("planImport: read, save, resume, accept", () => {
  let draft: PlanDraft;
  let suggestion: Awaited<ReturnType<typeof read>>;

  test("read: the Bằng Mạc resolution becomes a draft, for the commune, implementing the province plan in the system", async () => {
    suggestion = await read(langson, "nghi-quyet-bang-mac.txt", BANG_MAC);
    draft = suggestion.draft as PlanDraft;
    expect(draft.format).toBe("text");
    expect(draft.targets.length).toBeGreaterThan(10);
    expect(draft.tasks.length).toBeGreaterThanOrEqual(2);
    const bangMac = ((await admin.trpc.localities.list.query({ filter: { code: "bang-mac" } })) as { data: Rec[] }).data[0]!;
    expect(suggestion.localityId).toBe(bangMac.id);
    const province = ((await admin.trpc.plans.list.query({ filter: { number: "243/KH-UBND" } })) as { data: Rec[] }).data[0]!;
    expect(suggestion.parentPlanId).toBe(province.id);
    // "Ủy ban nhân dân xã" of a commune resolution is Bằng Mạc's own committee (found by its code at the plan's locality),
    // not Lạng Sơn's, though the province's is readable too.
    const committee = ((await admin.trpc.agencies.list.query({ filter: { code: "bang-mac.peoples-committee" } })) as { data: Rec[] }).data[0]!;
    expect(draft.agencies.map((a) => a.code)).toContain("peoples-committee");
    expect((suggestion.assignees as Record<string, Choice>)["peoples-committee"]).toEqual({ kind: "agency", agencyId: committee.id });
    expect(draft.document.citations.find((c) => c.number === "1705/QĐ-TTg")?.knownDocumentId).not.toBeNull();
  }, 120_000);

  test("a viewer may not read documents in; a file that is not a plan gets a clear message", async () => {
    expect((await errorOf(read(viewer, "a.txt", BANG_MAC))).data.code).toBe("FORBIDDEN");
    const letter = Buffer.from("Kính gửi anh Nam,\n\nCuối tuần này cả nhà về quê ăn giỗ ông nội. Nhớ mua giúp em ít bánh chưng.\n\nThân,\nLan\n", "utf8");
    const e = await errorOf(read(langson, "thu.txt", letter));
    expect(e.data.code).toBe("BAD_REQUEST");
    expect(e.data.eduplan!.message.vi).toMatch(/kế hoạch|văn bản/i);
    expect(e.data.eduplan!.fieldErrors[0]!.path).toBe("file");
    const binary = await errorOf(read(langson, "anh.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0xff, 0xfe])));
    expect(binary.data.code).toBe("BAD_REQUEST");
  }, 60_000);

  test("read: the same document as a Word file gives the same targets; a zip bomb dressed as DOCX is refused, naming the reason", async () => {
    const fromDocx = (await read(langson, "nghi-quyet-bang-mac.docx", await docxOf(BANG_MAC.toString("utf8")))).draft as PlanDraft;
    expect(fromDocx.format).toBe("docx");
    const key = (d: PlanDraft) => d.targets.map((t) => `${t.indicator?.code}|${t.comparator}|${t.value}|${t.targetYear}`).sort();
    expect(key(fromDocx)).toEqual(key(draft));
    const before = await counts();
    const bomb = await errorOf(read(langson, "bom.docx", await docxOf("Kế hoạch", { "word/media/zeros.bin": Buffer.alloc(80 * 1024 * 1024) })));
    expect(bomb.data.code).toBe("BAD_REQUEST");
    expect(bomb.data.eduplan!.message.vi).toMatch(/DOCX không an toàn/);
    expect(await counts()).toEqual(before);
  }, 120_000);

  test("a bad review writes nothing: a target left pending, a body nobody resolved, a percentage above 100", async () => {
    const before = await counts();
    const saved = await langson.trpc.planImport.save.mutate({ localityId: suggestion.localityId!, parentPlanId: suggestion.parentPlanId, draft, assignees: suggestion.assignees });
    const pending = await errorOf(langson.trpc.planImport.accept.mutate({ id: saved.id, version: saved.version }));
    expect(pending.data.code).toBe("BAD_REQUEST");
    expect(pending.data.eduplan!.message.vi).toMatch(/chưa được xem xét/);
    // Reviewed, but one body left unresolved: refused, naming it, after the plan and some targets were already written.
    const reviewed = review(draft);
    const someTask = reviewed.tasks.find((t) => t.review.status === "accepted")!;
    const assignees = resolveAll(reviewed, suggestion.assignees as Record<string, Choice>);
    delete assignees[someTask.leads[0]!.code];
    const again = await langson.trpc.planImport.save.mutate({ id: saved.id, version: saved.version, localityId: suggestion.localityId!, parentPlanId: suggestion.parentPlanId, draft: reviewed, assignees });
    const unresolved = await errorOf(langson.trpc.planImport.accept.mutate({ id: again.id, version: again.version }));
    expect(unresolved.data.code).toBe("BAD_REQUEST");
    expect(unresolved.data.eduplan!.fieldErrors[0]!.path).toBe(`assignees.${someTask.leads[0]!.code}`);
    // Every body resolved, but a percentage corrected to 150: the target resource refuses it (its indicator's unit),
    // the error names that finding, and the plan written before it in the transaction is gone too.
    const percent = reviewed.targets.find((t) => t.review.status !== "rejected" && t.unit === "percent" && t.comparator !== "range")!;
    const overflowing = reviewFinding(reviewed, { id: percent.id, status: "corrected", patch: { value: 150 } });
    const third = await langson.trpc.planImport.save.mutate({ id: again.id, version: again.version, localityId: suggestion.localityId!, parentPlanId: suggestion.parentPlanId, draft: overflowing, assignees: resolveAll(reviewed, suggestion.assignees as Record<string, Choice>) });
    const bounds = await errorOf(langson.trpc.planImport.accept.mutate({ id: third.id, version: third.version }));
    expect(bounds.data.code).toBe("BAD_REQUEST");
    expect(bounds.data.eduplan!.fieldErrors.some((f) => f.path.startsWith(`findings.${percent.id}`) && /Chỉ tiêu/.test(f.message.vi))).toBe(true);
    const after = await counts();
    // Only the saves were written (and audited): three audit entries, nothing else.
    expect({ ...after, audit: after.audit - 3 }).toEqual(before);
  }, 120_000);

  test("save, list, get (resume), accept: the plan, its targets with their sentences, its tasks with their assignees, audited", async () => {
    const reviewed = review(draft);
    const assignees = resolveAll(reviewed, suggestion.assignees as Record<string, Choice>);
    const saved = await langson.trpc.planImport.save.mutate({ localityId: suggestion.localityId!, parentPlanId: suggestion.parentPlanId, draft: reviewed, assignees });
    const listed = await langson.trpc.planImport.list.query();
    expect(listed.find((r) => r.id === saved.id)).toMatchObject({ fileName: "nghi-quyet-bang-mac.txt", status: "reviewing" });
    expect(listed[0]).not.toHaveProperty("draft");
    const resumed = (await langson.trpc.planImport.get.query({ id: saved.id })) as Rec;
    expect((resumed.draft as PlanDraft).targets.map((t) => t.review.status)).toEqual(reviewed.targets.map((t) => t.review.status));

    const before = await counts();
    const { planId } = await langson.trpc.planImport.accept.mutate({ id: saved.id, version: resumed.version });
    const plan = (await langson.trpc.plans.getOne.query({ id: planId })).data as Rec;
    expect(plan).toMatchObject({ localityId: suggestion.localityId, parentPlanId: suggestion.parentPlanId, documentKind: "resolution" });

    const kept = reviewed.targets.filter((t) => t.review.status !== "rejected");
    const targets = (await langson.trpc.targets.list.query({ filter: { planId }, pagination: { page: 1, perPage: 500 }, sort: { field: "code", order: "ASC" } })).data as Rec[];
    expect(targets.length).toBe(kept.length);
    for (const t of targets) expect(kept.map((k) => k.source.sentence)).toContain(t.phraseVi);
    const fixed = reviewed.targets.find((t) => t.review.status === "corrected")!;
    expect(targets.find((t) => t.phraseVi === fixed.source.sentence && t.value === fixed.value)).toBeTruthy();

    const tasks = (await langson.trpc.tasks.list.query({ filter: { planId }, pagination: { page: 1, perPage: 500 } })).data as Rec[];
    expect(tasks.length).toBe(reviewed.tasks.filter((t) => t.review.status === "accepted").length);
    for (const t of tasks) {
      expect((t.leadAgencyIds as number[]).length + (t.leadCollectiveCodes as string[]).length).toBeGreaterThan(0);
      expect(t.descriptionVi).toBeTruthy();
    }
    const after = await counts();
    expect(after.plans).toBe(before.plans + 1);
    expect(after.targets).toBe(before.targets + kept.length);
    expect(after.tasks).toBe(before.tasks + tasks.length);
    const audit = ((await admin.call("query", "auditLog.list", { filter: { entity: "plans", entityId: planId } })) as { data: Rec[] }).data;
    expect(audit.map((a) => [a.action, a.username])).toEqual([["create", "langson.officer"]]);
    expect(after.audit).toBeGreaterThanOrEqual(before.audit + 1 + kept.length + tasks.length + 1);

    // Accepted once: the review no longer changes, a second accept is refused and writes nothing.
    const done = (await langson.trpc.planImport.get.query({ id: saved.id })) as Rec;
    expect(done).toMatchObject({ status: "accepted", planId });
    expect((await errorOf(langson.trpc.planImport.accept.mutate({ id: saved.id, version: done.version }))).data.code).toBe("CONFLICT");
    expect(await total("plans")).toBe(after.plans);
  }, 120_000);

  test("a collective created on the spot: refused to a province officer (administrators write collectives), created for an administrator", async () => {
    const reviewed = review(draft);
    const lead = reviewed.tasks.find((t) => t.review.status === "accepted")!.leads[0]!;
    const assignees: Record<string, Choice> = { ...resolveAll(reviewed, suggestion.assignees as Record<string, Choice>), [lead.code]: { kind: "newCollective", nameVi: "Các ban của Hội đồng nhân dân xã" } as never };
    const collectives = async () => ((await admin.call("query", "collectiveAssignees.list", { pagination: { page: 1, perPage: 1 } })) as { total: number }).total;
    const before = { ...(await counts()), collectives: await collectives() };
    const mine = await langson.trpc.planImport.save.mutate({ localityId: suggestion.localityId!, parentPlanId: suggestion.parentPlanId, draft: reviewed, assignees: assignees as never });
    expect((await errorOf(langson.trpc.planImport.accept.mutate({ id: mine.id, version: mine.version }))).data.code).toBe("FORBIDDEN");
    expect({ ...(await counts()), collectives: await collectives() }).toEqual({ ...before, audit: before.audit + 1 });

    const theirs = await admin.trpc.planImport.save.mutate({ localityId: suggestion.localityId!, parentPlanId: suggestion.parentPlanId, draft: reviewed, assignees: assignees as never });
    const { planId } = await admin.trpc.planImport.accept.mutate({ id: theirs.id, version: theirs.version });
    expect(await collectives()).toBe(before.collectives + 1);
    const created = ((await admin.call("query", "collectiveAssignees.list", { filter: { localityId: suggestion.localityId }, pagination: { page: 1, perPage: 50 } })) as { data: Rec[] }).data.find((c) => c.nameVi === "Các ban của Hội đồng nhân dân xã")!;
    const tasks = (await admin.trpc.tasks.list.query({ filter: { planId }, pagination: { page: 1, perPage: 500 } })).data as Rec[];
    expect(tasks.some((t) => (t.leadCollectiveCodes as string[]).includes(String(created.code)))).toBe(true);
  }, 120_000);

  test("another province's officer cannot accept into a locality outside their area, nor see Lạng Sơn's reviews", async () => {
    const reviewed = review(draft);
    const assignees = resolveAll(reviewed, suggestion.assignees as Record<string, Choice>);
    const foreign = await errorOf(laichau.trpc.planImport.save.mutate({ localityId: suggestion.localityId!, parentPlanId: null, draft: reviewed, assignees }));
    expect(foreign.data.code).toBe("FORBIDDEN");
    const theirs = await langson.trpc.planImport.save.mutate({ localityId: suggestion.localityId!, parentPlanId: suggestion.parentPlanId, draft: reviewed, assignees });
    const before = await counts();
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain((await errorOf(laichau.trpc.planImport.accept.mutate({ id: theirs.id, version: theirs.version }))).data.code);
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain((await errorOf(laichau.trpc.planImport.get.query({ id: theirs.id }))).data.code);
    expect((await laichau.trpc.planImport.list.query()).map((r) => r.id)).not.toContain(theirs.id);
    expect(await counts()).toEqual(before);
  }, 120_000);
});
