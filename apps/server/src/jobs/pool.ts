/**
 * The job pool of the server (`ctx.services.jobs`): heavy work on worker threads (piscina), so that the event loop
 * keeps answering (/healthz, every other request) while DOCX/XLSX files are built and workbooks parsed. Each user has
 * at most `perUser` jobs running and `queuePerUser` waiting; more is refused with TOO_MANY_REQUESTS. A job longer than
 * `timeoutMs` is stopped (its thread ended: an import's transaction, not committed, leaves nothing).
 */
import { availableParallelism } from "node:os";
import { MessageChannel } from "node:worker_threads";
import { TRPCError } from "@trpc/server";
import { Piscina } from "piscina";
import { EduplanError } from "@eduplan/db";
import type { ApiOptions } from "@eduplan/api";
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from "./upload-check.js";
import type { WorkerResult, WorkerTask } from "./worker.js";

type JobRunner = NonNullable<ApiOptions["jobs"]>;
type Job = Parameters<JobRunner["run"]>[0];

export type JobPoolOptions = {
  dbFile: string;
  /** Worker threads (default: $EDUPLAN_WORKERS, else the cores less one, at least 1, at most 4). */
  threads?: number;
  /** Jobs running at once per user (default 2). */
  perUser?: number;
  /** Jobs waiting per user beyond those (default 10). */
  queuePerUser?: number;
  /** Longest a job may run (default 120 s). */
  timeoutMs?: number;
  uploadLimits?: Partial<UploadLimits>;
};

export type JobPool = JobRunner & {
  readonly threads: number;
  /** Waits for the jobs running, then ends the threads. */
  close(): Promise<void>;
};

const tooMany = (limit: number) =>
  new TRPCError({
    code: "TOO_MANY_REQUESTS",
    message: `You already have ${limit} files being prepared or imported; wait for them to finish.`,
    cause: new EduplanError("forbidden", {
      vi: `Bạn đang có ${limit} tệp đang được tạo hoặc nhập; vui lòng chờ các tệp này xong rồi thử lại.`,
      en: `You already have ${limit} files being prepared or imported; wait for them to finish.`,
    }),
  });

const timedOut = (seconds: number) =>
  new TRPCError({
    code: "TIMEOUT",
    message: `The file took longer than ${seconds} s to prepare and was stopped.`,
    cause: new EduplanError("validation", {
      vi: `Việc tạo hoặc nhập tệp mất quá ${seconds} giây nên đã bị dừng; không có gì được ghi.`,
      en: `The file took longer than ${seconds} s to prepare and was stopped; nothing was written.`,
    }),
  });

/** Buffers come back from a thread as plain Uint8Arrays. */
function revive(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

export function createJobPool(options: JobPoolOptions, env: NodeJS.ProcessEnv = process.env): JobPool {
  const envThreads = Number(env.EDUPLAN_WORKERS);
  const threads = Math.max(1, Math.floor(options.threads ?? (Number.isInteger(envThreads) && envThreads > 0 ? envThreads : Math.min(4, availableParallelism() - 1))));
  const perUser = options.perUser ?? 2;
  const queuePerUser = options.queuePerUser ?? 10;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const uploadLimits = { ...DEFAULT_UPLOAD_LIMITS, ...options.uploadLimits };
  const piscina = new Piscina({
    filename: new URL("./worker-entry.mjs", import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 60_000,
  });

  // Per user: jobs running, and the jobs waiting for a slot (a finishing job hands its slot to the next).
  const users = new Map<number, { running: number; waiting: (() => void)[] }>();
  async function slot(userId: number): Promise<void> {
    const u = users.get(userId) ?? { running: 0, waiting: [] };
    users.set(userId, u);
    if (u.running < perUser) {
      u.running++;
      return;
    }
    if (u.waiting.length >= queuePerUser) throw tooMany(perUser + queuePerUser);
    await new Promise<void>((resolve) => u.waiting.push(resolve));
  }
  function release(userId: number): void {
    const u = users.get(userId)!;
    const next = u.waiting.shift();
    if (next) return next();
    u.running--;
    if (!u.running) users.delete(userId);
  }

  return {
    threads,
    async run<T>(job: Job, _inline: () => Promise<T>): Promise<T> {
      await slot(job.userId);
      const channel = job.onProgress ? new MessageChannel() : null;
      try {
        if (channel) channel.port1.on("message", (fraction: number) => job.onProgress?.(fraction));
        const task: WorkerTask = { kind: job.kind, input: job.input, dbFile: options.dbFile, uploadLimits, ...(channel ? { progress: channel.port2 } : {}) };
        let result: WorkerResult;
        try {
          result = (await piscina.run(task, { signal: AbortSignal.timeout(timeoutMs), transferList: channel ? [channel.port2] : [] })) as WorkerResult;
        } catch (e) {
          if ((e as Error).name === "AbortError") throw timedOut(Math.round(timeoutMs / 1000));
          throw e;
        }
        if (!result.ok) throw new EduplanError(result.error.reason, result.error.messages, result.error.fieldErrors);
        return revive(result.value) as T;
      } finally {
        channel?.port1.close();
        release(job.userId);
      }
    },
    async close() {
      await piscina.close();
    },
  };
}
