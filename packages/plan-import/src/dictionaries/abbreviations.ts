/**
 * Abbreviations spelt out before matching, as they fold (lowercase, no diacritics). Longest first: "gd&dt" must win
 * over "gd". Add an entry as [short, long], both folded.
 */
export const ABBREVIATIONS: [string, string][] = ([
  ["gd&dt", "giao duc va dao tao"],
  ["gddt", "giao duc va dao tao"],
  ["kh&cn", "khoa hoc va cong nghe"],
  ["vh,tt&dl", "van hoa, the thao va du lich"],
  ["ubnd", "uy ban nhan dan"],
  ["hdnd", "hoi dong nhan dan"],
  ["mttq", "mat tran to quoc"],
  ["thcs", "trung hoc co so"],
  ["thpt", "trung hoc pho thong"],
  ["gdnn", "giao duc nghe nghiep"],
  ["gdtx", "giao duc thuong xuyen"],
  ["gdmn", "giao duc mam non"],
  ["pcgd", "pho cap giao duc"],
  ["xmc", "xoa mu chu"],
  ["dtts", "dan toc thieu so"],
  ["ptdtnt", "pho thong dan toc noi tru"],
  ["ptdtbt", "pho thong dan toc ban tru"],
  ["ktxh", "kinh te - xa hoi"],
  ["kt-xh", "kinh te - xa hoi"],
  ["dbkk", "dac biet kho khan"],
  ["csvc", "co so vat chat"],
  ["cds", "chuyen doi so"],
  ["nsnn", "ngan sach nha nuoc"],
  ["tt.", "thuong truc"],
  ["tt", "thuong truc"],
  ["pct", "pho chu tich"],
] as [string, string][]).sort((a, b) => b[0].length - a[0].length);
