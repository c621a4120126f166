#!/usr/bin/env python3
# The SQLite journal's WAL frames per commit for two layouts, with Python's own sqlite3 (no server):
# a rowid table with its (site, seq) primary key as a second B-tree (what V1 made), against the rows stored
# in the key's B-tree (WITHOUT ROWID). Rows of 600-1,350 bytes, as the load run's records.
#   python3 bench/load/journal-layout.py      (files in /tmp/layout; about a minute)
# Results: docs/performance.md, the eleventh session.
# WAL frames per commit for the journal's two layouts: rowid table + PK index vs WITHOUT ROWID.
import sqlite3, os, struct, random, sys, time
def run(clustered, commits=3000, per=10, d='/tmp/layout'):
    """clustered: False (rowid table + (site, seq) index), True (WITHOUT ROWID), or 'rowid' (the key folded into
    the rowid: INTEGER PRIMARY KEY = site number << 40 | seq, no second B-tree; a possible layout, not the server's)."""
    os.makedirs(d, exist_ok=True)
    f=f'{d}/{clustered}.db'
    for x in (f, f+'-wal', f+'-shm'):
        if os.path.exists(x): os.remove(x)
    c=sqlite3.connect(f, isolation_level=None)
    c.execute('pragma journal_mode=wal'); c.execute('pragma synchronous=full'); c.execute('pragma wal_autocheckpoint=0')
    if clustered == 'rowid':
        c.execute('''CREATE TABLE journal (rid INTEGER PRIMARY KEY, site TEXT NOT NULL, seq INTEGER NOT NULL, visitor TEXT NOT NULL,
          user_id TEXT, event_ids TEXT NOT NULL, received_at INTEGER NOT NULL, request TEXT NOT NULL, prev_seq INTEGER NOT NULL DEFAULT 0)''')
    else:
        c.execute('''CREATE TABLE journal (site TEXT NOT NULL, seq INTEGER NOT NULL, visitor TEXT NOT NULL, user_id TEXT,
          event_ids TEXT NOT NULL, received_at INTEGER NOT NULL, request TEXT NOT NULL, prev_seq INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (site, seq))''' + (' WITHOUT ROWID' if clustered else ''))
    c.execute('pragma wal_checkpoint(truncate)')
    rnd=random.Random(1); seq=0
    t=time.perf_counter()
    for i in range(commits):
        c.execute('BEGIN IMMEDIATE')
        for k in range(per):
            seq+=1
            n=rnd.randint(600,1350)
            row = ('demo-shop', seq, 'v_%08d'%rnd.randint(0,99999), None, '["e_x_%d"]'%seq, 1764000000000+seq, 'x'*n, seq-5)
            if clustered == 'rowid':
                c.execute('INSERT INTO journal VALUES (?,?,?,?,?,?,?,?,?)', ((1 << 40) | seq,) + row)
            else:
                c.execute('INSERT INTO journal VALUES (?,?,?,?,?,?,?,?)', row)
        c.execute('COMMIT')
    el=time.perf_counter()-t
    wal=os.path.getsize(f+'-wal')
    frames=(wal-32)//(24+4096)
    pages=c.execute('pragma page_count').fetchone()[0]
    c.execute('pragma wal_checkpoint(truncate)')
    name = {False: 'rowid + index', True: 'WITHOUT ROWID', 'rowid': 'key in the rowid'}[clustered]
    print(f'{name}: {frames/commits:.2f} frames per commit of {per}, {pages} pages for {seq} rows, {el/commits*1e6:.0f} us per commit (incl. fsync)')
for per in (10, 20):
    run(False, per=per); run(True, per=per); run('rowid', per=per)
