/**
 * How the documents name each catalogue indicator. Patterns run on folded text (lowercase, no diacritics, đ → d,
 * single spaces, abbreviations spelt out: see fold.ts), so "Tỷ lệ huy động trẻ nhà trẻ" is written
 * "huy dong tre". To add a phrasing, add an entry or an alternative to a pattern; to add an indicator, add an
 * entry whose code (or byLevel codes) exists in @eduplan/catalog. README.md shows an example.
 */

/** Levels of education a phrase can name; cues are matched longest first. */
export const LEVEL_CUES: [LevelKey, RegExp][] = [
  ["upper", /trung hoc pho thong/g],
  ["lower", /trung hoc co so/g],
  ["primary", /tieu hoc/g],
  ["nursery", /nha tre/g],
  ["kindergarten", /mau giao/g],
  ["ecec", /mam non/g],
  ["general", /pho thong/g],
];
export type LevelKey = "nursery" | "kindergarten" | "ecec" | "primary" | "lower" | "upper" | "general";

/** A section heading's level, used when a sentence names none ("1. Giáo dục mầm non"). */
export const SECTION_LEVELS: [RegExp, LevelKey][] = [
  [/giao duc mam non/, "ecec"],
  [/giao duc pho thong/, "general"],
];

export type Unit = "percent" | "count" | "per10kInhabitants" | "level" | "boolean" | "other";

export interface IndicatorEntry {
  /** Folded regex of a mention. A capture group named n holds a figure written inside the phrase. */
  pattern: RegExp;
  code?: string;
  byLevel?: Partial<Record<LevelKey, string>>;
  /** Code when no level is named or implied (e.g. classrooms of every level). */
  fallbackCode?: string;
  /** numeric: takes a stated figure; qualitative: a state to reach or keep, with no percentage. */
  mode: "numeric" | "qualitative";
  unit: Unit;
  /** Only the first level named counts ("chuyển cấp từ tiểu học lên trung học cơ sở"). */
  firstLevelOnly?: boolean;
  /** The code depends on the words after the figure ("… tổng chi ngân sách địa phương"). */
  codeAfterFigure?: [RegExp, string][];
}

const LEVEL_LIST = "(?:tieu hoc|trung hoc co so)(?:(?:,| va) (?:chuan )?(?:pho cap )?(?:giao duc )?(?:tieu hoc|trung hoc co so))*";

export const INDICATOR_ENTRIES: IndicatorEntry[] = [
  // ── Early childhood ──
  { pattern: /huy dong tre/g, byLevel: { nursery: "ecec.nursery.enrolment_rate", kindergarten: "ecec.kindergarten.enrolment_rate" }, mode: "numeric", unit: "percent" },
  { pattern: /duoc an ban tru/g, code: "ecec.school_meals_rate", mode: "numeric", unit: "percent" },
  { pattern: /duoc hoc 0?2 buoi ?\/ ?ngay/g, byLevel: { ecec: "ecec.full_day_rate", primary: "primary.full_day_schooling_rate" }, mode: "numeric", unit: "percent" },
  { pattern: /thuc hien day hoc 0?2 buoi ?\/ ?ngay doi voi cac truong trung hoc co so/g, code: "lower_secondary.full_day_schooling_rate", mode: "qualitative", unit: "percent" },
  { pattern: /duoc kiem tra suc khoe/g, code: "ecec.health_monitoring_rate", mode: "numeric", unit: "percent" },
  { pattern: /suy dinh duong/g, code: "ecec.malnutrition_rate", mode: "numeric", unit: "percent" },
  { pattern: /truong mam non dan lap, tu thuc/g, code: "ecec.non_public_school_share", mode: "numeric", unit: "percent" },
  { pattern: /tre em vao hoc tai cac co so giao duc mam non dan lap/g, code: "ecec.non_public_enrolment_share", mode: "numeric", unit: "percent" },
  { pattern: /truong mam non cong lap (?:duoc )?to chuc doc lap/g, code: "ecec.public_school_independent_rate", mode: "numeric", unit: "percent" },
  { pattern: /(?:xa, phuong|xa|phuong) co truong (?:mam non|tieu hoc)(?: va (?:tieu hoc|trung hoc co so))?/g, byLevel: { ecec: "ecec.commune_coverage_rate", primary: "primary.commune_coverage_rate" }, mode: "numeric", unit: "percent" },
  { pattern: /dap ung nhu cau hoc trung hoc co so tai cho/g, code: "lower_secondary.commune_coverage_rate", mode: "qualitative", unit: "percent" },
  { pattern: /tre em o cac thon xa trung tam xa duoc tiep can/g, code: "ecec.remote_village_access", mode: "qualitative", unit: "boolean" },
  { pattern: /pho cap giao duc mam non cho tre (?:em )?5 tuoi/g, code: "ecec.kindergarten.universal_age5", mode: "qualitative", unit: "boolean" },
  { pattern: /hoan thanh pho cap giao duc mam non cho tre (?:em )?mau giao/g, code: "ecec.kindergarten.universal_all_ages", mode: "qualitative", unit: "boolean" },
  { pattern: /mien hoc phi cho tre em mau giao 5 tuoi/g, code: "ecec.kindergarten.age5_tuition_free", mode: "qualitative", unit: "boolean" },
  // ── General education ──
  { pattern: new RegExp(`dat chuan pho cap giao duc ${LEVEL_LIST}(?: muc do \\d(?: tro len)?)?`, "g"), byLevel: { primary: "primary.universal_education_commune_rate", lower: "lower_secondary.universal_education_commune_rate" }, mode: "numeric", unit: "percent" },
  { pattern: new RegExp(`pho cap (?:giao duc )?${LEVEL_LIST}(?: muc do (?<n>\\d))?`, "g"), byLevel: { primary: "primary.universal_education_level", lower: "lower_secondary.universal_education_level" }, mode: "qualitative", unit: "level" },
  { pattern: /thuc hien giao duc bat buoc 9 nam/g, code: "general.compulsory_9_year_education", mode: "qualitative", unit: "boolean" },
  { pattern: /hoc sinh tot nghiep trung hoc co so tiep tuc hoc tap tai cac co so giao duc nghe nghiep/g, code: "lower_secondary.vocational_streaming_rate", mode: "numeric", unit: "percent" },
  { pattern: /hoc sinh tot nghiep trung hoc pho thong tiep tuc hoc tap/g, code: "upper_secondary.tertiary_progression_rate", mode: "numeric", unit: "percent" },
  { pattern: /di hoc dung do tuoi/g, byLevel: { primary: "primary.net_enrolment_rate", lower: "lower_secondary.net_enrolment_rate" }, mode: "numeric", unit: "percent" },
  { pattern: /hoan thanh cap/g, byLevel: { primary: "primary.completion_rate", lower: "lower_secondary.completion_rate", upper: "upper_secondary.completion_rate" }, mode: "numeric", unit: "percent" },
  { pattern: /tot nghiep trung hoc pho thong(?! tiep tuc)/g, code: "upper_secondary.graduation_rate", mode: "numeric", unit: "percent" },
  { pattern: /chuyen cap/g, byLevel: { primary: "primary.transition_rate", lower: "lower_secondary.transition_rate" }, firstLevelOnly: true, mode: "numeric", unit: "percent" },
  { pattern: /tiep can giao duc nghe thuat/g, code: "general.heritage_geopark_education_rate", mode: "numeric", unit: "percent" },
  { pattern: /duoc tham quan cac di tich/g, code: "general.heritage_site_visit_rate", mode: "numeric", unit: "percent" },
  { pattern: /giao vien (?:(?:mam non|pho thong) )?dat chuan trinh do/g, byLevel: { ecec: "ecec.teacher.qualified_rate", general: "general.teacher.qualified_rate" }, mode: "numeric", unit: "percent" },
  { pattern: /co so giao duc pho thong tu thuc/g, code: "general.private_school_share", mode: "numeric", unit: "percent" },
  { pattern: /hoc sinh theo hoc tai cac co so giao duc pho thong dan lap/g, code: "general.non_public_enrolment_share", mode: "numeric", unit: "percent" },
  { pattern: /phong hoc kien co, ban kien co/g, byLevel: { ecec: "ecec.permanent_or_semi_permanent_classroom_rate" }, mode: "numeric", unit: "percent" },
  { pattern: /phong hoc kien co(?: hoa)?(?!, ban)/g, byLevel: { ecec: "ecec.permanent_classroom_rate", primary: "primary.permanent_classroom_rate", lower: "lower_secondary.permanent_classroom_rate", upper: "upper_secondary.permanent_classroom_rate" }, fallbackCode: "cross_cutting.permanent_classroom_rate", mode: "numeric", unit: "percent" },
  { pattern: /dat chuan quoc gia/g, byLevel: { ecec: "ecec.national_standard_school_rate", primary: "primary.national_standard_school_rate", lower: "lower_secondary.national_standard_school_rate", upper: "upper_secondary.national_standard_school_rate" }, mode: "numeric", unit: "percent" },
  { pattern: /dat danh hieu .?don vi dat chuan van hoa/g, code: "general.cultural_standard_unit_rate", mode: "numeric", unit: "percent" },
  { pattern: /dua tieng anh tro thanh ngon ngu thu hai/g, code: "general.english_second_language", mode: "qualitative", unit: "boolean" },
  { pattern: /day tieng trung quoc/g, code: "general.chinese_language_teaching", mode: "qualitative", unit: "boolean" },
  { pattern: /xay moi (?<n>\d+) truong (?:trung hoc pho thong|tieu hoc|trung hoc co so|mam non)/g, byLevel: { upper: "upper_secondary.new_schools_built" }, mode: "numeric", unit: "count" },
  { pattern: /truong trung hoc pho thong chuyen [a-z ]+ thanh truong chat luong cao/g, code: "upper_secondary.chu_van_an_high_quality", mode: "qualitative", unit: "boolean" },
  // ── Higher, vocational, continuing ──
  { pattern: /sinh vien dai hoc ?\/ ?van dan/g, code: "higher.students_per_10000_population", mode: "numeric", unit: "per10kInhabitants" },
  { pattern: /sinh vien dai hoc trong nhom do tuoi 18 ?- ?22 ?\/ ?so sinh vien/g, code: "higher.students_aged_18_22_share", mode: "numeric", unit: "percent" },
  { pattern: /sinh vien dai hoc trong do tuoi 18 ?- ?22/g, code: "higher.age_18_22_enrolment_rate", mode: "numeric", unit: "percent" },
  { pattern: /lao dong qua dao tao/g, code: "vocational.trained_workforce_rate", mode: "numeric", unit: "percent" },
  { pattern: /co bang cap, chung chi/g, code: "vocational.certified_workforce_rate", mode: "numeric", unit: "percent" },
  { pattern: /truong cao dang [a-z ]+ phat trien theo huong da nganh/g, code: "vocational.langson_college_development", mode: "qualitative", unit: "boolean" },
  { pattern: /thanh lap trung tam nghien cuu khoa hoc va cong nghe truc thuoc truong cao dang/g, code: "vocational.college_research_centre", mode: "qualitative", unit: "boolean" },
  { pattern: /nguoi biet chu muc do 1/g, code: "continuing.literacy_rate_level1", mode: "numeric", unit: "percent" },
  { pattern: /chuan xoa mu chu(?: muc do (?<n>\d))?/g, code: "continuing.literacy_standard_level", mode: "qualitative", unit: "level" },
  { pattern: /cong nhan danh hieu cong dong hoc tap/g, code: "continuing.learning_community_commune_rate", mode: "numeric", unit: "percent" },
  { pattern: /(?:co quan, don vi|don vi) dat danh hieu don vi hoc tap/g, code: "continuing.learning_unit_rate", mode: "numeric", unit: "percent" },
  { pattern: /(?:huyen|xa|tinh) duoc cong nhan danh hieu hoc tap/g, code: "continuing.learning_locality_title", mode: "qualitative", unit: "boolean" },
  { pattern: /xoa mu chuc nang/g, code: "continuing.functional_illiteracy_eradicated", mode: "qualitative", unit: "boolean" },
  // ── Cross-cutting ──
  { pattern: /dat muc kha trong nhom|dat trinh do voi/g, code: "cross_cutting.comparative_standing", mode: "qualitative", unit: "other" },
  { pattern: /hoan thanh chuyen doi so toan dien/g, code: "cross_cutting.digital.transformation_complete", mode: "qualitative", unit: "boolean" },
  {
    pattern: /chi ngan sach nha nuoc cho giao duc|ngan sach nha nuoc chi cho giao duc/g,
    codeAfterFigure: [
      [/^[^.;]{0,20}tong chi ngan sach dia phuong/, "cross_cutting.budget.education_share_local_budget"],
      [/^[^.;]{0,20}tong chi ngan sach nha nuoc/, "cross_cutting.budget.education_share_state_budget"],
    ],
    code: "cross_cutting.budget.education_share_state_budget",
    mode: "numeric",
    unit: "percent",
  },
  { pattern: /day du cac dieu kien day hoc thiet yeu/g, code: "cross_cutting.essential_teaching_conditions", mode: "qualitative", unit: "boolean" },
  { pattern: /co so giao duc co ke hoach thuc hien/g, code: "cross_cutting.institution_plan_rate", mode: "numeric", unit: "percent" },
  { pattern: /can bo quan ly, giao vien ve doi moi quan tri/g, code: "cross_cutting.teacher.innovation_training_rate", mode: "numeric", unit: "percent" },
  { pattern: /tuyen (?:dung )?du giao vien|du dinh muc giao vien|dinh muc do bo giao duc va dao tao quy dinh|doi ngu giao vien [a-z ]{0,20}du ve so luong/g, code: "cross_cutting.teacher.staffing_norm_met", mode: "qualitative", unit: "boolean" },
  { pattern: /thanh lap trung tam ho tro phat trien giao duc hoa nhap/g, code: "cross_cutting.inclusive_education_centre", mode: "qualitative", unit: "boolean" },
  { pattern: /ap dung phan mem quan ly/g, code: "cross_cutting.digital.management_software_rate", mode: "numeric", unit: "percent" },
  { pattern: /su dung ho so dien tu/g, code: "cross_cutting.digital.electronic_records_rate", mode: "numeric", unit: "percent" },
  { pattern: /co so du lieu (?:toan )?nganh[^.;]{0,40}?ket noi|ket noi (?:dong bo )?co so du lieu nganh|ket noi voi du lieu (?:tinh|quoc gia)/g, code: "cross_cutting.digital.sector_database_connected", mode: "qualitative", unit: "boolean" },
  { pattern: /trien khai day hoc, quan ly nha truong tren nen tang so/g, code: "cross_cutting.digital.digital_platform_rate", mode: "numeric", unit: "percent" },
  { pattern: /hinh thanh trung tam dieu hanh giao duc thong minh/g, code: "cross_cutting.digital.smart_education_operations_centre", mode: "qualitative", unit: "boolean" },
];
