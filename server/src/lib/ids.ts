import { v7 } from 'uuid';

/** Ids are made in the app (both databases alike); v7 is time-ordered so inserts stay index-local. */
export function newId(): string {
  return v7();
}
