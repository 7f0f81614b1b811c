#ifndef CSQLITETUNING_H
#define CSQLITETUNING_H
/*
 * Process-wide SQLite settings that Swift cannot make itself: sqlite3_config() is variadic.
 */

/*
 * Turns off SQLite's memory statistics. With them on, every allocation takes one process-wide
 * mutex, and searches ranking on several reader connections at once spent a third of their
 * time waiting for it. Must run before SQLite initialises (before the first connection opens);
 * returns 0 when it took effect, non-zero when SQLite was already initialised.
 */
int csqlite_disable_memory_statistics(void);

/*
 * Lets a file name given as "file:...?immutable=1" be read as a URI, so that an index left in
 * WAL mode can be read from a read-only folder. Must run before SQLite initialises.
 */
int csqlite_enable_uri_filenames(void);

#endif
