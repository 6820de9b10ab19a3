import { fieldError, validation } from "@eduplan/db";

/*
 * Who issues and signs a report, in the forms of Nghị định 30/2020/NĐ-CP (Phụ lục I): the issuing body's name at the top
 * left (under its governing body for a Sở or a Phòng), the signing authority — TM. (on behalf of a collective body:
 * the People's Committee), KT. (a deputy signing for the head), Q. (an acting head), TL. (by order of the head) —, the
 * signer's title, space for the signature and seal, the signer's full name; and "Nơi nhận" ending with "Lưu: VT,
 * <drafting unit>.". Pure: the database lookups are the caller's.
 */

/** Who issues the report: the education department (Sở, or Phòng at district level) or the People's Committee (UBND). */
export const ISSUER_KINDS = ["educationDept", "peoplesCommittee"] as const;
export type IssuerKind = (typeof ISSUER_KINDS)[number];

/** TM. thay mặt · KT. ký thay · Q. quyền · TL. thừa lệnh. Without one, the head of a Sở signs in their own name. */
export const SIGNING_FORMS = ["TM", "KT", "Q", "TL"] as const;
export type SigningForm = (typeof SIGNING_FORMS)[number];

export type SignatureOptions = {
  /** Sở (education department) or UBND; by default the locality's education department, else its People's Committee. */
  issuer?: IssuerKind;
  signingForm?: SigningForm;
  /** The signer's full name, printed under the space for signature and seal. */
  signerName?: string;
  /** The signer's own position when it is not the usual one (a TL. signed by a head of division): replaces the last title line. */
  signerTitle?: string;
  /** The unit that drafted the report, after "Lưu: VT," (its abbreviation: "KGVX", "KHTC"). */
  draftingUnit?: string;
};

/** Body kinds the layout knows: a department of a province, a division of a district, a People's Committee. */
export type BodyKind = "educationDept" | "educationDivision" | "peoplesCommittee";

export type HeaderLine = { text: string; bold: boolean };

export type IssuerBlock = {
  kind: BodyKind;
  /** The top-left lines, each printed whole (never broken mid-name): ["UBND TỈNH LẠNG SƠN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]. */
  headerLinesVi: HeaderLine[];
  /** The issuer as running text ("Sở Giáo dục và Đào tạo tỉnh Lạng Sơn"). */
  nameVi: string;
  /** "Số:      /BC-SGDĐT". */
  numberLineVi: string;
  /** The signing authority and title, upper case: ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]. */
  signerTitleVi: string[];
  /** The signer's full name, or null when not given (the space stays, for a name written by hand). */
  signerNameVi: string | null;
  signingForm: SigningForm | null;
  /** The drafting unit after "Lưu: VT,". */
  draftingUnitVi: string;
};

const LEVEL_WORD = /^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+/iu;
const isProvinceLevel = (localityNameVi: string) => /^(tỉnh|thành phố)\s/iu.test(localityNameVi);

const TITLES: Record<BodyKind, { head: string; deputy: string; code: string }> = {
  educationDept: { head: "GIÁM ĐỐC", deputy: "PHÓ GIÁM ĐỐC", code: "SGDĐT" },
  educationDivision: { head: "TRƯỞNG PHÒNG", deputy: "PHÓ TRƯỞNG PHÒNG", code: "PGDĐT" },
  peoplesCommittee: { head: "CHỦ TỊCH", deputy: "PHÓ CHỦ TỊCH", code: "UBND" },
};

/** The signing authority and title for a body and a form; TM. only for a collective body (the People's Committee). */
export function signerTitle(kind: BodyKind, form: SigningForm | undefined): string[] {
  const t = TITLES[kind];
  if (kind === "peoplesCommittee") {
    switch (form ?? "TM") {
      case "TM":
        return ["TM. ỦY BAN NHÂN DÂN", t.head];
      case "KT":
        return ["TM. ỦY BAN NHÂN DÂN", `KT. ${t.head}`, t.deputy];
      case "Q":
        return ["TM. ỦY BAN NHÂN DÂN", `Q. ${t.head}`];
      case "TL":
        return [`TL. ${t.head}`, "CHÁNH VĂN PHÒNG"];
    }
  }
  switch (form) {
    case undefined:
      return [t.head];
    case "TM":
      throw validation([
        fieldError(
          "signingForm",
          "TM. (on behalf of) is for a collective body such as the People's Committee; a department's head signs directly, or choose KT., Q. or TL.",
          "“TM.” (thay mặt) chỉ dùng cho tập thể như Ủy ban nhân dân; người đứng đầu Sở ký trực tiếp, hoặc chọn KT., Q., TL.",
        ),
      ]);
    case "KT":
      return [`KT. ${t.head}`, t.deputy];
    case "Q":
      return [`Q. ${t.head}`];
    case "TL":
      return [`TL. ${t.head}`, "CHÁNH VĂN PHÒNG"];
  }
}

/** The usual drafting unit: the office's culture-and-society desk for a People's Committee, planning for a Sở. */
function defaultDraftingUnit(kind: BodyKind, provinceLevel: boolean): string {
  if (kind === "peoplesCommittee") return provinceLevel ? "KGVX" : "VHXH";
  return kind === "educationDept" ? "KHTC" : "VP";
}

/** The officer's own title in place of the usual last line — never in place of the line naming the form (Q. GIÁM ĐỐC). */
function withOwnTitle(lines: string[], own: string | undefined): string[] {
  const title = own?.trim();
  if (!title || /^(TM|KT|Q|TL)\. /.test(lines.at(-1)!)) return lines;
  return [...lines.slice(0, -1), title.toLocaleUpperCase("vi-VN")];
}

const upper = (s: string) => s.toLocaleUpperCase("vi-VN");
const lowerFirst = (t: string) => t.charAt(0).toLowerCase() + t.slice(1);

/**
 * The issuer block for a locality ("Tỉnh Lạng Sơn") and the issuing body chosen (its kind and name as stored,
 * "Sở Giáo dục và Đào tạo tỉnh Lạng Sơn"; null for a People's Committee without a stored agency).
 */
export function issuerBlock(localityNameVi: string, body: { kind: BodyKind; nameVi: string | null }, options: SignatureOptions = {}): IssuerBlock {
  const place = lowerFirst(localityNameVi); // "tỉnh Lạng Sơn"
  const provinceLevel = isProvinceLevel(localityNameVi);
  const t = TITLES[body.kind];
  const signerNameVi = options.signerName?.trim() || null;
  const common = {
    kind: body.kind,
    numberLineVi: `Số:      /BC-${t.code}`,
    signerTitleVi: withOwnTitle(signerTitle(body.kind, options.signingForm), options.signerTitle),
    signerNameVi,
    signingForm: options.signingForm ?? (body.kind === "peoplesCommittee" ? "TM" : null),
    draftingUnitVi: options.draftingUnit?.trim() || defaultDraftingUnit(body.kind, provinceLevel),
  } as const;
  if (body.kind === "peoplesCommittee") {
    const nameVi = body.nameVi ?? `Ủy ban nhân dân ${place}`;
    // "ỦY BAN NHÂN DÂN" over "TỈNH LẠNG SƠN": the body's name on two whole lines.
    return { ...common, nameVi, headerLinesVi: [{ text: "ỦY BAN NHÂN DÂN", bold: true }, { text: upper(localityNameVi), bold: true }] };
  }
  const nameVi = body.nameVi ?? (body.kind === "educationDept" ? `Sở Giáo dục và Đào tạo ${place}` : `Phòng Giáo dục và Đào tạo ${place}`);
  const suffix = new RegExp(`\\s+${place.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`, "iu");
  const shortName = nameVi.replace(suffix, "");
  return { ...common, nameVi, headerLinesVi: [{ text: `UBND ${upper(localityNameVi)}`, bold: false }, { text: upper(shortName), bold: true }] };
}

/**
 * "Nơi nhận": the bodies the report goes to — never the issuer itself (a UBND report does not list UBND as its own
 * recipient) — ending with "Lưu: VT, <drafting unit>.".
 */
export function recipientsOf(issuer: IssuerBlock, localityNameVi: string, provinceNameVi: string | null): string[] {
  const provinceLevel = isProvinceLevel(localityNameVi);
  const level = (localityNameVi.match(LEVEL_WORD)?.[1] ?? "").toLowerCase();
  const lines: string[] = [];
  if (provinceLevel) {
    lines.push("Bộ Giáo dục và Đào tạo;");
    if (issuer.kind === "peoplesCommittee") lines.push(`Thường trực Tỉnh ủy;`, `Thường trực HĐND ${level};`, `Chủ tịch, các Phó Chủ tịch UBND ${level};`, "Sở Giáo dục và Đào tạo;");
    else lines.push(`UBND ${level};`, `Thường trực HĐND ${level};`);
  } else {
    if (provinceNameVi) lines.push(`Sở Giáo dục và Đào tạo ${lowerFirst(provinceNameVi)};`);
    if (issuer.kind === "peoplesCommittee") lines.push(`Thường trực Đảng ủy ${level};`, `Thường trực HĐND ${level};`);
    else lines.push(`UBND ${level};`, `Thường trực HĐND ${level};`);
  }
  lines.push(`Lưu: VT, ${issuer.draftingUnitVi}.`);
  return lines;
}
