import type { TaskTiming } from "@eduplan/domain";
import { agenciesIn, agencyList, unknownAgencyRef } from "./agencies.js";
import type { DocLevel } from "./dictionaries/agencies.js";
import { fold, foldPlain, originalSpan, type Folded } from "./fold.js";
import type { Paragraph } from "./segment.js";
import type { AgencyRef, ReportingDutyFinding, TaskFinding } from "./types.js";

type Task = Omit<TaskFinding, "id">;
type Duty = Omit<ReportingDutyFinding, "id">;

const headingTitle = (t: string) => t.replace(/^(?:Điều\s+\d+\.?|[IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\))\s*/u, "");

const STOP = /^(noi nhan|tren day la|nghi quyet nay (duoc|co hieu luc)|\|? ?tm\.|kt\.|chu tich$)/;

/** When a task is due, read from its own words. null = not stated. */
export function timingOf(f: Folded, original: string): { timing: TaskTiming | null; text: string | null } {
  const t = f.text;
  const span = (m: RegExpExecArray) => {
    const [a, b] = originalSpan(f, m.index, m.index + m[0].length);
    return original.slice(a, b);
  };
  let m: RegExpExecArray | null;
  if ((m = /(?:tu )?nam (\d{4}),? (?:va )?(?:sau do )?hang nam/.exec(t)) || (m = /tu nam (\d{4})[^.;]*hang nam/.exec(t)))
    return { timing: { kind: "yearThenYearly", year: Number(m[1]), to: null }, text: span(m) };
  if ((m = /(?:sau khi|khi) [^.;,]*?(?:ban hanh|phe duyet|thong qua|co hieu luc)/.exec(t)))
    return { timing: { kind: "event", eventVi: span(m), eventEn: null, occurredOn: null }, text: span(m) };
  if ((m = /hang nam/.exec(t))) return { timing: { kind: "yearly", from: null, to: null }, text: span(m) };
  if ((m = /nam hoc (\d{4}) ?- ?(\d{4})/.exec(t))) return { timing: { kind: "schoolYear", startYear: Number(m[1]) }, text: span(m) };
  if ((m = /(?:^|trong |vao )nam (\d{4})$|^nam (\d{4})\b/.exec(t.trim())) || (m = /(?:trong|vao) nam (\d{4})(?! ?-)/.exec(t)))
    return { timing: { kind: "year", year: Number(m[1] ?? m[2]) }, text: span(m) };
  if ((m = /(?<!kinh phi |giao duc |boi duong |chi )thuong xuyen(?=[,.;]|$| lien tuc)/.exec(t)))
    return { timing: { kind: "continuous", from: null, to: null }, text: span(m) };
  return { timing: null, text: null };
}

function coordinatorsOf(f: Folded, level: DocLevel | null, text: string, base: number): AgencyRef[] {
  const refs: AgencyRef[] = [];
  for (const m of f.text.matchAll(/phoi hop(?: chat che)?(?: voi)?\s/g)) {
    const list = agencyList(f, m.index! + m[0].length, level, text, base);
    for (const r of list.refs) if (!refs.some((x) => x.code === r.code)) refs.push(r);
  }
  return refs;
}

/** One reporting duty per sentence that says who reports to whom ("báo cáo … về / gửi …", "(qua …)"). */
function reportingDuties(text: string, base: number, level: DocLevel | null, reporters: AgencyRef[], confidence: number, section: string | null): Duty[] {
  const out: Duty[] = [];
  const re = /[^.!?]+(?:[.!?]+|$)/g;
  for (const m of text.matchAll(re)) {
    const sentence = m[0];
    const lead = sentence.length - sentence.trimStart().length;
    const sBase = base + m.index! + lead;
    const s = sentence.trim();
    const f = fold(s);
    const verbs = [...f.text.matchAll(/bao cao(?: ket qua(?: thuc hien)?)?(?: (?:ve|len|gui|cho))? /g)];
    if (!verbs.length) continue;
    let recipients: AgencyRef[] = [];
    let onward: AgencyRef[] = [];
    for (const v of verbs) {
      let list = agencyList(f, v.index! + v[0].length, level, s, sBase).refs;
      if (!list.length) {
        const g = /^[^.;]{0,40}?\b(?:gui|ve) /.exec(f.text.slice(v.index! + v[0].length));
        if (g) list = agencyList(f, v.index! + v[0].length + g[0].length, level, s, sBase).refs;
      }
      if (!list.length) continue;
      if (!recipients.length) recipients = list;
      else if (/de tong hop/.test(f.text.slice(0, v.index!))) onward = [...onward, ...list.filter((r) => !onward.some((o) => o.code === r.code))];
    }
    if (!recipients.length) continue;
    const via: AgencyRef[] = [];
    for (const q of f.text.matchAll(/\(qua /g)) via.push(...agencyList(f, q.index! + q[0].length, level, s, sBase).refs);
    const due = /truoc ngay (\d{1,2})\/(\d{1,2})|truoc ngay (\d{1,2}) thang (\d{1,2})/.exec(f.text);
    const frequency = /hang nam/.test(f.text) ? "yearly" : /dinh ky/.test(f.text) ? "periodic" : /dot xuat|neu co kho khan|khi co kho khan/.test(f.text) ? "adHoc" : "notStated";
    out.push({
      source: { start: sBase, end: sBase + s.length, sentence: s, section },
      confidence,
      review: { status: "pending", note: null },
      reporters,
      recipients,
      onwardRecipients: onward,
      via,
      frequency,
      dueDayMonth: due ? `${due[1] ?? due[3]}/${due[2] ?? due[4]}` : null,
    });
  }
  return out;
}

/** Where the document assigns work: "V. TỔ CHỨC THỰC HIỆN", "Điều 2. Tổ chức thực hiện". */
function assignmentSection(ps: Paragraph[]): Paragraph[] {
  const startIdx = ps.findIndex((p) => p.isHeading && p.depth !== null && p.depth <= 2 && /^to chuc thuc hien/.test(foldPlain(headingTitle(p.text))));
  if (startIdx < 0) return [];
  const depth = ps[startIdx]!.depth!;
  const out: Paragraph[] = [];
  for (const p of ps.slice(startIdx + 1)) {
    if (p.isHeading && p.depth !== null && p.depth <= depth) break;
    if (STOP.test(foldPlain(p.text))) break;
    out.push(p);
  }
  return out;
}

/** Tasks from the assignment section: one row per paragraph of an agency's duties. */
export function tasksFromAssignments(ps: Paragraph[], level: DocLevel | null): { tasks: Task[]; duties: Duty[] } {
  const tasks: Task[] = [];
  const duties: Duty[] = [];
  let heading: { leads: AgencyRef[]; requested: AgencyRef[] } = { leads: [], requested: [] };
  for (const p of assignmentSection(ps)) {
    if (p.isHeading) {
      const title = headingTitle(p.text);
      const f = fold(title);
      const base = p.start + (p.text.length - title.length);
      const refs = agenciesIn(f, level, title, base);
      const requestedHeading = /^de nghi\b/.test(f.text);
      // A numbered heading here names who is assigned; one the registry does not know is kept for the officer to create.
      if (!refs.length && p.depth !== null && p.depth >= 2 && title.length < 100) {
        const name = requestedHeading ? title.replace(/^Đề nghị\s+/iu, "") : title;
        refs.push(unknownAgencyRef(name, base + (title.length - name.length)));
      }
      if (refs.length) heading = requestedHeading ? { leads: [], requested: refs } : { leads: refs, requested: [] };
      continue;
    }
    const text = p.text.replace(/^[-–•+]\s*/, "").replace(/^\d+\.\s+/, "");
    const base = p.start + (p.text.length - text.length);
    const f = fold(text);
    let leads = heading.leads;
    let requested = heading.requested;
    let confidence = 0.85;
    // "Giao Ủy ban nhân dân xã …" or a paragraph naming its own subjects ("Thủ trưởng các sở, ban, ngành; …").
    const giao = /^giao /.exec(f.text);
    const own = agencyList(f, giao ? giao[0].length : 0, level, text, base);
    if (own.refs.length && (giao || /^(?:thu truong|chu tich|giam doc|cac|uy ban|so|phong)\b/.test(f.text))) {
      leads = own.refs;
      requested = [];
      confidence = 0.8;
    }
    if (!leads.length && !requested.length) confidence = 0.4;
    const coordinators = coordinatorsOf(f, level, text, base).filter((c) => !leads.some((l) => l.code === c.code));
    const timing = timingOf(f, text);
    tasks.push({
      source: { start: base, end: base + text.length, sentence: text, section: p.section },
      confidence,
      review: { status: "pending", note: null },
      text,
      leads,
      coordinators,
      requested,
      timing: timing.timing,
      timingText: timing.text,
      from: "assignmentSection",
      repeatOf: null,
    });
    duties.push(...reportingDuties(text, base, level, leads.length ? leads : requested, confidence - 0.1, p.section));
  }
  return { tasks, duties };
}

/** Tasks from a table whose header names the task and its lead ("Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian"). */
export function tasksFromTables(ps: Paragraph[], level: DocLevel | null): Task[] {
  const tasks: Task[] = [];
  let cols: { task: number; lead: number; coord: number; time: number } | null = null;
  const seen = new Map<string, number>();
  for (const p of ps) {
    if (!p.text.startsWith("|")) {
      cols = null;
      continue;
    }
    const cells = p.text.replace(/^\|\s*|\s*\|$/g, "").split(/\s*\|\s*/);
    const folded = cells.map(foldPlain);
    const taskCol = folded.findIndex((c) => /nhiem vu|noi dung/.test(c));
    const leadCol = folded.findIndex((c) => /chu tri/.test(c));
    if (taskCol >= 0 && leadCol >= 0) {
      cols = { task: taskCol, lead: leadCol, coord: folded.findIndex((c) => /phoi hop/.test(c)), time: folded.findIndex((c) => /thoi gian|thoi han|tien do/.test(c)) };
      continue;
    }
    if (!cols || !cells[cols.task]?.trim()) continue;
    // Offsets of each cell inside the paragraph.
    const offsets: number[] = [];
    let at = 0;
    for (const c of cells) {
      at = p.text.indexOf(c, at);
      offsets.push(p.start + Math.max(0, at));
      at += c.length;
    }
    const cellList = (i: number) => {
      if (i < 0 || !cells[i]) return [];
      const f = fold(cells[i]!);
      const refs: AgencyRef[] = [];
      for (const r of agenciesIn(f, level, cells[i]!, offsets[i]!)) refs.push(r);
      return refs;
    };
    const text = cells[cols.task]!.trim();
    const key = foldPlain(text);
    const timeCell = cols.time >= 0 ? (cells[cols.time] ?? "") : "";
    const timing = timingOf(fold(timeCell), timeCell);
    const leads = cellList(cols.lead);
    tasks.push({
      source: { start: offsets[cols.task]!, end: offsets[cols.task]! + text.length, sentence: p.text, section: p.section },
      confidence: leads.length ? 0.9 : 0.5,
      review: { status: "pending", note: null },
      text,
      leads,
      coordinators: cellList(cols.coord).filter((c) => !leads.some((l) => l.code === c.code)),
      requested: [],
      timing: timing.timing,
      timingText: timing.text,
      from: "taskTable",
      repeatOf: seen.get(key) ?? null,
    });
    if (!seen.has(key)) seen.set(key, tasks.length - 1);
  }
  return tasks;
}
