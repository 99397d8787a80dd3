import { PlatformError } from '../errors';
import { loggedAlready } from '../http/log';
import type { CallKind, Unanswered } from './policies';

/**
 * What a caller is told when another service did not answer: SERVICE_UNAVAILABLE naming the
 * service (`extensions.service`), in a sentence. A write that ran out of time may still have
 * been carried out, so it says so rather than inviting a blind second attempt. The log has
 * the cause already (the caller of this logs it, or the breaker's state change did).
 */
export function serviceUnavailable(
  service: string,
  because: Unanswered,
  kind: CallKind,
  label = `${service} service`,
): PlatformError {
  let message: string;
  if (because === 'circuit open') {
    message = `The ${label} could not answer: it is unavailable at the moment; please try again in a few seconds.`;
  } else if (because === 'timed out' && kind === 'write') {
    message = `The ${label} could not answer in time; your change may still have been made: check before you try again.`;
  } else if (because === 'timed out') {
    message = `The ${label} could not answer in time; please try again later.`;
  } else {
    message = `The ${label} could not answer; please try again later.`;
  }
  const error = new PlatformError('SERVICE_UNAVAILABLE', message, { service });
  loggedAlready.add(error);
  return error;
}
