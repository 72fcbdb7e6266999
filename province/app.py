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
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from desktop import __version__
from desktop.sync import wire
from province import auth, bundles, events, feed, households
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

class EventIn(BaseModel):
    uuid: uuid_module.UUID
    kind: str = Field(min_length=1, max_length=64)
    target: str = Field("", max_length=300)
    payload: dict[str, Any] = Field(default_factory=dict)
    created_at: str = Field("", max_length=64)  # device clock: information only
    origin: str = Field("", max_length=64)


class PushIn(BaseModel):
    store_id: str = Field("", max_length=64)
    events: list[EventIn] = Field(max_length=MAX_EVENTS)


class FetchIn(BaseModel):
    ids: list[Annotated[int, Field(ge=0, le=MAX_ID)]] = Field(max_length=households.MAX_LIMIT)


class DeviceIn(BaseModel):
    store_id: str = Field(min_length=1, max_length=64)
    public_key: str = Field(pattern=r"^[0-9a-f]{64}$")


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


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuses request bodies above a size (413, JSON) before they are read into memory."""

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
        received = 0
        started = False

        async def limited_receive():
            nonlocal received
            msg = await receive()
            if msg["type"] == "http.request":
                received += len(msg.get("body", b""))
                if received > limit:
                    raise _TooLarge()
            return msg

        async def tracking_send(msg):
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
            await send(msg)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _send_json(send, 413, {"error": message("too_large", limit=limit)})


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

    def officer(creds: HTTPAuthorizationCredentials | None = Depends(bearer)) -> auth.Officer:
        token = creds.credentials if creds is not None else ""
        parsed = auth.parse_token(token)
        if parsed is None:
            raise ApiError(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})
        wait = limiter.wait_needed(parsed[0])
        if wait:
            seconds = max(1, int(wait + 0.999))
            raise ApiError(429, "rate_limited", headers={"Retry-After": str(seconds)}, seconds=seconds)
        with db.read() as conn:
            found = auth.by_token(conn, token)
        if found is None:
            raise ApiError(401, "unauthorized", headers={"WWW-Authenticate": "Bearer"})
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
            seq = current_seq(conn)
        return {"officer_id": who.id, "name": who.name, "areas": list(who.areas), "server_seq": seq,
                "protocol": wire.PROTOCOL}

    @app.post("/v1/device", tags=["server"])
    def register_device(body: DeviceIn, who: Who) -> dict:
        with db.write() as conn:
            auth.register_device(conn, who.id, body.store_id, body.public_key)
        return {"ok": True}

    @app.post("/v1/push", tags=["sync"])
    def push(body: PushIn, who: Who) -> JSONResponse:
        incoming = [events.Incoming(str(e.uuid), e.kind, e.target, e.payload, e.created_at, e.origin)
                    for e in body.events]
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
        result = await run_in_threadpool(bundles.import_bytes, db, data, app.state.fingerprint)
        result["uploaded_by"] = {"id": who.id, "name": who.name}
        return JSONResponse(result)

    feed.install(app, db, officer)  # GET /v1/feed: other laptops' records in the officer's areas (events flow down)
    return app
