import { randomBytes } from "node:crypto";

let counter = randomBytes(2).readUInt16BE();

/**
 * newId: a collision-resistant id in the shape of the schema's cuid() defaults ("c", time, a
 * counter and 64 random bits, base 36). For rows whose id the app needs before they are
 * written: a batch transaction cannot read back an id between its statements.
 */
export function newId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  return [
    "c",
    Date.now().toString(36).padStart(9, "0"),
    counter.toString(36).padStart(4, "0"),
    randomBytes(8).readBigUInt64BE().toString(36).padStart(13, "0"),
  ].join("");
}
