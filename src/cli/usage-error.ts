import { BuildError } from '../errors.js';

/** A misused flag or a bad config file: the CLI prints it with its hint and exits 2, not 1. */
export class UsageError extends BuildError {}
