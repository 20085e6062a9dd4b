import type Database from 'better-sqlite3';

export type Db = Database.Database;

/** Milliseconds since the Unix epoch, as stored in every *_at column. */
export type EpochMs = number;
