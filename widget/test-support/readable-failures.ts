/**
 * Imported by every component test file. A failed assertion that compares DOM nodes (chai's
 * `expect(element).to.equal(other)`) carries those nodes in `actual` and `expected`, and
 * web-test-runner cannot send them back: the file is then reported as "did not finish"
 * after minutes instead of as the failure it is. This root hook turns such nodes into their
 * markup, so the failure arrives with a readable diff.
 */
function readable(value: unknown): unknown {
  if (!(value instanceof Node)) return value;
  const markup = value instanceof Element ? value.outerHTML : (value.textContent ?? '');
  return markup.length > 300 ? `${markup.slice(0, 300)}…` : markup;
}

afterEach(function () {
  const error: (Error & { actual?: unknown; expected?: unknown }) | undefined = this.currentTest?.err;
  if (!error) return;
  error.actual = readable(error.actual);
  error.expected = readable(error.expected);
});
