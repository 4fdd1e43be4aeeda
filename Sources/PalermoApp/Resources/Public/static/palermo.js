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

// The year's figures are checked against the validation rules as they are typed; the server
// checks them again on saving. Rules come from /api/v1/validation-rules, the same file the
// server reads.
document.addEventListener("DOMContentLoaded", async () => {
  const form = document.querySelector("form.entry");
  const panel = document.getElementById("rule-check");
  if (!form || !panel) return;
  let rules = [];
  try {
    rules = await (await fetch("/api/v1/validation-rules")).json();
  } catch (e) {
    return;
  }
  const language = document.documentElement.lang || "en";
  const parse = (text) => {
    const t = text.trim().replace(/[ ,]/g, "");
    if (t === "") return null;
    const censored = /^<(\d+)$/.exec(t);
    if (censored) return [0, Number(censored[1]) - 1];
    if (/^\d+$/.test(t)) return [Number(t), Number(t)];
    return "bad";
  };
  const cells = () => {
    const found = [];
    for (const input of form.querySelectorAll("input[name^='v|']")) {
      const [, indicator, breakdown, category, sex, age] = input.name.split("|");
      found.push({ input, value: parse(input.value), indicator, breakdown, category, sex, age });
    }
    for (const input of form.querySelectorAll("input[name$='|value'][name^='c|']")) {
      const text = form.querySelector(`input[name='${input.name.replace("|value", "|text")}']`);
      if (text && text.value.trim() !== "") {
        found.push({ input, value: parse(input.value), indicator: "VICTIMS_DETECTED", breakdown: "CITIZENSHIP",
                     category: text.value.trim(), sex: "_T", age: "_T" });
      }
    }
    return found;
  };
  const matches = (selector, cell) =>
    ["indicator", "breakdown", "category", "sex", "age"].every((d) => !selector[d] || selector[d].includes(cell[d]));
  const describe = (bounds) => (bounds[0] === bounds[1] ? String(bounds[0]) : bounds[0] === 0 ? `<${bounds[1] + 1}` : `${bounds[0]}–${bounds[1]}`);
  const check = () => {
    const all = cells();
    const messages = [];
    for (const cell of all) cell.input.removeAttribute("aria-invalid");
    for (const cell of all.filter((c) => c.value === "bad")) {
      cell.input.setAttribute("aria-invalid", "true");
    }
    const usable = all.filter((c) => Array.isArray(c.value));
    for (const rule of rules) {
      const groups = new Map();
      for (const cell of usable) {
        const key = rule.over.map((d) => cell[d]).join(" · ");
        const group = groups.get(key) || { left: null, right: null };
        if (matches(rule.left, cell)) group.left = group.left ? [group.left[0] + cell.value[0], group.left[1] + cell.value[1]] : cell.value;
        if (matches(rule.right, cell)) group.right = group.right ? [group.right[0] + cell.value[0], group.right[1] + cell.value[1]] : cell.value;
        groups.set(key, group);
      }
      for (const [key, { left, right }] of groups) {
        if (!left || !right) continue;
        const broken = rule.op === "<=" ? left[0] > right[1] : left[1] < right[0];
        if (!broken) continue;
        const template = rule.message[language] || rule.message.en;
        messages.push({ severity: rule.severity,
                        text: template.replace("{left}", describe(left)).replace("{right}", describe(right)).replace("{group}", key) });
      }
    }
    panel.replaceChildren(...messages.map((m) => {
      const item = document.createElement("li");
      item.className = m.severity;
      item.textContent = m.text;
      return item;
    }));
  };
  form.addEventListener("input", check);
  check();
});
