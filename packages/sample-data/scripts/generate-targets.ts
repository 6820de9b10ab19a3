/**
 * Dev tool: writes the `targets:` of the three sample plans from the indicator catalog.
 *
 *   npx tsx scripts/generate-targets.ts          # rewrite data/*.yaml in place
 *   npx tsx scripts/generate-targets.ts --check  # exit 1 if the files are not up to date
 *
 * Input: reference/catalog-indicators.json (a copy of the shared catalog). Every catalog target of a source becomes
 * one target of the matching plan: indicator, comparator, value, valueMax, targetYear, phraseVi, section and
 * conditionEn are copied unchanged. The script adds the structure the catalog states only in words:
 *   - areaFlag, ageFrom/ageTo, appliesEveryYear from the English condition;
 *   - educationLevel for the indicators of one level of schooling (primary.*, lower_secondary.*, …);
 *   - isAspirational when the sentence is governed by "Phấn đấu" (MT spells it "Phần đầu", a typo kept in the phrase);
 *   - counting (what is counted, by which criterion, out of what) for targets that count units meeting a standard;
 *   - conditionVi, a short Vietnamese rendering of the condition;
 *   - subTargets: a "trong đó" target goes under the target stated just before it;
 *   - code: the indicator code, with a suffix for repeats within a plan.
 * Nothing else is added: no figure, no milestone. The YAML files are what ships; the product never reads the catalog.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { isScalar, parseDocument, visit, YAMLMap, YAMLSeq } from "yaml";

type CatalogTarget = {
  source: string;
  indicator: string;
  comparator: string;
  value: number | null;
  value_max: number | null;
  unit: string;
  target_year: number | null;
  baseline: unknown;
  condition: string | null;
  phrase_vi: string;
  section: string;
};

type Counting = { entity: string; criterionVi: string; outOfVi: string };

type Target = {
  code: string;
  indicator: string;
  comparator: string;
  value?: number;
  valueMax?: number;
  targetYear?: number;
  appliesEveryYear?: true;
  isAspirational?: true;
  areaFlag?: string;
  educationLevel?: string;
  ageFrom?: number;
  ageTo?: number;
  counting?: Counting;
  conditionVi?: string;
  conditionEn?: string;
  phraseVi: string;
  section: string;
  subTargets?: Target[];
};

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const catalog = JSON.parse(readFileSync(here("../reference/catalog-indicators.json"), "utf8")) as { targets: CatalogTarget[] };

/** Catalog source → [province file, plan code]. */
const PLANS: Record<string, [string, string]> = {
  "lang-son-243-2025": ["../data/lang-son.yaml", "lang-son-243-2025"],
  "bang-mac-2025": ["../data/lang-son.yaml", "bang-mac-2025"],
  "muong-te-2025": ["../data/lai-chau.yaml", "muong-te-2025"],
};

/**
 * `educationLevel`: the level of schooling a target is stated for (the domain's level codes), for the indicators
 * that belong to one level (nursery, kindergarten, primary, lower and upper secondary). The catalog's indicator codes
 * already carry that level; the breakdown makes it explicit for cascade comparisons and filters.
 */
const EMIT_EDUCATION_LEVEL = true;
const EDUCATION_LEVEL_OF_PREFIX: Record<string, string> = {
  "ecec.nursery.": "nursery",
  "ecec.kindergarten.": "kindergarten",
  "primary.": "primary",
  "lower_secondary.": "lowerSecondary",
  "upper_secondary.": "upperSecondary",
};

// ── Conditions: English (catalog) → short Vietnamese ─────────────────────────────────────────────────────────────
const CONDITION_VI: Record<string, string> = {
  "grade 'khá' (fairly good) within the group of northern mountainous provinces": "Đạt mức khá trong nhóm các tỉnh miền núi phía Bắc",
  "every year ('hằng năm'), not only in the target year": "Hằng năm, không chỉ trong năm mục tiêu",
  "maintain the current result (no level stated)": "Duy trì kết quả hiện có (không nêu mức độ)",
  "commune-level units ('đơn vị cơ sở') meeting the standard at level 3": "Các đơn vị cơ sở (cấp xã) đạt chuẩn mức độ 3",
  "province as a whole; stated as a direction ('hướng mục tiêu')": "Toàn tỉnh; nêu dưới dạng định hướng (“hướng mục tiêu”)",
  "direction only ('tiến tới' = work towards); no deadline": "Chỉ nêu định hướng (“tiến tới”); không nêu thời hạn",
  "in areas with extremely difficult socio-economic conditions": "Đối với các địa bàn có điều kiện kinh tế - xã hội đặc biệt khó khăn",
  "no figure: 'thực hiện' (implement) full-day teaching in lower-secondary schools":
    "Không nêu tỷ lệ: “thực hiện” dạy học 02 buổi/ngày đối với các trường trung học cơ sở",
  "aged 18–22 (denominator: population aged 18–22)": "Trong độ tuổi 18-22 (mẫu số: dân số trong độ tuổi 18-22)",
  "aged 15–60": "Trong độ tuổi từ 15 - 60",
  "province as a whole": "Toàn tỉnh",
  "sub-target ('trong đó') of the trained-workforce rate": "Chỉ tiêu con (“trong đó”) của tỷ lệ lao động qua đào tạo",
  "public schools": "Trường công lập",
  "connected to the national system": "Kết nối với hệ thống quốc gia",
  "prepare the conditions, following the common (national) roadmap; no deadline": "Chuẩn bị các điều kiện theo lộ trình chung; không nêu thời hạn",
  "in suitable areas ('tại các địa bàn phù hợp'); no deadline": "Tại các địa bàn phù hợp; không nêu thời hạn",
  "no figure: 'meet the need for lower-secondary schooling locally'": "Không nêu tỷ lệ: đáp ứng nhu cầu học trung học cơ sở tại chỗ",
  "no deadline stated": "Không nêu thời hạn",
  "according to the master plan ('theo quy hoạch'); no deadline stated": "Theo quy hoạch; không nêu thời hạn",
  "no level stated": "Không nêu mức độ",
  "recruit enough teachers; no norm or deadline stated": "Tuyển đủ giáo viên; không nêu định mức, thời hạn",
  "every year (maintained, 'duy trì')": "Hằng năm (“duy trì”)",
  "subject rooms, equipment, sanitation, clean water, teacher housing; no deadline":
    "Phòng học bộ môn, thiết bị, công trình vệ sinh, nước sạch, nhà công vụ; không nêu thời hạn",
  "connected to provincial and national data": "Kết nối với dữ liệu tỉnh và quốc gia",
  "staffing quota meets the MOET norms": "Biên chế bảo đảm định mức do Bộ Giáo dục và Đào tạo quy định",
  "on a par with the other districts of the province": "Đạt trình độ với các huyện trong tỉnh",
  "on a par with the province-wide average": "Đạt trình độ với mặt bằng chung của cả tỉnh",
  "communes and townships meeting the standard at level 3": "Các xã, thị trấn đạt chuẩn mức độ 3",
  "communes and townships meeting the standard at level 2 or above": "Các xã, thị trấn đạt chuẩn mức độ 2 trở lên",
  "aged 18–22 (denominator: all university students)": "Trong nhóm độ tuổi 18-22 (mẫu số: tổng số sinh viên đại học)",
  "aged 15–60, in extremely difficult areas and ethnic-minority areas (sub-target, 'trong đó')":
    "Độ tuổi 15 - 60, ở vùng đặc biệt khó khăn, vùng đồng bào dân tộc thiểu số (chỉ tiêu con, “trong đó”)",
  "district as a whole": "Toàn huyện",
  "step by step ('từng bước'); no deadline": "Từng bước; không nêu thời hạn",
  "foreign-language teachers, sufficient in number and quality; no deadline": "Giáo viên ngoại ngữ đủ về số lượng và chất lượng; không nêu thời hạn",
  "preschool, general and continuing-education institutions; no deadline":
    "Các cơ sở giáo dục mầm non, phổ thông, giáo dục thường xuyên; không nêu thời hạn",
  "funded by the state budget; no deadline": "Do ngân sách nhà nước bảo đảm; không nêu thời hạn",
  "connected to the national databases; no deadline": "Kết nối với các cơ sở dữ liệu quốc gia; không nêu thời hạn",
  "'tất cả' (all) institutions; no deadline": "Tất cả cơ sở giáo dục; không nêu thời hạn",
  "grade 'khá' (fairly good) within the group of communes of the Chi Lăng area": "Đạt mức khá trong nhóm các xã khu vực Chi Lăng",
  "children in villages far from the commune centre, via the programme 'Hỗ trợ phát triển giáo dục mầm non vùng khó khăn giai đoạn 2022-2030'":
    "Trẻ em ở các thôn xa trung tâm xã, qua Chương trình “Hỗ trợ phát triển giáo dục mầm non vùng khó khăn giai đoạn 2022-2030”",
  "units ('các đơn vị', unspecified in a commune plan) meeting the standard at level 3":
    "Các đơn vị (văn bản không nói rõ đơn vị nào) đạt chuẩn mức độ 3",
  "commune as a whole; stated as a direction ('hướng đạt')": "Toàn xã; nêu dưới dạng định hướng (“hướng đạt”)",
  "commune as a whole": "Toàn xã",
  "connected to national and local databases; no deadline": "Kết nối với cơ sở dữ liệu quốc gia và địa phương; không nêu thời hạn",
  "connected to the province's shared data system; no deadline": "Kết nối với hệ thống dữ liệu dùng chung của tỉnh; không nêu thời hạn",
};

// ── Aspiration ───────────────────────────────────────────────────────────────────────────────────────────────────
const STARTS_ASPIRATIONAL = /^(phấn đấu|phần đầu)/i;
/**
 * Phrases that do not start with "Phấn đấu" but continue a sentence that does (checked against the seed texts:
 * the same sentence, after a comma, a semicolon or a colon). Keyed by source and phrase.
 */
const GOVERNED_BY_PHAN_DAU: Record<string, string[]> = {
  "lang-son-243-2025": [
    "đến năm 2045, hoàn thành chuyển đổi số toàn diện trong giáo dục",
    "số trẻ em vào học tại các cơ sở giáo dục mầm non dân lập, tư thục đạt 7,0%",
    "có trên 57,6% trường mầm non đạt chuẩn quốc gia",
    "số học sinh theo học tại các cơ sở giáo dục phổ thông dân lập, tư thục đạt 1,5%",
    "cấp trung học cơ sở đạt 54,5%",
    "cấp trung học phổ thông đạt 61,5%",
    "75% các cơ quan, đơn vị đạt danh hiệu đơn vị học tập các cấp",
  ],
  "muong-te-2025": [
    "có 100% trường tiểu học, 80% trường trung học cơ sở và 100% trường trung học phổ thông đạt chuẩn quốc gia",
    "trong đó tỷ lệ người biết chữ mức độ 1 trong độ tuổi từ 15 - 60 ở vùng đặc biệt khó khăn, vùng đồng bào dân tộc thiểu số đạt 97,5%",
  ],
  "bang-mac-2025": ["đến năm 2045, hoàn thành chuyển đổi số toàn diện trong giáo dục", "có trên 75% trường mầm non đạt chuẩn quốc gia"],
};

// ── Counting: targets that count units meeting a standard ───────────────────────────────────────────────────────
function counting(t: CatalogTarget): Counting | undefined {
  const standard = (level: string) => {
    if (t.source === "muong-te-2025")
      return {
        entity: "commune",
        criterionVi: `đạt chuẩn phổ cập giáo dục ${level} ${t.condition?.includes("level 2") ? "mức độ 2 trở lên" : "mức độ 3"}`,
        outOfVi: "tất cả xã, thị trấn",
      };
    if (t.source === "bang-mac-2025")
      // BM copies the province wording "100% các đơn vị đạt chuẩn …" without saying which units a commune counts.
      return { entity: "other", criterionVi: `đạt chuẩn phổ cập giáo dục ${level} mức độ 3`, outOfVi: "các đơn vị (văn bản không nói rõ)" };
    return { entity: "commune", criterionVi: `đạt chuẩn phổ cập giáo dục ${level} mức độ 3`, outOfVi: "tất cả đơn vị hành chính cấp xã" };
  };
  const school = (criterionVi: string, outOfVi: string): Counting => ({ entity: "school", criterionVi, outOfVi });
  const classroom = (outOfVi: string, criterionVi = "kiên cố"): Counting => ({ entity: "classroom", criterionVi, outOfVi });
  switch (t.indicator) {
    case "primary.universal_education_commune_rate":
      return standard("tiểu học");
    case "lower_secondary.universal_education_commune_rate":
      return standard("trung học cơ sở");
    case "ecec.national_standard_school_rate":
      return school("đạt chuẩn quốc gia", "tất cả trường mầm non");
    case "primary.national_standard_school_rate":
      return school("đạt chuẩn quốc gia", "tất cả trường tiểu học");
    case "lower_secondary.national_standard_school_rate":
      return school("đạt chuẩn quốc gia", "tất cả trường trung học cơ sở");
    case "upper_secondary.national_standard_school_rate":
      return school("đạt chuẩn quốc gia", "tất cả trường trung học phổ thông");
    case "general.cultural_standard_unit_rate":
      return school("đạt danh hiệu “đơn vị đạt chuẩn văn hóa”", "tất cả trường học");
    case "ecec.non_public_school_share":
      return school("là trường dân lập, tư thục", "tất cả trường mầm non");
    case "general.private_school_share":
      return school("là cơ sở tư thục", "tất cả cơ sở giáo dục phổ thông");
    case "ecec.public_school_independent_rate":
      return school("được tổ chức độc lập với các trường phổ thông", "tất cả trường mầm non công lập");
    case "cross_cutting.institution_plan_rate":
      return school("có kế hoạch thực hiện phù hợp thực tiễn", "tất cả cơ sở giáo dục");
    case "cross_cutting.digital.management_software_rate":
      return school("áp dụng phần mềm quản lý", "tất cả trường công lập");
    case "cross_cutting.digital.electronic_records_rate":
      return school("sử dụng hồ sơ điện tử", "tất cả trường công lập");
    case "cross_cutting.digital.digital_platform_rate":
      return school("triển khai dạy học, quản lý nhà trường trên nền tảng số", "tất cả cơ sở giáo dục");
    case "continuing.learning_community_commune_rate":
      return { entity: "commune", criterionVi: "được công nhận danh hiệu cộng đồng học tập cấp xã", outOfVi: "tất cả xã, phường" };
    case "continuing.learning_unit_rate":
      return { entity: "agency", criterionVi: "đạt danh hiệu đơn vị học tập các cấp", outOfVi: "các cơ quan, đơn vị" };
    case "ecec.commune_coverage_rate":
      return { entity: "commune", criterionVi: "có trường mầm non", outOfVi: "tất cả xã, phường" };
    case "primary.commune_coverage_rate":
      return { entity: "commune", criterionVi: "có trường tiểu học", outOfVi: "tất cả xã, phường" };
    case "ecec.permanent_classroom_rate":
      return classroom("tất cả phòng học mầm non");
    case "ecec.permanent_or_semi_permanent_classroom_rate":
      return classroom("tất cả phòng học mầm non", "kiên cố, bán kiên cố");
    case "primary.permanent_classroom_rate":
      return classroom("tất cả phòng học cấp tiểu học");
    case "lower_secondary.permanent_classroom_rate":
      return classroom("tất cả phòng học cấp trung học cơ sở");
    case "upper_secondary.permanent_classroom_rate":
      return classroom("tất cả phòng học cấp trung học phổ thông");
    case "cross_cutting.permanent_classroom_rate":
      return classroom("tất cả phòng học ở các cấp học");
    default:
      return undefined;
  }
}

// ── Codes ────────────────────────────────────────────────────────────────────────────────────────────────────────
/** "III.5 Bảo đảm …" → "iii5"; "Điều 1.II.6 …" → "ii6"; "III.1.đ …" → "iii1d"; "V.2 Sở Tài chính" → "v2". */
function sectionSlug(section: string): string {
  const number = section.replace(/^Điều \d+\./, "").split(" ")[0] ?? "";
  return number.replace(/đ/g, "d").replace(/\./g, "").toLowerCase();
}

function buildTargets(source: string): Target[] {
  const rows = catalog.targets.filter((t) => t.source === source);
  const used = new Set<string>();
  const firstOf = new Map<string, CatalogTarget>();
  const unique = (code: string) => {
    let c = code;
    for (let i = 2; used.has(c); i++) c = `${code}-${i}`;
    used.add(c);
    return c;
  };
  const codeFor = (t: CatalogTarget, areaFlag: string | undefined): string => {
    const first = firstOf.get(t.indicator);
    if (!first) {
      firstOf.set(t.indicator, t);
      return unique(t.indicator);
    }
    let suffix: string;
    if (areaFlag) suffix = "ebkk";
    else if (t.target_year !== null && t.target_year !== first.target_year) suffix = String(t.target_year);
    else if (sectionSlug(t.section) !== sectionSlug(first.section)) suffix = sectionSlug(t.section);
    else suffix = t.comparator;
    return unique(`${t.indicator}-${suffix}`);
  };

  const out: Target[] = [];
  let previous: Target | undefined;
  for (const t of rows) {
    const cond = t.condition ?? undefined;
    const areaFlag = cond && /extremely difficult/.test(cond) ? "isExtremelyDifficultArea" : undefined;
    const age = cond?.match(/aged (\d+)–(\d+)/);
    const target: Target = {
      code: codeFor(t, areaFlag),
      indicator: t.indicator,
      comparator: t.comparator,
      ...(t.value !== null ? { value: t.value } : {}),
      ...(t.value_max !== null ? { valueMax: t.value_max } : {}),
      ...(t.target_year !== null ? { targetYear: t.target_year } : {}),
      ...(cond && /^every year/.test(cond) ? { appliesEveryYear: true as const } : {}),
      ...(STARTS_ASPIRATIONAL.test(t.phrase_vi) || GOVERNED_BY_PHAN_DAU[source]?.includes(t.phrase_vi) ? { isAspirational: true as const } : {}),
      ...(areaFlag ? { areaFlag } : {}),
      ...(age ? { ageFrom: Number(age[1]), ageTo: Number(age[2]) } : {}),
      phraseVi: t.phrase_vi,
      section: t.section,
    };
    if (EMIT_EDUCATION_LEVEL) {
      const level = Object.entries(EDUCATION_LEVEL_OF_PREFIX).find(([p]) => t.indicator.startsWith(p))?.[1];
      if (level) target.educationLevel = level;
    }
    const c = counting(t);
    if (c) target.counting = c;
    if (cond) {
      const vi = CONDITION_VI[cond];
      if (!vi) throw new Error(`no Vietnamese for condition: ${cond}`);
      target.conditionVi = vi;
      target.conditionEn = cond;
    }
    // Key order as written to YAML.
    const ordered = order(target);
    if (cond && /sub-target/.test(cond)) {
      if (!previous) throw new Error(`sub-target without a parent: ${t.phrase_vi}`);
      (previous.subTargets ??= []).push(ordered);
    } else {
      out.push(ordered);
      previous = ordered;
    }
  }
  return out;
}

const KEY_ORDER: (keyof Target)[] = [
  "code",
  "indicator",
  "comparator",
  "value",
  "valueMax",
  "targetYear",
  "appliesEveryYear",
  "isAspirational",
  "areaFlag",
  "educationLevel",
  "ageFrom",
  "ageTo",
  "counting",
  "conditionVi",
  "conditionEn",
  "phraseVi",
  "section",
  "subTargets",
];
function order(t: Target): Target {
  const o: Record<string, unknown> = {};
  for (const k of KEY_ORDER) if (t[k] !== undefined) o[k] = t[k];
  return o as Target;
}

/**
 * Keep the precision the text states: "8,0%" is written 8.0, not 8 (GLOSSARY.md "Pitfalls"). The number of decimals
 * is read from the figure in the target's phrase.
 */
function keepStatedPrecision(node: unknown) {
  visit(node as YAMLSeq, {
    Map(_, map) {
      const phrase = map.get("phraseVi");
      if (typeof phrase !== "string") return;
      for (const key of ["value", "valueMax"]) {
        const scalar = map.get(key, true);
        if (!isScalar(scalar) || typeof scalar.value !== "number") continue;
        let decimals = 0;
        for (const m of phrase.matchAll(/\d+(?:,(\d+))?/g))
          if (Number(m[0].replace(",", ".")) === scalar.value) decimals = Math.max(decimals, m[1]?.length ?? 0);
        if (decimals > 0) scalar.minFractionDigits = decimals;
      }
    },
  });
}

// ── Write ────────────────────────────────────────────────────────────────────────────────────────────────────────
const check = process.argv.includes("--check");
let stale = false;
const files = new Map<string, string[]>();
for (const [source, [file, plan]] of Object.entries(PLANS)) files.set(file, [...(files.get(file) ?? []), source, plan]);
for (const [file] of files) {
  const path = here(file);
  const before = readFileSync(path, "utf8");
  const doc = parseDocument(before);
  const plans = doc.get("plans") as YAMLSeq<YAMLMap>;
  for (const [source, [f, planCode]] of Object.entries(PLANS)) {
    if (f !== file) continue;
    const plan = plans.items.find((p) => p.get("code") === planCode);
    if (!plan) throw new Error(`${file}: no plan ${planCode}`);
    const node = doc.createNode(buildTargets(source));
    keepStatedPrecision(node);
    plan.set("targets", node);
  }
  const after = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  if (after !== before) {
    stale = true;
    if (!check) writeFileSync(path, after);
    console.log(`${check ? "stale" : "wrote"} ${file}`);
  }
}
if (check && stale) process.exit(1);
