import { createReadStream, existsSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".pdf": "application/pdf",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".csv": "text/csv; charset=utf-8",
};

export const contentTypeOf = (file: string) => CONTENT_TYPES[extname(file).toLowerCase()] ?? "application/octet-stream";

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built console from `root`: files as they are (hashed assets cached for a year), and `index.html` for any
 * other GET of a page (single-page application routes). Paths are decoded, normalised and must stay inside `root`.
 * Returns false when the request is not for it (not GET/HEAD).
 */
export function createStaticHandler(root: string) {
  const base = resolve(root);
  const index = join(base, "index.html");
  return function serveStatic(req: IncomingMessage, res: ServerResponse): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request");
      return true;
    }
    if (pathname.includes("\0")) {
      res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request");
      return true;
    }
    const candidate = resolve(base, `.${pathname.startsWith("/") ? pathname : `/${pathname}`}`);
    if (candidate !== base && !candidate.startsWith(base + sep)) {
      res.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end("Forbidden");
      return true;
    }
    let file = isFile(candidate) ? candidate : null;
    if (!file && !extname(pathname) && isFile(index)) file = index; // SPA route
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
      return true;
    }
    const stat = statSync(file);
    const immutable = file.startsWith(join(base, "assets") + sep);
    res.writeHead(200, {
      "content-type": contentTypeOf(file),
      "content-length": stat.size,
      "cache-control": file === index ? "no-cache" : immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
    return true;
  };
}

export function consoleDirExists(dir: string | undefined): dir is string {
  return !!dir && existsSync(join(dir, "index.html"));
}
