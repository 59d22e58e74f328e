"""Ingest: raw clippings decoded, stripped of furniture, parsed, and written as article files."""
