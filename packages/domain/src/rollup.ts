import type { Aggregation } from "./indicator.js";

export type ReportedValue = { numerator: number | null; denominator: number | null; value: number | null };
export type TreeNode = { id: number; parentId: number | null };

export type Rollup = {
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** Localities whose own figures entered the result. */
  contributors: number[];
  /** Children (direct) with no figure of their own nor below them. */
  missing: number[];
};

/** Combine figures by the indicator's aggregation. Ratios sum numerators and denominators, never average rates. */
export function combine(aggregation: Aggregation, values: ReportedValue[], scale = 1): ReportedValue {
  if (values.length === 0) return { numerator: null, denominator: null, value: null };
  switch (aggregation) {
    case "ratio": {
      let numerator = 0;
      let denominator = 0;
      let counted = 0;
      for (const v of values) {
        if (v.numerator === null || v.denominator === null) continue;
        numerator += v.numerator;
        denominator += v.denominator;
        counted++;
      }
      // No figure with both parts is no data, not a zero count.
      if (counted === 0) return { numerator: null, denominator: null, value: null };
      return { numerator, denominator, value: denominator > 0 ? (numerator / denominator) * scale : null };
    }
    case "sum": {
      const nums = values.map((v) => v.value ?? v.numerator).filter((x): x is number => x !== null);
      if (!nums.length) return { numerator: null, denominator: null, value: null };
      const total = nums.reduce((a, b) => a + b, 0);
      return { numerator: total, denominator: null, value: total };
    }
    case "min":
    case "max": {
      const nums = values.map((v) => v.value).filter((x): x is number => x !== null);
      if (!nums.length) return { numerator: null, denominator: null, value: null };
      return { numerator: null, denominator: null, value: aggregation === "min" ? Math.min(...nums) : Math.max(...nums) };
    }
    case "none":
      return { numerator: null, denominator: null, value: null };
  }
}

function hasFigure(v: ReportedValue | undefined, aggregation: Aggregation): v is ReportedValue {
  if (!v) return false;
  if (aggregation === "ratio") return v.numerator !== null && v.denominator !== null;
  // min / max combine values only (as `combine` does); a bare numerator is no figure for them.
  if (aggregation === "min" || aggregation === "max") return v.value !== null;
  return v.value !== null || v.numerator !== null;
}

/**
 * Roll an indicator up the locality tree to `rootId` from its children. Each child contributes its own figure when it
 * has one, otherwise its own rollup (so a commune's report is not added again to its schools'). Works for any depth:
 * province → district → commune → school.
 */
export function rollup(
  aggregation: Aggregation,
  nodes: TreeNode[],
  values: Map<number, ReportedValue>,
  rootId: number,
  scale = 1,
): Rollup {
  const childrenOf = new Map<number, number[]>();
  for (const n of nodes) {
    if (n.parentId === null) continue;
    const list = childrenOf.get(n.parentId);
    if (list) list.push(n.id);
    else childrenOf.set(n.parentId, [n.id]);
  }
  const memo = new Map<number, { figure: ReportedValue | null; contributors: number[] }>();
  const figureOf = (id: number): { figure: ReportedValue | null; contributors: number[] } => {
    const cached = memo.get(id);
    if (cached) return cached;
    const own = values.get(id);
    let result: { figure: ReportedValue | null; contributors: number[] };
    if (hasFigure(own, aggregation)) result = { figure: own, contributors: [id] };
    else {
      const parts = (childrenOf.get(id) ?? []).map(figureOf).filter((p) => p.figure !== null);
      result = parts.length
        ? { figure: combine(aggregation, parts.map((p) => p.figure!), scale), contributors: parts.flatMap((p) => p.contributors) }
        : { figure: null, contributors: [] };
    }
    memo.set(id, result);
    return result;
  };
  const children = childrenOf.get(rootId) ?? [];
  const parts = children.map((id) => ({ id, ...figureOf(id) }));
  const present = parts.filter((p) => p.figure !== null);
  const combined = combine(aggregation, present.map((p) => p.figure!), scale);
  return {
    ...combined,
    contributors: present.flatMap((p) => p.contributors),
    missing: parts.filter((p) => p.figure === null).map((p) => p.id),
  };
}

/** The displayed value of one reported figure (a ratio's rate, scaled to its unit). */
export function displayValue(v: ReportedValue, aggregation: Aggregation, scale = 1): number | null {
  if (aggregation === "ratio") {
    if (v.numerator === null || v.denominator === null || v.denominator === 0) return v.value;
    return (v.numerator / v.denominator) * scale;
  }
  return v.value ?? v.numerator;
}
