/**
 * Where "now" comes from. The app reads the time through one clock so that tests (and
 * simulations of a whole fiscal year) can set it instead of rewriting timestamps in the database.
 */
export type Clock = () => Date;

/** The real time. */
export const systemClock: Clock = () => new Date();
