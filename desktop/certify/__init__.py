"""Certification (รับรองข้อมูล) of an area's survey year by its working group (DESIGN.md §1, §3).

It sits above desktop/reports and desktop/sync because it combines them: the figures printed on the form
come from the report summaries, the fingerprint is the sync's content digest of the data as corrected, and
the province server recomputes the same. Only the lock it puts on certified data lives below, in
desktop/models/locks.py, so that a correction can be refused without importing this package.

certification  certify, re-open, preview, the area a certification covers, child-first rule
check          what changed since a certification (verify, QR content, per-household line digests)
messages       Thai / English messages of the feature
"""
