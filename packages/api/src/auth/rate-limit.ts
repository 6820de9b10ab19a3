/** The login limiter lives in `@eduplan/api-core` (part of the services); re-exported here. */
export { LoginRateLimiter, type RateLimitOptions } from "@eduplan/api-core";
