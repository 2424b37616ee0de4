import { html } from './html';
import { page } from './layout';

export interface LoginPageModel {
  readonly appName: string;
  /** Where the form posts (a path under the issuer). */
  readonly action: string;
  readonly csrfToken: string;
  /** Kept after a failed attempt, so only the password is typed again. */
  readonly username?: string;
  readonly error?: string;
}

/**
 * The sign-in form. The alert region is always present, so assistive technology knows it; after
 * a failure it holds the message, and both inputs point at it with aria-describedby.
 */
export function loginPage(model: LoginPageModel): string {
  const invalid = model.error === undefined ? null : html` aria-invalid="true"`;
  const described = model.error === undefined ? null : html` aria-describedby="form-error"`;
  return page(
    `Sign in to ${model.appName}`,
    html`<h1>Sign in</h1>
      <p>to continue to <strong>${model.appName}</strong></p>
      <div id="form-error" class="alert" role="alert">${model.error}</div>
      <form method="post" action="${model.action}">
        <input type="hidden" name="csrf_token" value="${model.csrfToken}" />
        <label for="username">Username</label>
        <input
          id="username"
          name="username"
          type="text"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          required
          value="${model.username ?? ''}"
          ${invalid}${described}
        />
        <label for="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autocomplete="current-password"
          required${invalid}${described}
        />
        <button type="submit">Sign in</button>
      </form>`,
  );
}
