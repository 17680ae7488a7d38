"""The organisation's sync server: stores signed rosters and sealed envelopes.

It authenticates devices by their roster keys and checks each envelope's
signature, but holds no team key, so it can neither read nor forge a record.
Needs the ``server`` extra (psycopg) for PostgreSQL; SQLite trial mode does not.
"""
