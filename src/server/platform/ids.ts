import { uuidv7 } from 'uuidv7';

/** Time-ordered ids (UUIDv7): unique across processes and naturally sorted by creation. */
export const newId = (): string => uuidv7();

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isId = (value: string): boolean => uuidPattern.test(value);
