"""Sync with the province server (docs/sync.md). No Qt below this line.

outbox     events written with every syncable change; acks
wire       what travels (columns, chunks, digests) and the three-way rule both sides share
local      the store read the way sync needs it (snapshots, receipts, fingerprints)
apply      pulled households into the store (import rules, held households, merges)
conflicts  conflicts for people to settle
client     push / pull / receipts / preview over HTTP with retries
bundle     signed offline bundles (Ed25519)
tokens     the sync token (keyring or BMN_SYNC_TOKEN)
messages   Thai / English messages
"""
