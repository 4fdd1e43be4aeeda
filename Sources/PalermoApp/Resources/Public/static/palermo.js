// Progressive enhancement only: every page works without this file.
// An error summary takes the focus, so keyboard and screen-reader users hear what to fix.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.querySelector(".error-summary");
  if (summary) summary.focus();
});

// Uploads show their progress: the form is sent by XHR, and the report page replaces this one.
document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form.upload")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const bar = document.getElementById(form.dataset.progress);
      const request = new XMLHttpRequest();
      request.open("POST", form.action);
      request.setRequestHeader("X-CSRF-Token", document.querySelector('meta[name="csrf-token"]').content);
      if (bar) bar.hidden = false;
      request.upload.addEventListener("progress", (e) => {
        if (bar && e.lengthComputable) bar.value = Math.round((100 * e.loaded) / e.total);
      });
      request.addEventListener("load", () => {
        document.open();
        document.write(request.responseText);
        document.close();
      });
      request.send(new FormData(form));
    });
  }
});
