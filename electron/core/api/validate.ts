/**
 * Checks the arguments of every API call before it reaches the store. Both transports (Electron IPC and
 * the loopback HTTP host) receive data from a less trusted side, so nothing is passed on unchecked.
 * The checks are the argument schemas of methods.ts; a failure is one coded UserError (`api.badArgument`,
 * args.ts) naming the argument and what it should be.
 */
import { UserError } from '../errors';
import { badArgumentError, checkArg } from './args';
import { METHODS, isApiMethod } from './methods';

export { isApiMethod };

/** Throws a coded UserError naming the first bad argument (`openPlan#1`, `addColumn#3.width`). */
export function validateCall(method: string, args: unknown): asserts args is unknown[] {
  if (!isApiMethod(method)) throw UserError.coded('api.unknownMethod', { method: String(method).slice(0, 100) }, `Unknown operation "${method}".`);
  if (!Array.isArray(args)) throw badArgumentError(method, 'argumentList');
  const schemas = METHODS[method].args;
  if (args.length > schemas.length) throw badArgumentError(method, 'atMostArguments', { max: schemas.length });
  schemas.forEach((schema, i) => checkArg(schema, args[i], `${method}#${i + 1}`));
}
