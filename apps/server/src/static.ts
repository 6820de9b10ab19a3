import { existsSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Cache-Control of a console file: hashed assets for a year (immutable), index.html revalidated, the rest an hour. */
export function cacheControlOf(root: string, file: string): string {
  const base = resolve(root);
  if (resolve(file) === join(base, "index.html")) return "no-cache";
  if (resolve(file).startsWith(join(base, "assets") + sep)) return "public, max-age=31536000, immutable";
  return "public, max-age=3600";
}

/**
 * Serves the built console from `root` (@fastify/static: paths decoded, normalised and kept inside `root`), and
 * returns the handler of requests no route matched: `index.html` for a GET of a page without an extension (routes of
 * the single-page application), else null (the caller answers 404).
 */
export async function registerConsole(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, {
    root: resolve(root),
    prefix: "/",
    wildcard: true,
    index: ["index.html"],
    cacheControl: false,
    serveDotFiles: false,
    setHeaders(reply, file) {
      void reply.header("cache-control", cacheControlOf(root, file));
      // RFC 9239: JavaScript is text/javascript (the mime table still says application/javascript).
      if (/\.m?js$/.test(file)) void reply.header("content-type", "text/javascript; charset=utf-8");
    },
  });
  return (request: FastifyRequest, reply: FastifyReply): FastifyReply | null => {
    if (request.method !== "GET" && request.method !== "HEAD") return null;
    const pathname = request.url.split("?")[0]!;
    if (extname(pathname) || pathname.startsWith("/trpc")) return null;
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  };
}

export function consoleDirExists(dir: string | undefined): dir is string {
  return !!dir && existsSync(join(dir, "index.html"));
}
