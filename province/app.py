"""The province server's HTTP API (FastAPI). OpenAPI at /openapi.json; every error is JSON
{"error": {"code", "th", "en"}}. See docs/sync.md for the protocol."""

# No "from __future__ import annotations": FastAPI reads the endpoint annotations (closures) at run time.

import json
import logging
import threading
import time
import uuid as uuid_module
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import AfterValidator, BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from desktop import __version__
from desktop.sync import signing, wire
from province import auth, bundles, events, feed, households, server_meta, validate
from province.db import ServerDB, current_seq
from province.errors import ApiError, message

log = logging.getLogger("province")

AREA = r"^\d{2}(\d{2}){0,3}$"
MAX_BODY = 16 * 1024 * 1024
MAX_BUNDLE = 64 * 1024 * 1024
MAX_EVENTS = 1000
MAX_ID = 2**62
CHUNK_RESPONSE = {200: {"content": {wire.CHUNK_TYPE: {"schema": {"type": "string", "format": "binary"}}},
                        "description": "gzip(msgpack({columns, rows, layouts, villages, ...}))"}}


# --- request bodies ------------------------------------------------------------------------------

def _clean_text(value: str) -> str:
    problem = validate.text_problem(value, "text")
    if problem:
        raise ValueError(problem)
    return value


CleanId = Annotated[str, Field(max_length=64), AfterValidator(_clean_text)]


class EventIn(BaseModel):
    uuid: uuid_module.UUID
    kind: str = Field(min_length=1, max_length=64)
    target: str = Field("", max_length=300)
    payload: dict[str, Any] = Field(default_factory=dict)
    created_at: str = Field("", max_length=64)  # device clock: information only
    origin: str = Field("", max_length=64)
    author: str = Field("", max_length=64, description="Ed25519 public key (hex) of the laptop that made it")
    signature: str = Field("", max_length=128, description="the author's signature over the canonical event")


class PushIn(BaseModel):
    store_id: CleanId = ""
    events: list[EventIn] = Field(max_length=MAX_EVENTS)


class FetchIn(BaseModel):
    ids: list[Annotated[int, Field(ge=0, le=MAX_ID)]] = Field(max_length=households.MAX_LIMIT)


class DeviceIn(BaseModel):
    store_id: Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_clean_text)]
    public_key: str = Field(pattern=r"^[0-9a-f]{64}$")
    challenge: str = Field(max_length=200, description="from GET /v1/device/challenge")
    signature: str = Field(pattern=r"^[0-9a-f]{128}$", description="the key's signature over the challenge")


# --- limits --------------------------------------------------------------------------------------

class RateLimiter:
    """A token bucket per token id: `rate` requests a second on average, bursts up to `burst`."""

    def __init__(self, rate: float, burst: int):
        self.rate, self.burst = rate, burst
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def wait_needed(self, key: str) -> float:
        """0 if the request may go ahead (and counts it), else seconds to wait."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        with self.lock:
            tokens, last = self.buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens < 1:
                self.buckets[key] = (tokens, now)
                return (1 - tokens) / self.rate
            self.buckets[key] = (tokens - 1, now)
            return 0.0


class BodyLimit:
    """Refuses request bodies above a size with 413 (JSON): by Content-Length before reading anything, or,
    for a chunked body, as soon as more than the limit has arrived (never more than the limit in memory)."""

    def __init__(self, app, default: int = MAX_BODY, paths: dict[str, int] | None = None):
        self.app = app
        self.default = default
        self.paths = paths or {}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        limit = self.paths.get(scope.get("path", ""), self.default)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > limit
            except ValueError:
                return await _send_json(send, 400, {"error": message("invalid_request", detail="Content-Length")})
            if too_big:
                return await _send_json(send, 413, {"error": message("too_large", limit=limit)})
        # no Content-Length (chunked): read the body here, up to the limit, then hand it to the app whole, so
        # an oversize body is always 413 (raised inside FastAPI's body parsing it would become a 400)
        body, more = [], True
        received = 0
        while more:
            msg = await receive()
            if msg["type"] != "http.request":
                return await self.app(scope, _replay([], msg, receive), send)
            body.append(msg.get("body", b""))
            received += len(body[-1])
            more = msg.get("more_body", False)
            if received > limit:
                return await _send_json(send, 413, {"error": message("too_large", limit=limit)})
        return await self.app(scope, _replay(body, None, receive), send)


def _replay(chunks: list[bytes], first, receive):
    """A receive() that gives the buffered body as one message, then passes through (disconnect)."""
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return first if first is not None else {"type": "http.request", "body": b"".join(chunks),
                                                    "more_body": False}
        return await receive()

    return replay


async def _send_json(send, status: int, body: dict) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(data)).encode())]})
    await send({"type": "http.response.body", "body": data})


# --- the app -------------------------------------------------------------------------------------

def create_app(db: ServerDB | str | None = None, *, fingerprint: events.Fingerprint | None = None,
               rate: float = 50.0, burst: int = 200, max_body: int = MAX_BODY, max_bundle: int = MAX_BUNDLE) -> FastAPI:
    """The ASGI app over a server database (created or upgraded here)."""
    if not isinstance(db, ServerDB):
        db = ServerDB(db)
    db.upgrade()
    app = FastAPI(title="BMN Field Desk province sync server", version=__version__, openapi_url="/openapi.json",
                  docs_url=None, redoc_url=None,
                  description="Push events, pull household changes, receipts, offline bundles (docs/sync.md).")
    app.state.db = db
    app.state.fingerprint = fingerprint or households.stand_in_fingerprint
    limiter = RateLimiter(rate, burst)
    app.add_middleware(BodyLimit, default=max_body, paths={"/v1/bundle": max_bundle})
    bearer = HTTPBearer(auto_error=False, description="bmn1.<id>.<secret> from `serve admin add-officer`")

    @app.exception_handler(ApiError)
    async def _api_error(_request, err: ApiError):
        return JSONResponse(err.body, status_code=err.status, headers=err.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request, err: RequestValidationError):
        detail = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in err.errors()[:5])
        return JSONResponse({"error": message("invalid_request", detail=detail[:500])}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, err: StarletteHTTPException):
        if err.status_code == 404:
            body = message("not_found", path=request.url.path[:200])
        elif err.status_code == 405:
            body = message("method_not_allowed", method=request.method, path=request.url.path[:200])
        else:
            body = message("invalid_request", detail=str(err.detail)[:300])
        return JSONResponse({"error": body}, status_code=err.status_code, headers=getattr(err, "headers", None))

    @app.exception_handler(Exception)
    async def _crash(_request, err: Exception):
        log.exception("unexpected error", exc_info=err)
        return JSONResponse({"error": message("server_error")}, status_code=500)

    def limit(key: str) -> None:
        wait = limiter.wait_needed(key)
        if wait:
            seconds = max(1, int(wait + 0.999))
            raise ApiError(429, "rate_limited", headers={"Retry-After": str(seconds)}, seconds=seconds)

    def officer(request: Request, creds: HTTPAuthorizationCredentials | None = Depends(bearer)) -> auth.Officer:
        """The verified officer; the rate limit counts per verified officer (a stranger who knows a token id
        cannot use up its officer's allowance), failed attempts per client address."""
        token = creds.credentials if creds is not None else ""
        found = None
        if auth.parse_token(token) is not None:
            with db.read() as conn:
                found = auth.by_token(conn, token)
        if found is None:
            limit(f"addr:{request.client.host if request.client else '?'}")
            raise ApiError(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})
        limit(f"officer:{found.id}")
        return found

    def in_scope(who: auth.Officer, area: str) -> None:
        if not who.covers(area):
            raise ApiError(403, "forbidden_area", area=area, areas=", ".join(who.areas))

    Who = Annotated[auth.Officer, Depends(officer)]
    Area = Annotated[str, Query(pattern=AREA, description="2, 4, 6 or 8-digit area code inside your areas")]
    Cursor = Annotated[int, Query(ge=0, le=MAX_ID)]

    @app.get("/v1/health", tags=["server"])
    def health() -> dict:
        return {"ok": True, "protocol": wire.PROTOCOL, "version": __version__}

    @app.get("/v1/me", tags=["server"])
    def me(who: Who) -> dict:
        with db.read() as conn:
            seq, generation, events_seq = current_seq(conn), server_meta.generation(conn), server_meta.events_seq(conn)
        return {"officer_id": who.id, "name": who.name, "areas": list(who.areas), "server_seq": seq,
                "events_seq": events_seq, "generation": generation, "protocol": wire.PROTOCOL}

    @app.get("/v1/keys", tags=["server"])
    def keys(who: Who) -> dict:
        """The device keys the province vouches for, signed with the province key (laptops pin it)."""
        with db.read() as conn:
            doc = {"generation": server_meta.generation(conn), "issued_at": auth.now(), "keys": auth.vouched_keys(conn)}
            return signing.sign_keylist(server_meta.province_key(conn), doc)

    @app.get("/v1/device/challenge", tags=["server"])
    def device_challenge(who: Who) -> dict:
        with db.read() as conn:
            return {"challenge": auth.make_challenge(conn, who.id)}

    @app.post("/v1/device", tags=["server"])
    def register_device(body: DeviceIn, who: Who) -> dict:
        """Registers the laptop's key with the token's officer: the laptop proves it holds the key by signing
        a fresh challenge; a key never moves to another officer (409) and a revoked key stays revoked (403)."""
        with db.write() as conn:
            if not auth.challenge_valid(conn, who.id, body.challenge) or not signing.verify_bytes(
                    body.public_key, body.signature, signing.device_message(body.challenge, body.store_id,
                                                                            body.public_key)):
                raise ApiError(403, "bad_challenge")
            try:
                auth.register_device(conn, who.id, body.store_id, body.public_key)
            except auth.DeviceRefused as err:
                raise ApiError(409 if err.code == "device_taken" else 403, err.code) from None
        return {"ok": True}

    @app.post("/v1/push", tags=["sync"])
    def push(body: PushIn, who: Who) -> JSONResponse:
        incoming = [events.Incoming(str(e.uuid), e.kind, e.target, e.payload, e.created_at, e.origin, e.author,
                                    e.signature) for e in body.events]
        acks = events.push(db, who, body.store_id, incoming, fingerprint=app.state.fingerprint)
        return JSONResponse({"acks": acks})

    @app.get("/v1/pull", tags=["sync"], response_class=Response, responses=CHUNK_RESPONSE)
    def pull(who: Who, area: Area, cursor: Cursor = 0,
             limit: Annotated[int, Query(ge=1, le=households.MAX_LIMIT)] = 5000) -> Response:
        in_scope(who, area)
        with db.read() as conn:
            chunk = households.pull(conn, area, cursor, limit)
        return Response(wire.pack(chunk), media_type=wire.CHUNK_TYPE)

    @app.post("/v1/fetch", tags=["sync"], response_class=Response, responses=CHUNK_RESPONSE)
    def fetch(body: FetchIn, who: Who) -> Response:
        with db.read() as conn:
            chunk = households.fetch(conn, who, body.ids)
        return Response(wire.pack(chunk), media_type=wire.CHUNK_TYPE)

    @app.get("/v1/preview", tags=["sync"])
    def preview(who: Who, area: Area, cursor: Cursor = 0) -> dict:
        in_scope(who, area)
        with db.read() as conn:
            return households.count_after(conn, area, cursor)

    @app.get("/v1/receipt", tags=["sync"])
    def receipt(who: Who, area: Area, year: Annotated[int | None, Query(ge=2400, le=2800)] = None) -> dict:
        in_scope(who, area)
        with db.read() as conn:
            return {"area": area, "villages": households.receipt(conn, area, year)}

    @app.post("/v1/bundle", tags=["sync"], openapi_extra={"requestBody": {"required": True, "content": {
        "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}})
    async def upload_bundle(request: Request, who: Who) -> JSONResponse:
        data = await request.body()
        result = await run_in_threadpool(bundles.import_bytes, db, data, app.state.fingerprint, who)
        result["uploaded_by"] = {"id": who.id, "name": who.name}
        return JSONResponse(result)

    feed.install(app, db, officer)  # GET /v1/feed: other laptops' records in the officer's areas (events flow down)
    return app
