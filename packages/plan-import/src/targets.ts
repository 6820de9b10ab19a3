import type { Comparator } from "@eduplan/domain";
import { CORE_INDICATORS } from "@eduplan/catalog";
import { INDICATOR_ENTRIES, LEVEL_CUES, SECTION_LEVELS, type IndicatorEntry, type LevelKey, type Unit } from "./dictionaries/indicators.js";
import { foldPlain, originalSpan } from "./fold.js";
import { valueExpressions, type ValueExpr } from "./numbers.js";
import type { Sentence } from "./segment.js";
import type { TargetFinding } from "./types.js";

const NAMES = new Map(CORE_INDICATORS.map((i) => [i.code, i.nameVi]));
const UNITS = new Map(CORE_INDICATORS.map((i) => [i.code, i.unit]));

const STOP_WORDS = new Set(["ty", "le", "dat", "cac", "cua", "va", "duoc", "theo", "trong", "tai", "co", "so", "nam", "den", "phan", "dau", "bao", "dam", "tren", "duoi", "it", "nhat", "toi", "thieu", "tu", "la", "cho", "voi", "mot", "nhung", "tro", "len", "khoang"]);
const words = (folded: string) => new Set(folded.split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP_WORDS.has(w)));
const LEVEL_PREFIX: Record<LevelKey, string> = { nursery: "ecec", kindergarten: "ecec", ecec: "ecec", primary: "primary", lower: "lower_secondary", upper: "upper_secondary", general: "general" };
const CATALOGUE = CORE_INDICATORS.map((i) => ({ code: i.code, unit: i.unit, words: words(foldPlain(i.nameVi)) }));

/**
 * A figure no dictionary phrase claims: the catalogue indicator whose name shares most words with the words around
 * it (a named level must agree), with a low confidence, so the officer sees it and picks; null when nothing is close.
 */
function closestIndicator(folded: string, wantUnit: "percent" | "number"): { best: { code: string; score: number } | null; second: { code: string; score: number } | null } {
  const w = words(folded);
  const cues = levelCues(folded, 0, folded.length).map((k) => LEVEL_PREFIX[k]);
  const scored = CATALOGUE.filter((c) => (wantUnit === "percent" ? c.unit === "percent" : c.unit === "count" || c.unit === "per10kInhabitants"))
    .map((c) => {
      const common = [...c.words].filter((x) => w.has(x)).length;
      let score = common / Math.sqrt(Math.max(1, c.words.size) * Math.max(1, w.size));
      const prefix = c.code.split(".")[0]!;
      const fits = cues.includes(prefix) || prefix === "cross_cutting" || (prefix === "general" && cues.some((c) => c === "primary" || c === "lower_secondary" || c === "upper_secondary"));
      if (cues.length && !fits) score *= 0.5;
      return { code: c.code, score };
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0] && scored[0].score >= 0.3 ? scored[0] : null;
  return { best, second: best ? (scored[1] ?? null) : null };
}

interface Mention {
  entry: IndicatorEntry;
  start: number;
  end: number;
  n: number | null;
}

function mentionsIn(folded: string): Mention[] {
  const all: Mention[] = [];
  for (const entry of INDICATOR_ENTRIES) {
    entry.pattern.lastIndex = 0;
    for (const m of folded.matchAll(entry.pattern)) {
      const n = m.groups?.n !== undefined ? Number(m.groups.n) : null;
      all.push({ entry, start: m.index!, end: m.index! + m[0].length, n });
    }
  }
  // Of two overlapping mentions of the same mode, the longer (more specific) phrase wins.
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Mention[] = [];
  for (const m of all) {
    if (kept.some((k) => k.entry.mode === m.entry.mode && k.start < m.end && m.start < k.end)) continue;
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** Levels named in a folded range, longest cue first, in reading order. */
function levelCues(folded: string, start: number, end: number): LevelKey[] {
  const text = folded.slice(start, end);
  const taken: [number, number, LevelKey][] = [];
  for (const [key, re] of LEVEL_CUES) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const s = m.index!;
      const e = s + m[0].length;
      if (taken.some(([a, b]) => a < e && s < b)) continue;
      taken.push([s, e, key]);
    }
  }
  return taken.sort((a, b) => a[0] - b[0]).map(([, , k]) => k);
}

function sectionLevel(s: Sentence): LevelKey | null {
  for (const h of [...s.paragraph.headings].reverse()) {
    const f = foldPlain(h);
    for (const [re, key] of SECTION_LEVELS) if (re.test(f)) return key;
  }
  return null;
}

/** The year a section's heading sets for every target under it ("II. MỤC TIÊU CỤ THỂ ĐẾN NĂM 2030"). */
function sectionYear(s: Sentence): number | null {
  for (const h of [...s.paragraph.headings].reverse()) {
    const f = foldPlain(h);
    const m = /muc tieu.*?nam (\d{4})/.exec(f);
    if (m) return Number(m[1]);
  }
  return null;
}

interface Resolved {
  codes: string[];
  confidence: number;
  runnerUp: string | null;
}

function resolveCodes(entry: IndicatorEntry, cues: LevelKey[], fallbackCues: LevelKey[], s: Sentence, afterFigure: string): Resolved {
  if (entry.codeAfterFigure) {
    for (const [re, code] of entry.codeAfterFigure) if (re.test(afterFigure)) return { codes: [code], confidence: 0.9, runnerUp: entry.codeAfterFigure.find(([, c]) => c !== code)?.[1] ?? null };
  }
  if (!entry.byLevel) return { codes: [entry.code!], confidence: 0.9, runnerUp: null };
  const by = entry.byLevel;
  const pick = (keys: LevelKey[]) => {
    const codes: string[] = [];
    for (const k of keys) {
      const code = by[k] ?? ((k === "nursery" || k === "kindergarten") && by.ecec ? by.ecec : undefined);
      if (code && !codes.includes(code)) codes.push(code);
    }
    return entry.firstLevelOnly ? codes.slice(0, 1) : codes;
  };
  const others = (codes: string[]) => Object.values(by).find((c) => !codes.includes(c!)) ?? entry.fallbackCode ?? null;
  let codes = pick(cues);
  if (codes.length) return { codes, confidence: 0.9, runnerUp: others(codes) };
  codes = pick(fallbackCues);
  if (codes.length) return { codes, confidence: 0.8, runnerUp: others(codes) };
  const sec = sectionLevel(s);
  if (sec) {
    codes = pick([sec]);
    if (codes.length) return { codes, confidence: 0.75, runnerUp: entry.fallbackCode ?? others(codes) };
  }
  if (entry.fallbackCode) return { codes: [entry.fallbackCode], confidence: 0.7, runnerUp: Object.values(by)[0] ?? null };
  const first = Object.values(by)[0]!;
  return { codes: [first], confidence: 0.4, runnerUp: others([first]) };
}

const clauseBounds = (folded: string, at: number): [number, number] => {
  const before = folded.lastIndexOf(";", at - 1);
  const after = folded.indexOf(";", at);
  return [before + 1, after < 0 ? folded.length : after];
};

function yearFor(s: Sentence, at: number, mentionStart: number): number | null {
  const f = s.folded.text;
  const [cs, ce] = clauseBounds(f, at);
  const clause = f.slice(cs, ce);
  // "đến năm học 2029 - 2030" counts as 2030: the school year that ends in it.
  const years = [...clause.matchAll(/(?:den|vao|trong) nam (?:hoc (\d{4}) ?- ?)?(\d{4})/g)].map((m) => ({ pos: cs + m.index!, year: Number(m[2]) }));
  const before = years.filter((y) => y.pos < at);
  if (before.length) return before[before.length - 1]!.year;
  const after = years.filter((y) => y.pos >= at);
  if (after.length) return after[0]!.year;
  if (/(?:tien toi|tung buoc)\s*$/.test(f.slice(Math.max(0, mentionStart - 16), mentionStart))) return null;
  return sectionYear(s);
}

const AREA = /(?:doi voi|o|tai) (?:cac )?(?:dia ban|vung)[^;%]*?(?:dac biet kho khan|dan toc thieu so|kho khan|bien gioi)/;

function conditionOf(s: Sentence, start: number, end: number): { text: string | null; flag: string | null } {
  const f = s.folded.text.slice(start, end);
  const m = AREA.exec(f);
  if (!m) return { text: null, flag: null };
  const [a, b] = originalSpan(s.folded, start + m.index, start + m.index + m[0].length);
  const flag = /dac biet kho khan/.test(m[0]) ? "isExtremelyDifficultArea" : /dan toc thieu so/.test(m[0]) ? "isEthnicMinorityArea" : /bien gioi/.test(m[0]) ? "isBorderArea" : "isDisadvantagedArea";
  return { text: s.text.slice(a, b), flag };
}

export interface TargetExtraction {
  targets: Omit<TargetFinding, "id">[];
}

function unitOf(code: string, entryUnit: Unit, v: ValueExpr | null): Unit {
  if (v?.counted) return "count";
  const u = UNITS.get(code);
  if (u === "percent" || u === "count" || u === "per10kInhabitants" || u === "level" || u === "boolean") return u;
  return entryUnit;
}

/** Targets in one sentence: each figure paired with the indicator phrase it qualifies, then stated goals without figures. */
export function targetsInSentence(s: Sentence, firstIndex: number): Omit<TargetFinding, "id">[] {
  const f = s.folded.text;
  const orig = (a: number, b: number) => {
    const [x, y] = originalSpan(s.folded, a, b);
    return s.text.slice(x, y);
  };
  const mentions = mentionsIn(f);
  const numeric = mentions.filter((m) => m.entry.mode === "numeric");
  const values = valueExpressions(f, orig);
  const consumed = new Set<Mention>();
  const out: Omit<TargetFinding, "id">[] = [];
  let previous: { mention: Mention; firstOut: number; valueEnd: number } | null = null;
  const unmatched: { v: ValueExpr; spanStart: number; spanEnd: number; parentIndex: number | null; from: number }[] = [];

  const emit = (
    mention: Mention,
    codes: Resolved,
    v: ValueExpr | null,
    spanStart: number,
    spanEnd: number,
    comparator: Comparator,
    value: number | null,
    unitHint: Unit,
    parentIndex: number | null,
    conditionRange: [number, number],
  ) => {
    const first = out.length;
    for (const code of codes.codes) {
      const [a, b] = originalSpan(s.folded, spanStart, spanEnd);
      const cond = conditionOf(s, conditionRange[0], conditionRange[1]);
      const age = /do tuoi (?:tu )?(\d{1,2}) ?- ?(\d{1,2})/.exec(f.slice(Math.max(0, mention.start - 10), Math.max(mention.end, v?.start ?? 0) + 40));
      const [cs] = clauseBounds(f, spanStart);
      out.push({
        source: { start: s.start + a, end: s.start + b, sentence: s.text, section: s.paragraph.section },
        confidence: codes.confidence * (v || mention.entry.mode === "qualitative" ? 1 : 0.8),
        review: { status: "pending", note: null },
        indicator: { code, nameVi: NAMES.get(code) ?? code, score: codes.confidence },
        runnerUp: codes.runnerUp ? { code: codes.runnerUp, nameVi: NAMES.get(codes.runnerUp) ?? codes.runnerUp, score: Math.max(0, codes.confidence - 0.3) } : null,
        comparator,
        value,
        valueMax: v?.valueMax ?? null,
        valueText: v?.text ?? (value !== null ? String(value).replace(".", ",") : null),
        unit: unitOf(code, unitHint, v),
        targetYear: yearFor(s, spanStart, mention.start),
        schoolYear: (() => {
          const m = /nam hoc (\d{4}) ?- ?\d{4}/.exec(f);
          return m ? Number(m[1]) : null;
        })(),
        appliesEveryYear: /hang nam/.test(f.slice(cs, spanStart)),
        isAspirational: /phan dau/.test(f.slice(0, spanStart)),
        isApproximate: v?.approximate ?? false,
        byReference: /(?:theo|tai) phu luc/.test(f),
        conditionVi: cond.text,
        areaFlag: cond.flag,
        ageFrom: age ? Number(age[1]) : null,
        ageTo: age ? Number(age[2]) : null,
        counted: v?.counted ?? null,
        parentIndex,
        pooledWith: [],
      });
    }
    if (codes.codes.length > 1) {
      const idx = codes.codes.map((_, k) => firstIndex + first + k);
      for (let k = 0; k < codes.codes.length; k++) out[first + k]!.pooledWith = idx.filter((i) => i !== firstIndex + first + k);
    }
    return first;
  };

  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const prevEnd = i > 0 ? values[i - 1]!.end : 0;
    const next = values[i + 1];
    const [, ce] = clauseBounds(f, v.start);
    const postEnd = Math.min(next?.start ?? f.length, ce);
    const before = f.slice(Math.max(0, v.start - 40), v.start);
    const precededByReach = /(?:dat|la|bang|xuong)(?: (?:tu|tren|duoi|it nhat|toi thieu|khoang|la))*\s*$/.test(before);
    const pre = numeric.filter((m) => m.start >= prevEnd && m.end <= v.start);
    const post = numeric.filter((m) => m.start >= v.end && m.start < postEnd);
    const lastPre = pre[pre.length - 1];
    // "trong đó" (of which) and "riêng" (of those, only): diacritics matter, "trong độ tuổi" is an age band.
    const subTarget = previous !== null && /(?:^|[\s,;(])(?:trong đó|riêng)(?=[\s,:])/iu.test(orig(previous.valueEnd, v.start));
    const parentIndex = subTarget && previous ? firstIndex + previous.firstOut : null;

    let chosen: { mentions: Mention[]; kind: "suffix" | "inherited" | "prefix"; cueRanges: [number, number][] } | null = null;
    if (precededByReach && lastPre) chosen = { mentions: [lastPre], kind: "suffix", cueRanges: [[lastPre.start, v.start]] };
    else if (precededByReach && previous) chosen = { mentions: [previous.mention], kind: "inherited", cueRanges: [[prevEnd, v.start]] };
    else if (post.length) {
      const linked = [post[0]!];
      for (const m of post.slice(1)) {
        const gap = f.slice(linked[linked.length - 1]!.end, m.start).trim();
        if (/^(?:,|va|, va|va duoc|,? ?(?:va )?duoc)?$/.test(gap)) linked.push(m);
        else break;
      }
      chosen = {
        mentions: linked,
        kind: "prefix",
        cueRanges: linked.map((m, k) => [k === 0 ? v.end : linked[k - 1]!.end, m.end] as [number, number]),
      };
    } else if (lastPre) chosen = { mentions: [lastPre], kind: "suffix", cueRanges: [[lastPre.start, v.start]] };
    else {
      // "có 100% trường tiểu học, 80% trường THCS và 100% trường THPT đạt chuẩn quốc gia": the phrase comes last.
      const further = numeric.find((m) => m.start >= v.end && m.start < ce);
      if (further) chosen = { mentions: [further], kind: "prefix", cueRanges: [[v.end, Math.min(postEnd, further.end)]] };
      else if (previous && clauseBounds(f, previous.valueEnd)[0] === clauseBounds(f, v.start)[0])
        chosen = { mentions: [previous.mention], kind: "inherited", cueRanges: [[prevEnd, v.start]] };
    }
    if (!chosen) {
      // Only written figures ("98%", "4/10 xã"), not "tất cả" with nothing recognisable around it.
      if (!/\d/.test(v.text)) continue;
      const [cs] = clauseBounds(f, v.start);
      const from = Math.max(cs, prevEnd);
      const around = f.slice(from, v.start).split(" ").length >= 3 ? f.slice(from, v.start) : f.slice(v.end, postEnd);
      const { best, second } = closestIndicator(around, v.percent ? "percent" : "number");
      // A bare number with nothing recognisable around it is not a target ("đạt 2 giải").
      if (!best && !v.percent && !v.counted) continue;
      const spanStart = f.slice(from, v.start).trim() ? from : v.start;
      const spanEnd = spanStart === v.start ? postEnd : v.end;
      const resolved: Resolved = best ? { codes: [best.code], confidence: 0.25 + best.score * 0.4, runnerUp: second?.code ?? null } : { codes: [], confidence: 0.2, runnerUp: null };
      const mention: Mention = { entry: { pattern: /$^/g, code: best?.code ?? "", mode: "numeric", unit: "percent" }, start: spanStart, end: spanEnd, n: null };
      if (best) {
        emit(mention, resolved, v, spanStart, spanEnd, v.comparator, v.value, v.percent ? "percent" : "count", parentIndex, [from, v.start]);
      } else {
        unmatched.push({ v, spanStart, spanEnd, parentIndex, from });
      }
      continue;
    }
    let firstOut = -1;
    chosen.mentions.forEach((mention, k) => {
      if (mention.entry.unit === "percent" && !v.percent && !v.counted) return;
      consumed.add(mention);
      const [ra, rb] = chosen!.cueRanges[k]!;
      const cues = levelCues(f, ra, rb);
      const fallbackCues = chosen!.kind === "prefix" ? levelCues(f, v.end, Math.max(rb, postEnd)) : levelCues(f, prevEnd, v.start);
      const resolved = resolveCodes(mention.entry, cues, fallbackCues, s, f.slice(v.end));
      if (chosen!.kind === "inherited") resolved.confidence -= 0.1;
      const spanStart = Math.min(mention.start, v.start, chosen!.kind === "inherited" ? prevEnd : Infinity);
      const spanEnd = Math.max(mention.end, v.end);
      const condRange: [number, number] = chosen!.kind === "prefix" ? [prevEnd, mention.end] : [prevEnd, v.start];
      const at = emit(mention, resolved, v, spanStart, spanEnd, v.comparator, v.value, v.percent ? "percent" : mention.entry.unit, parentIndex, condRange);
      if (firstOut < 0) firstOut = at;
    });
    if (firstOut >= 0) previous = { mention: chosen.mentions[0]!, firstOut, valueEnd: v.end };
  }

  // A figure that matches nothing is still shown, without an indicator, for the officer to pick or create one.
  for (const u of unmatched) {
    const [a, b] = originalSpan(s.folded, u.spanStart, u.spanEnd);
    out.push({
      source: { start: s.start + a, end: s.start + b, sentence: s.text, section: s.paragraph.section },
      confidence: 0.2,
      review: { status: "pending", note: null },
      indicator: null,
      runnerUp: null,
      comparator: u.v.comparator,
      value: u.v.value,
      valueMax: u.v.valueMax,
      valueText: u.v.text,
      unit: u.v.percent ? "percent" : "count",
      targetYear: yearFor(s, u.spanStart, u.spanStart),
      schoolYear: null,
      appliesEveryYear: false,
      isAspirational: /phan dau/.test(f.slice(0, u.spanStart)),
      isApproximate: u.v.approximate,
      byReference: false,
      conditionVi: null,
      areaFlag: null,
      ageFrom: null,
      ageTo: null,
      counted: u.v.counted,
      parentIndex: u.parentIndex,
      pooledWith: [],
    });
  }

  // Figures written inside the phrase ("Xây mới 05 trường …").
  for (const m of numeric) {
    if (consumed.has(m) || m.n === null) continue;
    consumed.add(m);
    const resolved = resolveCodes(m.entry, levelCues(f, m.start, m.end), [], s, "");
    emit(m, resolved, null, m.start, m.end, "eq", m.n, m.entry.unit, null, [m.start, m.end]);
  }

  // Goals without a percentage: a state to reach ("hoàn thành …", "đạt chuẩn … mức độ 3") or to keep ("duy trì …").
  const seen = new Set<string>();
  for (const m of mentions) {
    if (m.entry.mode !== "qualitative") continue;
    if ([...consumed].some((c) => c.start < m.end && m.start < c.end)) continue;
    const [cs] = clauseBounds(f, m.start);
    const lead = f.slice(cs, m.start);
    const lastKeep = lead.lastIndexOf("duy tri");
    const keep = lastKeep >= 0 && !/hoan thanh|huong muc tieu|huong dat|phan dau|thuc hien|%/.test(lead.slice(lastKeep));
    const resolved = resolveCodes(m.entry, levelCues(f, m.start, m.end), [], s, "");
    // One goal per indicator, comparison and level in a sentence, however often it is restated.
    const year = yearFor(s, m.start, m.start);
    const key = (c: string) => `${c}|${keep}|${m.n}|${year}`;
    resolved.codes = resolved.codes.filter((c) => !seen.has(key(c)));
    if (!resolved.codes.length) continue;
    for (const c of resolved.codes) seen.add(key(c));
    resolved.confidence = Math.min(resolved.confidence, 0.8);
    emit(m, resolved, null, m.start, m.end, keep ? "maintain" : "achieve", m.n, m.n !== null ? "level" : m.entry.unit, null, [cs, m.start]);
  }
  return out;
}
