// infoview's page: the keyboard goes to the app as soon as it opens, as in a terminal.
// textual.js builds the terminal on load but leaves it unfocused: the first keys would go
// nowhere, and the app, told nothing, would start "blurred" (its footer of keys hidden).
// Once the app has drawn (textual.js then marks the body "-first-byte"), focusing the
// terminal's input makes textual.js tell the app it has the focus. Served from this server.
window.addEventListener("load", () => {
  const focusTheApp = () => {
    const input = document.querySelector(".xterm-helper-textarea");
    if (!input) return;
    input.blur();
    input.focus();
  };
  const body = document.body;
  if (body.classList.contains("-first-byte")) {
    focusTheApp();
    return;
  }
  const watch = new MutationObserver(() => {
    if (body.classList.contains("-first-byte")) {
      watch.disconnect();
      setTimeout(focusTheApp, 50);
    }
  });
  watch.observe(body, { attributes: true, attributeFilter: ["class"] });
});
