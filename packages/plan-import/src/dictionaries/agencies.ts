/**
 * The agencies and collectives plans assign work to, with the ways documents write them (folded, see fold.ts).
 * Codes are locality-independent ("education-dept"); the review step maps them to the agencies of the plan's
 * locality. `byLevel` resolves words whose meaning depends on who issued the plan: "UBND xã" is the issuer itself in
 * a commune plan but every commune's People's Committee in a province plan. Longest alias wins.
 */
export type DocLevel = "province" | "district" | "commune";

export interface AgencyEntry {
  code: string;
  nameVi: string;
  collective?: boolean;
  aliases: string[];
  /** Code by the issuing locality's level, for words like "UBND xã" or "các cơ quan liên quan". */
  byLevel?: Partial<Record<DocLevel, string>>;
}

export const AGENCY_ENTRIES: AgencyEntry[] = [
  { code: "education-dept", nameVi: "Sở Giáo dục và Đào tạo", aliases: ["so giao duc va dao tao", "so giao duc"] },
  { code: "finance-dept", nameVi: "Sở Tài chính", aliases: ["so tai chinh"] },
  { code: "science-technology-dept", nameVi: "Sở Khoa học và Công nghệ", aliases: ["so khoa hoc va cong nghe"] },
  { code: "home-affairs-dept", nameVi: "Sở Nội vụ", aliases: ["so noi vu"] },
  { code: "culture-sports-tourism-dept", nameVi: "Sở Văn hóa, Thể thao và Du lịch", aliases: ["so van hoa, the thao va du lich", "so van hoa the thao va du lich"] },
  { code: "health-dept", nameVi: "Sở Y tế", aliases: ["so y te"] },
  { code: "construction-dept", nameVi: "Sở Xây dựng", aliases: ["so xay dung"] },
  { code: "agriculture-environment-dept", nameVi: "Sở Nông nghiệp và Môi trường", aliases: ["so nong nghiep va moi truong"] },
  { code: "ethnic-religious-affairs-dept", nameVi: "Sở Dân tộc và Tôn giáo", aliases: ["so dan toc va ton giao"] },
  { code: "ministry-of-education", nameVi: "Bộ Giáo dục và Đào tạo", aliases: ["bo giao duc va dao tao"] },
  { code: "fatherland-front", nameVi: "Ủy ban Mặt trận Tổ quốc Việt Nam", aliases: ["uy ban mat tran to quoc viet nam tinh", "uy ban mat tran to quoc viet nam huyen", "uy ban mat tran to quoc viet nam xa", "uy ban mat tran to quoc viet nam", "uy ban mat tran to quoc"] },
  { code: "socio-political-organisations", nameVi: "Các tổ chức chính trị - xã hội", collective: true, aliases: ["cac to chuc chinh tri - xa hoi co lien quan", "cac to chuc chinh tri - xa hoi", "to chuc chinh tri - xa hoi"] },
  { code: "education-division", nameVi: "Phòng Giáo dục và Đào tạo", aliases: ["phong giao duc va dao tao", "phong giao duc"] },
  { code: "finance-planning-division", nameVi: "Phòng Tài chính - Kế hoạch", aliases: ["phong tai chinh - ke hoach", "phong tai chinh ke hoach"] },
  { code: "home-affairs-division", nameVi: "Phòng Nội vụ", aliases: ["phong noi vu"] },
  { code: "culture-science-information-division", nameVi: "Phòng Văn hóa, Khoa học và Thông tin", aliases: ["phong van hoa, khoa hoc va thong tin"] },
  { code: "health-centre", nameVi: "Trung tâm Y tế huyện", aliases: ["trung tam y te huyen", "trung tam y te"] },
  { code: "ethnic-religious-affairs-division", nameVi: "Phòng Dân tộc và Tôn giáo", aliases: ["phong dan toc va ton giao"] },
  { code: "council-standing-board", nameVi: "Thường trực Hội đồng nhân dân", aliases: ["thuong truc hoi dong nhan dan xa", "thuong truc hoi dong nhan dan huyen", "thuong truc hoi dong nhan dan tinh", "thuong truc hoi dong nhan dan"] },
  { code: "council-culture-social-committee", nameVi: "Ban Văn hóa - Xã hội Hội đồng nhân dân", aliases: ["ban van hoa - xa hoi hoi dong nhan dan xa", "ban van hoa - xa hoi hoi dong nhan dan", "ban van hoa - xa hoi"] },
  { code: "council-delegates", nameVi: "Các Tổ đại biểu và đại biểu Hội đồng nhân dân", collective: true, aliases: ["cac to dai bieu hoi dong nhan dan xa", "cac to dai bieu hoi dong nhan dan", "dai bieu hoi dong nhan dan xa", "dai bieu hoi dong nhan dan"] },
  {
    code: "commune-peoples-committees",
    nameVi: "Ủy ban nhân dân các xã, phường, thị trấn",
    collective: true,
    aliases: [
      "chu tich uy ban nhan dan cac xa, phuong",
      "uy ban nhan dan cac xa, phuong",
      "uy ban nhan dan cac xa, thi tran",
      "uy ban nhan dan xa, phuong",
      "cac xa, thi tran lien quan",
      "cac xa, thi tran",
      "cac xa thi tran",
      "cac xa, phuong",
      "dia phuong",
    ],
  },
  { code: "peoples-committee", nameVi: "Ủy ban nhân dân", aliases: ["uy ban nhan dan xa"], byLevel: { commune: "peoples-committee", province: "commune-peoples-committees", district: "commune-peoples-committees" } },
  { code: "peoples-committee", nameVi: "Ủy ban nhân dân", aliases: ["uy ban nhan dan huyen"], byLevel: { district: "peoples-committee", province: "district-peoples-committees", commune: "district-peoples-committee" } },
  { code: "peoples-committee", nameVi: "Ủy ban nhân dân", aliases: ["uy ban nhan dan tinh"], byLevel: { province: "peoples-committee", district: "province-peoples-committee", commune: "province-peoples-committee" } },
  { code: "peoples-council", nameVi: "Hội đồng nhân dân", aliases: ["hoi dong nhan dan xa"], byLevel: { commune: "peoples-council", province: "commune-peoples-councils", district: "commune-peoples-councils" } },
  { code: "peoples-council", nameVi: "Hội đồng nhân dân", aliases: ["hoi dong nhan dan huyen"], byLevel: { district: "peoples-council", province: "district-peoples-councils", commune: "district-peoples-council" } },
  { code: "peoples-council", nameVi: "Hội đồng nhân dân", aliases: ["hoi dong nhan dan tinh"], byLevel: { province: "peoples-council", district: "province-peoples-council", commune: "province-peoples-council" } },
  { code: "peoples-council", nameVi: "Hội đồng nhân dân", aliases: ["hoi dong nhan dan"] },
  { code: "peoples-committee", nameVi: "Ủy ban nhân dân", aliases: ["uy ban nhan dan"] },
  {
    code: "provincial-agencies",
    nameVi: "Các sở, ban, ngành",
    collective: true,
    aliases: [
      "thu truong cac so, ban, nganh",
      "cac so, nganh, don vi co lien quan",
      "cac so, nganh, co quan, don vi lien quan",
      "cac so, nganh, don vi lien quan",
      "cac so, ban, nganh",
      "cac so, nganh lien quan",
      "cac so, nganh, co quan",
      "cac so, nganh",
    ],
  },
  {
    code: "district-agencies",
    nameVi: "Các cơ quan, ban, ngành, đoàn thể huyện",
    collective: true,
    aliases: ["cac co quan, ban, nganh, doan the huyen", "co quan, ban, nganh, doan the", "cac co quan, ban, nganh co lien quan", "cac co quan, ban nganh co lien quan", "cac co quan, ban, nganh", "co quan, ban nganh", "co quan, ban, nganh"],
  },
  {
    code: "related-agencies",
    nameVi: "Các cơ quan liên quan",
    collective: true,
    aliases: ["cac co quan, don vi lien quan", "cac co quan lien quan", "cac co quan co lien quan"],
    byLevel: { province: "provincial-agencies", district: "district-agencies", commune: "commune-agencies" },
  },
  { code: "institutions", nameVi: "Các cơ sở giáo dục", collective: true, aliases: ["co so giao duc va dao tao", "cac co so giao duc", "cac don vi truong", "cac truong hoc"] },
];

/** The name each resolved code is shown with. */
export const AGENCY_NAMES: Record<string, string> = {
  ...Object.fromEntries(AGENCY_ENTRIES.map((e) => [e.code, e.nameVi])),
  "peoples-committee": "Ủy ban nhân dân (cơ quan ban hành)",
  "peoples-council": "Hội đồng nhân dân (cùng cấp)",
  "commune-peoples-committees": "Ủy ban nhân dân các xã, phường, thị trấn",
  "district-peoples-committees": "Ủy ban nhân dân các huyện",
  "district-peoples-committee": "Ủy ban nhân dân huyện",
  "province-peoples-committee": "Ủy ban nhân dân tỉnh",
  "province-peoples-council": "Hội đồng nhân dân tỉnh",
  "district-peoples-council": "Hội đồng nhân dân huyện",
  "commune-peoples-councils": "Hội đồng nhân dân các xã",
  "district-peoples-councils": "Hội đồng nhân dân các huyện",
  "provincial-agencies": "Các sở, ban, ngành",
  "district-agencies": "Các cơ quan, ban, ngành, đoàn thể huyện",
  "commune-agencies": "Các cơ quan, đơn vị thuộc Ủy ban nhân dân xã",
};

export const COLLECTIVE_CODES = new Set([
  ...AGENCY_ENTRIES.filter((e) => e.collective).map((e) => e.code),
  "commune-peoples-committees",
  "district-peoples-committees",
  "commune-peoples-councils",
  "district-peoples-councils",
  "provincial-agencies",
  "district-agencies",
  "commune-agencies",
]);
