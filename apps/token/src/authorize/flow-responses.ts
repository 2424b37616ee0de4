import { untrustedMessage, UntrustedReason } from './authorize-error';
import { errorPage } from './html/error-page';

/** What the controller sends: a page, or a redirect (303, so a form post becomes a GET). */
export type FlowResponse =
  | {
      readonly kind: 'page';
      readonly status: number;
      readonly html: string;
      readonly setCookie?: string;
      readonly retryAfterSeconds?: number;
    }
  | { readonly kind: 'redirect'; readonly location: string; readonly setCookie?: string };

export const pageResponse = (status: number, html: string, setCookie?: string): FlowResponse => ({
  kind: 'page',
  status,
  html,
  ...(setCookie === undefined ? {} : { setCookie }),
});

export const redirectResponse = (location: string, setCookie?: string): FlowResponse => ({
  kind: 'redirect',
  location,
  ...(setCookie === undefined ? {} : { setCookie }),
});

export const NOT_READY_RETRY_AFTER_SECONDS = 1;

/** Until the client table has caught up, no app can be trusted or refused with certainty. */
export const notReadyResponse = (): FlowResponse => ({
  kind: 'page',
  status: 503,
  retryAfterSeconds: NOT_READY_RETRY_AFTER_SECONDS,
  html: errorPage({
    title: 'Sign-in is starting up',
    message: 'The sign-in service is starting. Reload this page in a moment.',
  }),
});

export const untrustedResponse = (reason: UntrustedReason, setCookie?: string): FlowResponse =>
  pageResponse(
    400,
    errorPage({ title: 'This sign-in link is not valid', message: untrustedMessage(reason) }),
    setCookie,
  );

/** No interaction for this browser: it expired, was completed, or the cookie was blocked. */
export const expiredResponse = (setCookie?: string): FlowResponse =>
  pageResponse(
    400,
    errorPage({
      title: 'This sign-in has expired',
      message: 'The sign-in took too long, was already completed, or was started in another tab.',
    }),
    setCookie,
  );

/** A form post without this interaction's CSRF token: not sent from the page this server made. */
export const forgedFormResponse = (): FlowResponse =>
  pageResponse(
    403,
    errorPage({
      title: 'This form cannot be accepted',
      message: 'The form was not sent from the current sign-in page.',
    }),
  );
