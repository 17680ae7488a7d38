"""Sync: encrypted, signed envelopes of changes between a team's devices (docs/sync.md)."""
