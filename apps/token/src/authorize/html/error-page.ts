import { html } from './html';
import { page } from './layout';

export interface ErrorPageModel {
  readonly title: string;
  readonly message: string;
}

/**
 * Shown instead of redirecting when the app or its redirect URI cannot be trusted (RFC 6749
 * §4.1.2.1), and when the sign-in itself cannot go on. It never echoes request parameters.
 */
export function errorPage(model: ErrorPageModel): string {
  return page(
    model.title,
    html`<h1>${model.title}</h1>
      <p role="alert">${model.message}</p>
      <p>
        Go back to the application and start again. If this keeps happening, contact the
        application's developer or your administrator.
      </p>`,
  );
}
