import { formatCitationDate, formatDate, formatTarget } from "@eduplan/domain";
import type { Evaluation } from "./evaluate.js";
import type { PlanDraft, TaskFinding } from "./types.js";

const pct = (x: number) => `${(x * 100).toFixed(1).replace(".", ",")}%`;

function timingVi(t: TaskFinding["timing"]): string {
  if (!t) return "không nêu";
  switch (t.kind) {
    case "year":
      return `năm ${t.year}`;
    case "yearly":
      return "hằng năm";
    case "yearThenYearly":
      return `năm ${t.year}, sau đó hằng năm`;
    case "schoolYear":
      return `năm học ${t.startYear}–${t.startYear + 1}`;
    case "continuous":
      return "thường xuyên";
    case "event":
      return t.eventVi;
    case "yearRange":
      return `${t.from}–${t.to}`;
    case "quarter":
      return `quý ${t.quarter}/${t.year}`;
    case "date":
      return t.date;
    case "notStated":
      return "không nêu";
  }
}

/** A readable summary of a draft, in Vietnamese, for the command line. */
export function formatSummary(d: PlanDraft): string {
  const doc = d.document;
  const kindVi = { plan: "Kế hoạch", resolution: "Nghị quyết", decision: "Quyết định", other: "Văn bản" }[doc.kind];
  const lines: string[] = [];
  lines.push(`${kindVi} ${doc.number ?? (doc.symbol ? `(để trống số)/${doc.symbol}` : "(không có số)")} — ${doc.issuer ?? "cơ quan ban hành: chưa rõ"}`);
  if (doc.title) lines.push(`  ${doc.title}`);
  const date = doc.date ? formatDate(doc.date) : doc.dateParts ? `${doc.dateParts.day ?? "…"}/${doc.dateParts.month ?? "…"}/${doc.dateParts.year ?? "…"}` : "chưa rõ";
  lines.push(`  Nơi, ngày: ${doc.place ?? "—"}, ${date} · Người ký: ${doc.signer ?? "không có"}${doc.signerTitle ? ` (${doc.signerTitle})` : ""}`);
  lines.push(`  Kỳ kế hoạch: ${doc.periodStart ?? "…"}–${doc.periodEnd ?? "…"}, tầm nhìn ${doc.visionYear ?? "—"}`);
  for (const c of doc.citations) lines.push(`  · ${c.relation === "implements" ? "Thực hiện" : c.relation === "legalBasis" ? "Căn cứ" : c.relation === "considered" ? "Xét" : "Dẫn chiếu"}: ${c.kind ?? ""} ${c.number ?? ""}${c.date ? ` ngày ${formatCitationDate(c.date)}` : ""}${c.notes.length ? ` (${c.notes.join("; ")})` : ""}`);
  for (const n of doc.notes) lines.push(`  ! ${n}`);
  lines.push("", `Chỉ tiêu (${d.targets.length}):`);
  d.targets.forEach((t, i) => {
    // The domain's wording ("≥ 48,5%", "Duy trì mức độ 2", "Đạt"); the figure as written stays in valueText.
    const demand = formatTarget({ comparator: t.comparator, value: t.value, valueMax: t.valueMax }, t.unit === "per10kInhabitants" ? "per10kInhabitants" : t.unit);
    lines.push(
      `  ${String(i + 1).padStart(3)}. ${t.indicator?.nameVi ?? "(chưa khớp chỉ tiêu)"}: ${demand}${t.targetYear ? ` · năm ${t.targetYear}` : ""}${t.conditionVi ? ` · ${t.conditionVi}` : ""}${t.parentIndex !== null ? ` · thuộc chỉ tiêu ${t.parentIndex + 1}` : ""} · độ tin cậy ${pct(t.confidence)}`,
    );
  });
  lines.push("", `Nhiệm vụ (${d.tasks.length}):`);
  d.tasks.forEach((t, i) => {
    const names = (r: { nameVi: string }[]) => r.map((x) => x.nameVi).join(", ") || "—";
    lines.push(`  ${String(i + 1).padStart(3)}. ${t.text.length > 110 ? `${t.text.slice(0, 110)}…` : t.text}`);
    lines.push(`       chủ trì: ${names(t.leads)} · phối hợp: ${names(t.coordinators)}${t.requested.length ? ` · đề nghị: ${names(t.requested)}` : ""} · thời gian: ${timingVi(t.timing)}`);
  });
  lines.push("", `Chế độ báo cáo (${d.reportingDuties.length}):`);
  for (const r of d.reportingDuties)
    lines.push(`  · ${r.reporters.map((x) => x.nameVi).join(", ") || "—"} → ${r.recipients.map((x) => x.nameVi).join(", ")}${r.onwardRecipients.length ? ` → ${r.onwardRecipients.map((x) => x.nameVi).join(", ")}` : ""}${r.via.length ? ` (qua ${r.via.map((x) => x.nameVi).join(", ")})` : ""}${r.dueDayMonth ? ` · trước ngày ${r.dueDayMonth}` : ""} · ${{ yearly: "hằng năm", periodic: "định kỳ", adHoc: "đột xuất", onCompletion: "khi hoàn thành", notStated: "không nêu kỳ" }[r.frequency]}`);
  lines.push("", `Cơ quan (${d.agencies.length}): ${d.agencies.map((a) => a.nameVi).join("; ")}`);
  if (d.appendixReferences.length) lines.push(`Phụ lục không có trong tệp: ${d.appendixReferences.map((r) => `«${r.sentence}»`).join("; ")}`);
  return lines.join("\n");
}

const r = (x: { hit: number; of: number }) => `${x.hit}/${x.of} (${pct(x.of ? x.hit / x.of : 1)})`;

/** The evaluation as printed by `eduplan plan import --evaluate`. */
export function formatEvaluation(e: Evaluation, verbose = false): string {
  const lines = [`Nguồn / source: ${e.source || "(không xác định)"}`];
  if (e.targets) {
    const t = e.targets;
    lines.push(`Targets  precision ${pct(t.precision)}  recall ${pct(t.recall)}  (correct ${t.correct}, predicted ${t.predicted}, gold ${t.gold})`);
    lines.push(`         indicator precision ${pct(t.indicatorPrecision)}  recall ${pct(t.indicatorRecall)}; field accuracy on matched: comparator ${r(t.fields.comparator)}, value ${r(t.fields.value)}, year ${r(t.fields.year)}, unit ${r(t.fields.unit)}`);
    if (verbose) for (const m of t.missed) lines.push(`  missed: ${m}`);
    if (verbose) for (const s of t.spurious) lines.push(`  spurious: ${s}`);
  }
  if (e.tasks) {
    const t = e.tasks;
    lines.push(`Tasks    precision ${pct(t.precision)}  recall ${pct(t.recall)}  (matched ${t.matched}, predicted ${t.predicted}, gold ${t.gold}; all fields right ${t.allFieldsRight})`);
    lines.push(`         leads ${r(t.fields.leads)}, coordinators ${r(t.fields.coordinators)}, requested ${r(t.fields.requested)}, timing ${r(t.fields.timing)}`);
    if (verbose) for (const m of t.missed) lines.push(`  missed: ${m}`);
    if (verbose) for (const w of t.wrong) lines.push(`  wrong: ${w}`);
  }
  if (e.agencies) {
    const a = e.agencies;
    lines.push(`Agencies precision ${pct(a.precision)}  recall ${pct(a.recall)}  (correct ${a.correct}, predicted ${a.predicted}, gold ${a.gold})`);
    if (verbose && a.missed.length) lines.push(`  missed: ${a.missed.join(", ")}`);
    if (verbose && a.spurious.length) lines.push(`  spurious: ${a.spurious.join(", ")}`);
  }
  return lines.join("\n");
}
