"""The province sync server (FastAPI over PostgreSQL; an SQLite file as the embedded default).

It holds the province's households (loaded from national exports, changed by officers' events) and every
event laptops send; see docs/sync.md. Nothing here imports Qt; it reuses desktop.sync.wire for the rules
both sides share and desktop.importers for loading national exports.
"""
