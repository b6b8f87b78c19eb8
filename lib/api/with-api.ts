import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { decodeSession } from "../auth/decode-session";
import type { z } from "zod";
import { env } from "../env";
import { logger, type TLogger } from "../logger";
import { newRequestId } from "../ids";
import { can, type TPermission } from "../auth/permissions";
import { userFromToken, type TCurrentUser } from "../auth/current-user";
import type { TAuditContext } from "../audit/record-audit";
import { AppError } from "./app-error";
import { problemResponse } from "./problem";
import { readJsonBody, DEFAULT_MAX_BODY_BYTES } from "./read-body";
import { assertSameOrigin } from "./same-origin";
import { fieldErrors } from "./zod-errors";
import { fieldErrorMap } from "./field-issue";
import { apiWords, invalidInputWords, type TInputPart } from "./detail-words";
import { toJsonSafe } from "./json";
import { unstorableTextAt } from "./storable-text";
import { mapUnknownError } from "./map-error";
import { runIdempotent } from "./run-idempotent";
import type { TInbound } from "./idempotency";

type TSchema = z.ZodType;
type TOut<S> = S extends z.ZodType ? z.output<S> : undefined;

export type TApiOptions<B, Q, P> = {
  // "public" is explicit so that a route without a decision fails the route × role matrix test.
  permission: TPermission | "public";
  body?: B;
  query?: Q;
  params?: P;
  maxBodyBytes?: number;
  // Requires an Idempotency-Key header; replays, in-flight and reuse are handled before the
  // handler. `resume` answers a retry whose key is already bound to an operation (a crash, an
  // expired lease or a 5xx after the operation committed): it resumes that operation and answers
  // its current state with `status`, instead of running the handler a second time.
  // `true`: the handler binds nothing (a bound key cannot occur).
  idempotent?:
    | true
    | {
        resume: (
          operationId: string,
          ctx: { user: TCurrentUser; audit: TAuditContext },
        ) => Promise<unknown>;
        status?: number;
      };
};

export type TApiContext<B, Q, P, U> = {
  req: NextRequest;
  requestId: string;
  log: TLogger;
  user: U;
  body: TOut<B>;
  query: TOut<Q>;
  params: TOut<P>;
  audit: TAuditContext;
  // The Idempotency-Key lease of an idempotent route: bind it to the operation the handler
  // creates or changes, in that operation's transaction (lib/api/idempotency.ts).
  inbound: TInbound | null;
};

type TRouteCtx = { params: Promise<Record<string, string | string[]>> };
export type TRouteHandler = ((req: NextRequest, ctx: TRouteCtx) => Promise<Response>) & {
  permission: TPermission | "public";
};

const REQUEST_ID_RE = /^[A-Za-z0-9_.:-]{8,100}$/;

function parseWith<S extends TSchema | undefined>(
  schema: S,
  input: unknown,
  where: TInputPart,
): TOut<S> {
  if (!schema) return undefined as TOut<S>;
  // PostgreSQL cannot store U+0000 or a lone UTF-16 surrogate: such text anywhere in the input (a
  // string or an object key, at any depth) is refused here, as a validation error, instead of
  // failing later inside SQL as a 500.
  const unstorable = unstorableTextAt(input);
  if (unstorable)
    throw AppError.worded("validation_failed", invalidInputWords(where), { errors: [unstorable] });
  // Issues the schema does not word get their code's English (lib/api/field-issue.ts).
  const r = schema.safeParse(input, { error: fieldErrorMap, reportInput: true });
  if (!r.success)
    throw AppError.worded("validation_failed", invalidInputWords(where), {
      errors: fieldErrors(r.error),
    });
  return r.data as TOut<S>;
}

// The one route wrapper: request id in and out, session, permission, same-origin check, zod
// parsing of body/query/params, request-scoped logger, and mapping every error to one shape.
export function withApi<
  B extends TSchema | undefined = undefined,
  Q extends TSchema | undefined = undefined,
  P extends TSchema | undefined = undefined,
>(
  options: TApiOptions<B, Q, P> & { permission: "public" },
  handler: (ctx: TApiContext<B, Q, P, TCurrentUser | null>) => Promise<unknown>,
): TRouteHandler;
export function withApi<
  B extends TSchema | undefined = undefined,
  Q extends TSchema | undefined = undefined,
  P extends TSchema | undefined = undefined,
>(
  options: TApiOptions<B, Q, P> & { permission: TPermission },
  handler: (ctx: TApiContext<B, Q, P, TCurrentUser>) => Promise<unknown>,
): TRouteHandler;
export function withApi<
  B extends TSchema | undefined,
  Q extends TSchema | undefined,
  P extends TSchema | undefined,
>(
  options: TApiOptions<B, Q, P>,
  handler:
    | ((ctx: TApiContext<B, Q, P, TCurrentUser>) => Promise<unknown>)
    | ((ctx: TApiContext<B, Q, P, TCurrentUser | null>) => Promise<unknown>),
): TRouteHandler {
  // Safe: a non-public permission guarantees `user` is set before the handler runs.
  const run = handler as (ctx: TApiContext<B, Q, P, TCurrentUser | null>) => Promise<unknown>;
  const wrapped = async (req: NextRequest, routeCtx: TRouteCtx): Promise<Response> => {
    const incoming = req.headers.get("x-request-id");
    const requestId = incoming && REQUEST_ID_RE.test(incoming) ? incoming : newRequestId();
    const log = logger.child({ requestId, method: req.method, path: req.nextUrl.pathname });
    const started = performance.now();
    try {
      assertSameOrigin(req);
      let user: TCurrentUser | null = null;
      if (options.permission !== "public") {
        const token = await getToken({ req, secret: env.NEXTAUTH_SECRET, decode: decodeSession });
        user = await userFromToken(token);
        if (!user) throw AppError.worded("unauthenticated", apiWords("sign_in_required"));
        if (!can(user.role, options.permission)) {
          throw AppError.worded(
            "forbidden",
            apiWords("role_not_allowed", { role: user.role, permission: options.permission }),
          );
        }
      }
      const params = parseWith(options.params, await routeCtx?.params, "path");
      const query = parseWith(options.query, Object.fromEntries(req.nextUrl.searchParams), "query");
      const body = options.body
        ? parseWith(
            options.body,
            await readJsonBody(req, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
            "body",
          )
        : (undefined as TOut<B>);
      const audit: TAuditContext = {
        actorId: user?.id ?? null,
        actorEmail: user?.email ?? null,
        ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
        userAgent: req.headers.get("user-agent")?.slice(0, 300) ?? null,
        requestId,
      };
      const execute = async (inbound: TInbound | null = null): Promise<Response> => {
        const result = await run({
          req,
          requestId,
          log,
          user,
          body: body as TOut<B>,
          query: query as TOut<Q>,
          params: params as TOut<P>,
          audit,
          inbound,
        });
        return result instanceof Response
          ? result
          : NextResponse.json(toJsonSafe(result ?? { ok: true }));
      };
      const idem = options.idempotent;
      const res =
        idem && user
          ? await runIdempotent(
              {
                req,
                user,
                body,
                requestId,
                resume: async (operationId) => {
                  if (idem === true)
                    throw new Error(`a key bound to ${operationId} on a route without resume`);
                  const answer = await idem.resume(operationId, { user, audit });
                  return NextResponse.json(toJsonSafe(answer), { status: idem.status ?? 200 });
                },
              },
              execute,
            )
          : await execute();
      res.headers.set("x-request-id", requestId);
      log.info({ status: res.status, ms: Math.round(performance.now() - started) }, "request");
      return res;
    } catch (err) {
      const appErr = mapUnknownError(err);
      if (appErr.status >= 500) log.error({ err }, "request failed");
      else
        log.info(
          { status: appErr.status, code: appErr.code, ms: Math.round(performance.now() - started) },
          "request refused",
        );
      return problemResponse(appErr, requestId);
    }
  };
  return Object.assign(wrapped, { permission: options.permission });
}
