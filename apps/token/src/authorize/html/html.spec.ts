import { escapeHtml, html, trustedHtml } from './html';

// Called through an alias so that the formatter leaves the exact markup of these tests alone.
const tpl = html;

describe('HTML escaping of the authorization pages', () => {
  it('escapes the five characters that matter in content and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes every interpolated string, in content and attribute values alike', () => {
    const name = '<script>alert(1)</script>';
    const value = '" autofocus onfocus="alert(1)';
    expect(tpl`<p>${name}</p><input value="${value}">`.value).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>' +
        '<input value="&quot; autofocus onfocus=&quot;alert(1)">',
    );
  });

  it('keeps nested templates and trusted markup, and escapes the text inside lists', () => {
    const items = ['a<b', 'c&d'].map((t) => tpl`<li>${t}</li>`);
    expect(tpl`<ul>${items}</ul>${trustedHtml('<hr>')}`.value).toBe(
      '<ul><li>a&lt;b</li><li>c&amp;d</li></ul><hr>',
    );
  });

  it('renders nothing for null, undefined and false, and numbers as digits', () => {
    expect(tpl`[${null}${undefined}${false}${42}]`.value).toBe('[42]');
  });
});
