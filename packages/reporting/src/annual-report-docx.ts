import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from "docx";
import type { Db } from "@eduplan/db";
import { annualReportModel, targetCountsSentence, type AnnualReportModel, type AnnualReportOptions } from "./annual-report.js";
import { formatVietnameseDate, formatVietnameseNumber, TASK_GROUP_VI } from "./format.js";

/*
 * The printable annual report in the layout of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP):
 * A4 portrait, margins top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 14 pt (tables 13 pt), the issuing
 * body on the left and the national motto on the right, place and date, title, numbered sections, recipients and
 * signature.
 */

const FONT = "Times New Roman";
const PT = (points: number) => points * 2; // docx sizes are half-points
const MM = (mm: number) => Math.round((mm * 1440) / 25.4); // twips
const PAGE_WIDTH = MM(210);
const MARGIN = { top: MM(20), bottom: MM(20), left: MM(30), right: MM(15) };
const TEXT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;

type RunOpts = Omit<IRunOptions, "text"> & { size?: number };

function run(text: string, opts: RunOpts = {}): TextRun {
  return new TextRun({ text, font: FONT, ...opts, size: PT(opts.size ?? 14) });
}

/** Spaces that never break: a name ("ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN") stays on one line. */
const unbroken = (text: string) => text.replace(/ /g, "\u00a0");

function para(
  content: string | TextRun[],
  opts: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    bold?: boolean;
    italics?: boolean;
    size?: number;
    before?: number;
    after?: number;
    indentFirst?: boolean;
    keepNext?: boolean;
    keepLines?: boolean;
  } = {},
): Paragraph {
  const children = typeof content === "string" ? [run(content, { bold: opts.bold, italics: opts.italics, size: opts.size })] : content;
  return new Paragraph({
    children,
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: opts.before ?? 0, after: opts.after ?? 120, line: 276 },
    indent: opts.indentFirst ? { firstLine: MM(10) } : undefined,
    keepNext: opts.keepNext,
    keepLines: opts.keepLines,
  });
}

/** A short solid line under a heading, as wide as `width` twips, centred in a cell of `cellWidth`. */
function rule(width: number, cellWidth: number): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - width) / 2));
  return new Paragraph({
    children: [run("", { size: 2 })],
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    indent: { left: side, right: side },
    spacing: { before: 0, after: 0, line: 240 },
  });
}

function cell(text: string, opts: { width: number; bold?: boolean; italics?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; span?: number; shade?: boolean; size?: number }): TableCell {
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    columnSpan: opts.span,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: opts.shade ? { fill: "F2F2F2", type: "clear", color: "auto" } : undefined,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split("\n").map(
      (line) =>
        new Paragraph({
          children: [run(line, { bold: opts.bold, italics: opts.italics, size: opts.size ?? 13 })],
          alignment: opts.align ?? AlignmentType.LEFT,
          spacing: { before: 0, after: 0 },
        }),
    ),
  });
}

function dataTable(headers: string[], widthsPct: number[], rows: { cells: string[]; bold?: boolean; span?: boolean; shade?: boolean }[], centred: number[] = []): Table {
  const widths = widthsPct.map((p) => Math.round((TEXT_WIDTH * p) / 100));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((h, i) => cell(h, { width: widths[i]!, bold: true, align: AlignmentType.CENTER, shade: true })),
  });
  const body = rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: r.span
          ? [cell(r.cells[0]!, { width: TEXT_WIDTH, bold: r.bold ?? true, span: headers.length, shade: r.shade })]
          : r.cells.map((c, i) => cell(c, { width: widths[i]!, bold: r.bold, align: centred.includes(i) ? AlignmentType.CENTER : AlignmentType.LEFT })),
      }),
  );
  return new Table({ rows: [header, ...body], width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED });
}

function headerBlock(m: AnnualReportModel): Table {
  // The header runs 5 mm into each margin, as printed documents do; the issuer's column is wide enough for its
  // longest line at 13 pt, and every line is one unbreakable name.
  const width = TEXT_WIDTH + MM(10);
  const left = Math.round(width * 0.42);
  const right = width - left;
  const leftLines: Paragraph[] = m.issuer.headerLinesVi.map((l) => para(unbroken(l.text), { align: AlignmentType.CENTER, size: 13, bold: l.bold, after: 0 }));
  leftLines.push(rule(MM(25), left));
  leftLines.push(para(m.issuer.numberLineVi, { align: AlignmentType.CENTER, size: 13, before: 120, after: 0 }));
  const rightLines = [
    para(unbroken("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), { align: AlignmentType.CENTER, size: 12, bold: true, after: 0 }),
    para(unbroken("Độc lập - Tự do - Hạnh phúc"), { align: AlignmentType.CENTER, size: 13, bold: true, after: 0 }),
    rule(MM(58), right),
    para([run(m.placeDateLineVi, { italics: true, size: 13 })], { align: AlignmentType.CENTER, before: 120, after: 0 }),
  ];
  const noMargins = { top: 0, bottom: 0, left: 0, right: 0 };
  return new Table({
    borders: TableBorders.NONE,
    width: { size: width, type: WidthType.DXA },
    indent: { size: -MM(5), type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: left, type: WidthType.DXA }, margins: noMargins, borders: TableBorders.NONE, children: leftLines }),
          new TableCell({ width: { size: right, type: WidthType.DXA }, margins: noMargins, borders: TableBorders.NONE, children: rightLines }),
        ],
      }),
    ],
  });
}

/** Lines left blank between the signer's title and name: the space for the signature and the seal (about 3 cm). */
const SIGNATURE_SPACE_LINES = 4;

function signatureBlock(m: AnnualReportModel): Table {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const right = TEXT_WIDTH - left;
  // Every paragraph keeps with the next, so the block never splits and stays with the closing sentence above it.
  const keep = { keepNext: true, keepLines: true };
  return new Table({
    borders: TableBorders.NONE,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: left, type: WidthType.DXA },
            borders: TableBorders.NONE,
            children: [
              para([run("Nơi nhận:", { bold: true, italics: true, size: 12 })], { align: AlignmentType.LEFT, after: 0, ...keep }),
              ...m.recipientsVi.map((r) => para(`- ${r}`, { align: AlignmentType.LEFT, size: 11, after: 0, ...keep })),
            ],
          }),
          new TableCell({
            width: { size: right, type: WidthType.DXA },
            borders: TableBorders.NONE,
            children: [
              ...m.issuer.signerTitleVi.map((t) => para(unbroken(t), { align: AlignmentType.CENTER, bold: true, after: 0, ...keep })),
              ...Array.from({ length: SIGNATURE_SPACE_LINES }, () => para("", { align: AlignmentType.CENTER, after: 0, ...keep })),
              para(m.issuer.signerNameVi ? unbroken(m.issuer.signerNameVi) : "", { align: AlignmentType.CENTER, bold: true, after: 0, keepLines: true }),
            ],
          }),
        ],
      }),
    ],
  });
}

const n = (x: number) => formatVietnameseNumber(x, 0);

/** The report's body as docx blocks, from the model. */
export function annualReportBlocks(m: AnnualReportModel): (Paragraph | Table)[] {
  const c = m.consolidation;
  const blocks: (Paragraph | Table)[] = [headerBlock(m)];
  blocks.push(para(m.titleVi[0], { align: AlignmentType.CENTER, bold: true, before: 360, after: 0 }));
  blocks.push(para(m.titleVi[1], { align: AlignmentType.CENTER, bold: true, after: 0 }));
  blocks.push(rule(MM(40), TEXT_WIDTH));
  blocks.push(para(m.introVi, { indentFirst: true, before: 240 }));
  if (m.hasSyntheticData)
    blocks.push(para(`(Số liệu năm ${m.year} trong báo cáo này có dữ liệu mẫu, mô phỏng, dùng để minh họa.)`, { italics: true, size: 13, indentFirst: true }));

  // I. Targets
  blocks.push(para("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", { bold: true, before: 120, keepNext: true }));
  const tc = m.targetCounts;
  const s = c.summary;
  blocks.push(
    para(
      `Số liệu được tổng hợp trực tiếp từ báo cáo đã được duyệt của ${n(s.approved)}/${n(s.units)} đơn vị báo cáo. ` +
        `Trong tổng số ${n(tc.total)} chỉ tiêu: ${targetCountsSentence(tc)}.`,
      { indentFirst: true },
    ),
  );
  const targetRows = m.targetSections.flatMap((sec) => [
    ...(sec.titleVi && m.targetSections.length > 1 ? [{ cells: [sec.titleVi], span: true, bold: true, shade: true }] : []),
    ...sec.rows.map((r) => ({ cells: [r.stt, r.nameVi, r.target, r.milestone, r.result, r.assessmentVi] })),
  ]);
  blocks.push(
    dataTable(
      ["STT", "Chỉ tiêu", `Mục tiêu đến năm ${m.targetYear}`, `Lộ trình năm ${m.year}`, `Kết quả năm ${m.year}`, "Đánh giá"],
      [6, 35, 13, 16, 12, 18],
      targetRows.length ? targetRows : [{ cells: ["Kế hoạch chưa có chỉ tiêu"], span: true, bold: false }],
      [0, 2, 3, 4, 5],
    ),
  );

  // II. Tasks
  blocks.push(para("II. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ", { bold: true, before: 240, keepNext: true }));
  const tt = m.taskTotals;
  blocks.push(
    para(
      tt.total
        ? `Năm ${m.year} có ${n(tt.total)} nhiệm vụ cần triển khai: ${n(tt.completed)} nhiệm vụ hoàn thành, ${n(tt.inProgress)} nhiệm vụ đang thực hiện, ${n(tt.notStarted)} nhiệm vụ chưa thực hiện. Tình hình thực hiện theo cơ quan chủ trì:`
        : `Năm ${m.year} không có nhiệm vụ đến hạn triển khai.`,
      { indentFirst: true, keepNext: true },
    ),
  );
  if (m.taskGroups.length) {
    blocks.push(
      dataTable(
        ["STT", "Cơ quan chủ trì", "Số nhiệm vụ", TASK_GROUP_VI.completed, TASK_GROUP_VI.inProgress, TASK_GROUP_VI.notStarted],
        [7, 41, 13, 13, 13, 13],
        m.taskGroups.map((g, i) => ({
          cells: [String(i + 1), g.assigneeVi, n(g.tasks.length), n(g.counts.completed), n(g.counts.inProgress), n(g.counts.notStarted)],
        })),
        [0, 2, 3, 4, 5],
      ),
    );
    m.taskGroups.forEach((g, i) => {
      blocks.push(
        para(
          [
            run(`${i + 1}. ${g.assigneeVi}: `, { bold: true }),
            run(`${TASK_GROUP_VI.completed} ${n(g.counts.completed)}, ${TASK_GROUP_VI.inProgress.toLowerCase()} ${n(g.counts.inProgress)}, ${TASK_GROUP_VI.notStarted.toLowerCase()} ${n(g.counts.notStarted)}.`),
          ],
          { indentFirst: true, before: 120, keepNext: true },
        ),
      );
      for (const t of g.tasks) blocks.push(para(`- ${t.titleVi} (${t.statusVi.toLowerCase()}).`, { indentFirst: true, after: 60 }));
    });
  }

  // III. Units
  blocks.push(para("III. ĐƠN VỊ BÁO CÁO", { bold: true, before: 240, keepNext: true }));
  blocks.push(
    para(
      `Tổng số ${n(s.units)} đơn vị phải báo cáo (hạn gửi ${formatVietnameseDate(c.deadline)}): ` +
        `${n(s.approved)} đơn vị đã được duyệt, ${n(s.submitted)} đơn vị đã gửi chờ duyệt, ${n(s.returned)} đơn vị bị trả lại, ${n(s.draft)} đơn vị đang soạn, ` +
        `${n(s.missing)} đơn vị chưa báo cáo; ${n(s.late)} đơn vị quá hạn hoặc nộp muộn.`,
      { indentFirst: true, keepNext: true },
    ),
  );
  if (m.units.length)
    blocks.push(
      dataTable(
        ["STT", "Đơn vị", "Trạng thái", "Ngày gửi", "Ghi chú"],
        [7, 30, 20, 17, 26],
        m.units.map((u, i) => ({ cells: [String(i + 1), u.nameVi, u.statusVi, u.submittedOnVi, u.noteVi] })),
        [0, 3],
      ),
    );

  blocks.push(para(`Trên đây là báo cáo kết quả thực hiện năm ${m.year} của ${m.issuer.nameVi}./.`, { indentFirst: true, before: 240, keepNext: true, keepLines: true }));
  blocks.push(signatureBlock(m));
  return blocks;
}

/** Pack a model into a DOCX. */
export async function annualReportDocx(m: AnnualReportModel): Promise<Buffer> {
  const doc = new Document({
    creator: "EduPlan",
    title: `${m.titleVi[0]} ${m.titleVi[1]}`,
    description: `Báo cáo năm ${m.year} — ${m.consolidation.locality.nameVi}`,
    styles: {
      default: {
        document: { run: { font: FONT, size: PT(14) }, paragraph: { spacing: { after: 120 } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_WIDTH, height: MM(297) },
            margin: { ...MARGIN, header: MM(10), footer: MM(10) },
          },
          titlePage: true,
        },
        // Page numbers at the top centre from page 2, as Decree 30 lays out.
        headers: {
          default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: PT(13) })] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: annualReportBlocks(m),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * The printable consolidated annual report ("Báo cáo kết quả thực hiện Kế hoạch … năm N") as a DOCX: motto header,
 * issuer, place and date, title, I. targets table (STT, Chỉ tiêu, Mục tiêu đến năm 2030, Lộ trình năm N, Kết quả năm N,
 * Đánh giá), II. tasks due in the year by lead agency, III. reporting units; recipients and signature.
 */
export async function buildAnnualReportDocx(db: Db, options: AnnualReportOptions): Promise<Buffer> {
  return annualReportDocx(await annualReportModel(db, options));
}
