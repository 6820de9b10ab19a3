import { extractDocument } from "./document.js";
import { refuse } from "./errors.js";
import { foldPlain } from "./fold.js";
import { normalise } from "./normalise.js";
import { readDocument } from "./read.js";
import { paragraphs, sentences } from "./segment.js";
import { targetsInSentence } from "./targets.js";
import { tasksFromAssignments, tasksFromTables } from "./tasks.js";
import { PlanDraftSchema, type AgencyFinding, type AgencyRef, type PlanDraft, type Source, type TargetFinding } from "./types.js";

/** Text already read (tests, other readers): the same pipeline from normalisation on. */
export function extractPlan(raw: Awaited<ReturnType<typeof readDocument>>, fileName: string): PlanDraft {
  const norm = normalise(raw);
  const text = norm.text;
  const document = extractDocument(text, norm.web);
  const ps = paragraphs(text);

  const targets: TargetFinding[] = [];
  const appendixReferences: Source[] = [];
  for (const p of ps) {
    if (p.text.startsWith("|")) continue;
    for (const s of sentences(p)) {
      if (/phu luc/.test(s.folded.text) && /kem theo/.test(s.folded.text))
        appendixReferences.push({ start: s.start, end: s.end, sentence: s.text, section: p.section });
      if (p.isHeading) continue;
      for (const t of targetsInSentence(s, targets.length)) targets.push({ ...t, id: `t${targets.length + 1}` });
    }
  }

  const level = document.localityLevel;
  const fromSections = tasksFromAssignments(ps, level);
  const fromTables = tasksFromTables(ps, level);
  const offset = fromSections.tasks.length;
  const tasks = [
    ...fromSections.tasks,
    ...fromTables.map((t) => ({ ...t, repeatOf: t.repeatOf === null ? null : t.repeatOf + offset })),
  ].map((t, i) => ({ ...t, id: `k${i + 1}` }));
  const reportingDuties = fromSections.duties.map((d, i) => ({ ...d, id: `r${i + 1}` }));

  const agencies = new Map<string, AgencyFinding>();
  const note = (refs: AgencyRef[], role: AgencyFinding["roles"][number]) => {
    for (const r of refs) {
      const a = agencies.get(r.code) ?? { code: r.code, nameVi: r.nameVi, collective: r.collective, mentions: 0, roles: [] };
      a.mentions++;
      if (!a.roles.includes(role)) a.roles.push(role);
      agencies.set(r.code, a);
    }
  };
  for (const t of tasks) {
    note(t.leads, "lead");
    note(t.coordinators, "coordinator");
    note(t.requested, "requested");
  }
  for (const d of reportingDuties) {
    note(d.reporters, "reporter");
    note(d.recipients, "recipient");
  }

  const head = foldPlain(text.slice(0, 2000));
  const planLike = document.kind !== "other" || /ke hoach|nghi quyet|quyet dinh|chien luoc/.test(head);
  if (!planLike)
    refuse("notAPlan", "Tệp này không phải là một kế hoạch, nghị quyết hay quyết định: không tìm thấy tên loại văn bản, chỉ tiêu hay nhiệm vụ.", "This file is not a plan, resolution or decision: no document kind, target or task was found.");
  if (targets.length === 0)
    refuse("noTargets", "Văn bản không có chỉ tiêu nào đọc được (không có tỷ lệ, con số hay mục tiêu cụ thể): không có gì để nhập.", "The document states no target that could be read: nothing to import.");

  return PlanDraftSchema.parse({
    format: raw.format,
    fileName,
    text,
    pages: raw.pageCount,
    removedFurniture: norm.removed,
    document,
    targets,
    tasks,
    agencies: [...agencies.values()],
    reportingDuties,
    appendixReferences,
  });
}

/** Read a plan file (text, DOCX, PDF) and extract a reviewable draft. Throws PlanImportError; never writes anything. */
export async function importPlan(buf: Buffer, fileName: string): Promise<PlanDraft> {
  return extractPlan(await readDocument(buf), fileName);
}
