// Progressive enhancement only: every page works without this file.
// An error summary takes the focus, so keyboard and screen-reader users hear what to fix.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
});
