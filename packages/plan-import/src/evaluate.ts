import { z } from "zod";
import { foldPlain } from "./fold.js";
import type { PlanDraft, TaskFinding } from "./types.js";

/** The catalog's shape (sources, indicators, targets), as in packages/plan-import/test-data/targets.gold.json. */
export const GoldTargetsSchema = z.object({
  sources: z.array(z.object({ id: z.string(), title: z.string().nullable().optional(), document: z.string().nullable().optional(), file: z.string().nullable().optional() })),
  targets: z.array(
    z.object({
      source: z.string(),
      indicator: z.string(),
      comparator: z.string(),
      value: z.number().nullable(),
      value_max: z.number().nullable(),
      unit: z.string(),
      target_year: z.number().nullable(),
      phrase_vi: z.string().optional(),
    }),
  ),
});
export type GoldTargets = z.infer<typeof GoldTargetsSchema>;

const TimingSchema = z.object({ kind: z.string(), year: z.number().optional(), startYear: z.number().optional() }).passthrough().nullable();
/** Hand-written task gold, in the same style (see test-data/tasks.gold.json). */
export const GoldTasksSchema = z.object({
  tasks: z.array(
    z.object({
      source: z.string(),
      section: z.string().optional(),
      text: z.string().min(1),
      leads: z.array(z.string()),
      coordinators: z.array(z.string()),
      requested: z.array(z.string()).default([]),
      timing: TimingSchema,
    }),
  ),
});
export type GoldTasks = z.infer<typeof GoldTasksSchema>;

export interface Ratio {
  hit: number;
  of: number;
}
export interface Evaluation {
  source: string;
  targets: null | {
    predicted: number;
    gold: number;
    /** Indicator, comparator, value and year all right. */
    correct: number;
    precision: number;
    recall: number;
    indicatorPrecision: number;
    indicatorRecall: number;
    fields: Record<"comparator" | "value" | "year" | "unit", Ratio>;
    missed: string[];
    spurious: string[];
  };
  tasks: null | {
    predicted: number;
    gold: number;
    matched: number;
    precision: number;
    recall: number;
    allFieldsRight: number;
    fields: Record<"leads" | "coordinators" | "requested" | "timing", Ratio>;
    missed: string[];
    wrong: string[];
  };
  agencies: null | { predicted: number; gold: number; correct: number; precision: number; recall: number; missed: string[]; spurious: string[] };
}

const UNIT_ALIASES: Record<string, string> = { per_10000_population: "per10kInhabitants" };
const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const sameNum = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) < 1e-9);

function pickSource(draft: PlanDraft, gold: { sources: { id: string; file?: string | null; document?: string | null; title?: string | null }[] }, explicit?: string): string | null {
  if (explicit) return explicit;
  const stem = (p: string) => p.replace(/^.*\//, "").replace(/\.[a-z0-9]+$/i, "");
  const byFile = gold.sources.find((s) => s.file && stem(s.file) === stem(draft.fileName));
  if (byFile) return byFile.id;
  const byNumber = gold.sources.find((s) => s.document && draft.document.number && s.document === draft.document.number);
  if (byNumber) return byNumber.id;
  // Titles of plans share most of their words ("… Chiến lược phát triển giáo dục đến năm 2030 …"): no guessing.
  return null;
}

const setEq = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
function timingEq(p: TaskFinding["timing"], g: z.infer<typeof TimingSchema>): boolean {
  if (p === null || g === null) return p === g;
  if (p.kind !== g.kind) return false;
  if (p.kind === "year" || p.kind === "yearThenYearly") return p.year === g.year;
  if (p.kind === "schoolYear") return p.startYear === g.startYear;
  return true;
}

/** Score a draft against gold files (targets in the catalog's shape, tasks as written by hand). */
export function evaluate(draft: PlanDraft, gold: { targets?: GoldTargets; tasks?: GoldTasks; sources?: GoldTargets["sources"] }, sourceId?: string): Evaluation {
  const sources = gold.targets?.sources ?? gold.sources ?? [];
  const source = pickSource(draft, { sources }, sourceId);
  if (!source)
    throw new Error(
      `Không xác định được văn bản chuẩn cho tệp ${draft.fileName}: hãy chỉ rõ --source <mã> (một trong: ${sources.map((s) => s.id).join(", ")}) / no gold source matches this file: pass --source <id>.`,
    );
  const result: Evaluation = { source, targets: null, tasks: null, agencies: null };

  if (gold.targets) {
    const G = gold.targets.targets.filter((t) => t.source === source);
    const P = draft.targets;
    const used = new Set<number>();
    const pairs: { g: (typeof G)[number]; p: (typeof P)[number]; exact: boolean }[] = [];
    const unmatchedG: typeof G = [];
    const exact = (g: (typeof G)[number], p: (typeof P)[number]) =>
      p.indicator?.code === g.indicator && p.comparator === g.comparator && sameNum(p.value, g.value) && sameNum(p.valueMax, g.value_max) && p.targetYear === g.target_year;
    for (const g of G) {
      const i = P.findIndex((p, k) => !used.has(k) && exact(g, p));
      if (i >= 0) {
        used.add(i);
        pairs.push({ g, p: P[i]!, exact: true });
      } else unmatchedG.push(g);
    }
    const missed: string[] = [];
    for (const g of unmatchedG) {
      const cands = P.map((p, k) => ({ p, k })).filter(({ p, k }) => !used.has(k) && p.indicator?.code === g.indicator);
      const score = (p: (typeof P)[number]) => Number(p.comparator === g.comparator) + Number(sameNum(p.value, g.value)) + Number(p.targetYear === g.target_year);
      cands.sort((a, b) => score(b.p) - score(a.p));
      const c = cands[0];
      if (c) {
        used.add(c.k);
        pairs.push({ g, p: c.p, exact: false });
      }
      missed.push(`${g.indicator} ${g.comparator} ${g.value ?? "—"}${g.value_max !== null ? `–${g.value_max}` : ""} ${g.target_year ?? "—"}${c ? ` (đọc được: ${c.p.comparator} ${c.p.value ?? "—"} ${c.p.targetYear ?? "—"})` : ""}`);
    }
    const spurious = P.filter((_, k) => !used.has(k)).map((p) => `${p.indicator?.code ?? "?"} ${p.comparator} ${p.value ?? "—"} ${p.targetYear ?? "—"} «${p.source.sentence.slice(0, 60)}»`);
    const correct = pairs.filter((x) => x.exact).length;
    const field = (f: (x: (typeof pairs)[number]) => boolean): Ratio => ({ hit: pairs.filter(f).length, of: pairs.length });
    result.targets = {
      predicted: P.length,
      gold: G.length,
      correct,
      precision: ratio(correct, P.length),
      recall: ratio(correct, G.length),
      indicatorPrecision: ratio(pairs.length, P.length),
      indicatorRecall: ratio(pairs.length, G.length),
      fields: {
        comparator: field((x) => x.p.comparator === x.g.comparator),
        value: field((x) => sameNum(x.p.value, x.g.value) && sameNum(x.p.valueMax, x.g.value_max)),
        year: field((x) => x.p.targetYear === x.g.target_year),
        unit: field((x) => x.p.unit === (UNIT_ALIASES[x.g.unit] ?? x.g.unit)),
      },
      missed,
      spurious,
    };
  }

  if (gold.tasks) {
    const G = gold.tasks.tasks.filter((t) => t.source === source);
    const P = draft.tasks;
    const used = new Set<number>();
    const matches: { g: (typeof G)[number]; p: TaskFinding }[] = [];
    const missed: string[] = [];
    for (const g of G) {
      const gt = foldPlain(g.text);
      const i = P.findIndex((p, k) => !used.has(k) && foldPlain(p.text).includes(gt));
      if (i >= 0) {
        used.add(i);
        matches.push({ g, p: P[i]! });
      } else missed.push(g.text.slice(0, 80));
    }
    const codes = (refs: { code: string }[]) => refs.map((r) => r.code);
    const field = (f: (m: (typeof matches)[number]) => boolean): Ratio => ({ hit: matches.filter(f).length, of: matches.length });
    const ok = {
      leads: (m: (typeof matches)[number]) => setEq(codes(m.p.leads), m.g.leads),
      coordinators: (m: (typeof matches)[number]) => setEq(codes(m.p.coordinators), m.g.coordinators),
      requested: (m: (typeof matches)[number]) => setEq(codes(m.p.requested), m.g.requested),
      timing: (m: (typeof matches)[number]) => timingEq(m.p.timing, m.g.timing),
    };
    const wrong = matches
      .filter((m) => !(ok.leads(m) && ok.coordinators(m) && ok.requested(m) && ok.timing(m)))
      .map((m) => `«${m.g.text.slice(0, 50)}» leads ${codes(m.p.leads).join(",")} / ${m.g.leads.join(",")}; coord ${codes(m.p.coordinators).join(",")} / ${m.g.coordinators.join(",")}; timing ${m.p.timing?.kind ?? "—"} / ${m.g.timing?.kind ?? "—"}`);
    result.tasks = {
      predicted: P.length,
      gold: G.length,
      matched: matches.length,
      precision: ratio(matches.length, P.length),
      recall: ratio(matches.length, G.length),
      allFieldsRight: matches.length - wrong.length,
      fields: { leads: field(ok.leads), coordinators: field(ok.coordinators), requested: field(ok.requested), timing: field(ok.timing) },
      missed,
      wrong,
    };
    const goldAgencies = new Set(G.flatMap((t) => [...t.leads, ...t.coordinators, ...t.requested]));
    const predAgencies = new Set(P.flatMap((t) => [...codes(t.leads), ...codes(t.coordinators), ...codes(t.requested)]));
    const correct = [...predAgencies].filter((a) => goldAgencies.has(a)).length;
    result.agencies = {
      predicted: predAgencies.size,
      gold: goldAgencies.size,
      correct,
      precision: ratio(correct, predAgencies.size),
      recall: ratio(correct, goldAgencies.size),
      missed: [...goldAgencies].filter((a) => !predAgencies.has(a)),
      spurious: [...predAgencies].filter((a) => !goldAgencies.has(a)),
    };
  }
  return result;
}
