/**
 * Files to and from the API: a `{ filename, contentType, base64 }` answer saved as a download; a file read in the
 * browser as base64 with its progress; and a tRPC client whose requests go through XMLHttpRequest, so the upload of
 * a workbook reports its progress (fetch cannot).
 */
import { createTRPCClient, httpLink } from "@trpc/client";
import type { AppRouter } from "@eduplan/api";

export type ApiFile = { filename: string; contentType: string; base64: string };

/** Saves a file answered by the API (the browser's download). */
export function downloadFile(file: ApiFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const a = document.createElement("a");
  a.href = url;
  a.download = file.filename;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads a file as base64 (without the `data:` prefix), reporting the fraction read. */
export function readAsBase64(file: Blob, onProgress: (fraction: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    reader.onerror = () => reject(reader.error ?? new Error("read error"));
    reader.onload = () => {
      onProgress(1);
      const url = String(reader.result ?? "");
      resolve(url.slice(url.indexOf(",") + 1));
    };
    reader.readAsDataURL(file);
  });
}

function headersOf(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const i = line.indexOf(":");
    if (i > 0) headers.append(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return headers;
}

/** A `fetch` over XMLHttpRequest that reports the upload's progress (same origin: the session cookie goes along). */
export function xhrFetch(onUploadProgress: (fraction: number) => void) {
  return (url: string | URL | Request, init?: RequestInit): Promise<Response> =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init?.method ?? "GET", String(url));
      xhr.withCredentials = true;
      new Headers(init?.headers).forEach((value, key) => xhr.setRequestHeader(key, value));
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onUploadProgress(e.loaded / e.total);
      };
      xhr.upload.onload = () => onUploadProgress(1);
      xhr.onload = () => resolve(new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers: headersOf(xhr.getAllResponseHeaders()) }));
      xhr.onerror = () => reject(new TypeError("Network request failed"));
      xhr.onabort = () => reject(new DOMException("Aborted", "AbortError"));
      init?.signal?.addEventListener("abort", () => xhr.abort());
      xhr.send((init?.body as XMLHttpRequestBodyInit | undefined) ?? null);
    });
}

/** A tRPC client (one request per call, no batching) whose uploads report progress. */
export function uploadClient(onUploadProgress: (fraction: number) => void) {
  return createTRPCClient<AppRouter>({ links: [httpLink({ url: "/trpc", fetch: xhrFetch(onUploadProgress) as never })] });
}

/** A random id for following an import's progress on the server. */
export function progressId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
