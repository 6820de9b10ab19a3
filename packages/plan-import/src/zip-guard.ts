import { inflateRawSync } from "node:zlib";
import { LIMITS } from "./limits.js";
import { refuse } from "./errors.js";

const unsafe = (detailVi: string, detailEn: string): never =>
  refuse("unsafeArchive", `Tệp DOCX không an toàn, không được đọc: ${detailVi}.`, `Unsafe DOCX refused: ${detailEn}.`);

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** Read the central directory (names and declared sizes) without inflating anything. */
function centralDirectory(buf: Buffer): Entry[] {
  const minEocd = 22;
  let eocd = -1;
  for (let i = buf.length - minEocd; i >= Math.max(0, buf.length - minEocd - 65_535); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) unsafe("không tìm thấy mục lục của tệp nén", "no zip central directory");
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) unsafe("định dạng ZIP64 không được hỗ trợ", "ZIP64 is not supported");
  if (count > LIMITS.maxZipEntries) unsafe(`có ${count} tệp con (tối đa ${LIMITS.maxZipEntries})`, `${count} entries (max ${LIMITS.maxZipEntries})`);
  if (cdOffset + cdSize > buf.length) unsafe("mục lục vượt quá kích thước tệp", "central directory out of bounds");
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) unsafe("mục lục hỏng", "corrupt central directory");
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const uncompressedSize = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString("utf8", p + 46, p + 46 + nameLen);
    entries.push({ name, method, compressedSize, uncompressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * Refuse a hostile DOCX before any parser sees it: too many entries, too much declared or actual uncompressed data
 * (a zip bomb), an implausible inflation ratio, or XML with a DOCTYPE / entity declarations (external entities).
 * Each entry is inflated with a hard output cap, so a header that lies about its size cannot blow up memory.
 */
export function checkDocxArchive(buf: Buffer): void {
  const entries = centralDirectory(buf);
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > LIMITS.maxZipRatio)
      unsafe(`tệp con ${e.name} nén bất thường (tỷ lệ ${Math.round(e.uncompressedSize / e.compressedSize)}:1)`, `entry ${e.name} has an inflation ratio of ${Math.round(e.uncompressedSize / e.compressedSize)}:1`);
  }
  if (declared > LIMITS.maxZipUncompressedBytes)
    unsafe(`dung lượng giải nén ${Math.round(declared / 1048576)} MB vượt giới hạn`, `declared uncompressed size ${Math.round(declared / 1048576)} MB exceeds the limit`);
  if (!entries.some((e) => e.name === "word/document.xml"))
    refuse("unsupportedFormat", "Tệp nén này không phải văn bản Word (.docx): chỉ nhận .txt, .docx hoặc PDF có lớp chữ.", "This archive is not a Word document (.docx): only text, DOCX or PDF with a text layer are accepted.");
  let actual = 0;
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) unsafe("tệp con hỏng", "corrupt local header");
    const dataStart = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const data = buf.subarray(dataStart, dataStart + e.compressedSize);
    let out: Buffer;
    const cap = Math.min(LIMITS.maxZipUncompressedBytes - actual, e.uncompressedSize + 1024);
    try {
      if (e.method === 0) out = data;
      else if (e.method === 8) out = inflateRawSync(data, { maxOutputLength: Math.max(1, cap) });
      else return unsafe(`phương pháp nén ${e.method} không được hỗ trợ`, `compression method ${e.method} unsupported`);
    } catch {
      return unsafe(`tệp con ${e.name} giải nén vượt kích thước khai báo`, `entry ${e.name} inflates beyond its declared size`);
    }
    actual += out.length;
    if (actual > LIMITS.maxZipUncompressedBytes) unsafe("dung lượng giải nén vượt giới hạn", "uncompressed data exceeds the limit");
    if (/\.(xml|rels)$/i.test(e.name)) {
      const head = out.toString("utf8");
      if (/<!DOCTYPE|<!ENTITY/i.test(head))
        unsafe(`tệp con ${e.name} khai báo DOCTYPE/thực thể (external entities)`, `entry ${e.name} declares a DOCTYPE or entities`);
    }
  }
}
