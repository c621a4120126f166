#!/usr/bin/env python3
# SQLite log pages (WAL frames) written by a profile checkpoint's save and by the deletion of the generation
# before it, for the two layouts of the checkpoint's rows, with Python's own sqlite3 (no server):
#   old: (generation, person) primary key, a second B-tree beside the rowid table (V1-V5)
#   new: INTEGER PRIMARY KEY id = generation * 2^32 + ordinal, no second B-tree (V6)
# 94,000 profiles of 600-1,400 bytes, persons in random order (the server's maps hash them), 250 rows per
# transaction, as the server writes them. Run: python3 bench/load/checkpoint-layout.py  (files in /tmp/cplayout,
# about 20 s). Results: docs/storage.md, "The rows' key (V6)".
import os, random, sqlite3, time, uuid

N, CHUNK, D = 94_000, 250, '/tmp/cplayout'


def frames(c):
    """Frames in the log since the last truncation, then truncates it (so each transaction is counted once)."""
    n = c.execute('pragma wal_checkpoint(PASSIVE)').fetchone()[1]
    c.execute('pragma wal_checkpoint(TRUNCATE)')
    return n


def run(layout):
    os.makedirs(D, exist_ok=True)
    f = f'{D}/{layout}.db'
    for x in (f, f + '-wal', f + '-shm'):
        if os.path.exists(x):
            os.remove(x)
    c = sqlite3.connect(f, isolation_level=None)
    c.execute('pragma journal_mode=wal')
    c.execute('pragma wal_autocheckpoint=0')
    c.execute('pragma synchronous=full')
    if layout == 'old':
        c.execute('create table p (generation integer not null, person text not null, data blob not null, primary key (generation, person))')
    else:
        c.execute('create table p (id integer primary key, person text not null, data blob not null)')
    rnd = random.Random(1)
    people = ['v:' + uuid.UUID(int=rnd.getrandbits(128)).hex[:22] for _ in range(N)]
    blobs = [rnd.randbytes(rnd.randint(600, 1400)) for _ in range(2000)]
    out = {}
    for g in (1, 2):
        t, n = time.time(), 0
        for i in range(0, N, CHUNK):
            c.execute('begin immediate')
            for k in range(i, min(N, i + CHUNK)):
                key = (g, people[k]) if layout == 'old' else ((g << 32) + k, people[k])
                c.execute('insert into p values (?, ?, ?)', (*key, blobs[k % 2000]))
            c.execute('commit')
            n += frames(c)
        out[f'save of generation {g}'] = (n, round(time.time() - t, 2))
    t, n = time.time(), 0
    if layout == 'old':  # as V1-V5 deleted: 250 persons at a time, in person order
        while True:
            c.execute('begin immediate')
            gone = c.execute('delete from p where generation = 1 and person in'
                             f' (select person from p where generation = 1 order by person limit {CHUNK})').rowcount
            c.execute('commit')
            n += frames(c)
            if gone == 0:
                break
    else:  # as V6 deletes: 250 consecutive ordinals at a time
        lo, last = 1 << 32, c.execute('select max(id) from p where id >= ? and id < ?', (1 << 32, 2 << 32)).fetchone()[0]
        while lo <= last:
            c.execute('begin immediate')
            c.execute('delete from p where id >= ? and id < ?', (lo, lo + CHUNK))
            c.execute('commit')
            n += frames(c)
            lo += CHUNK
    out['deletion of generation 1'] = (n, round(time.time() - t, 2))
    print(layout, '(log pages, seconds):', out, flush=True)


print('SQLite', sqlite3.sqlite_version)
run('old')
run('new')
