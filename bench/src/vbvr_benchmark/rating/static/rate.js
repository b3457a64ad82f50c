// Keyboard rating: 1-5 rate the highlighted scale and move to the next one, arrows change scale,
// "c" focuses the comment, Enter saves once all three scales are rated. Typing in the comment is left alone.
(function () {
  "use strict";
  const form = document.getElementById("rating-form");
  if (!form) { return; }
  const scales = Array.from(form.querySelectorAll("fieldset.scale"));
  const saveButton = document.getElementById("save");
  let active = 0;

  function highlight(position) {
    active = Math.max(0, Math.min(scales.length - 1, position));
    scales.forEach((fieldset, index) => fieldset.classList.toggle("active", index === active));
  }

  function firstUnrated() {
    const index = scales.findIndex((fieldset) => !fieldset.querySelector("input:checked"));
    return index === -1 ? scales.length - 1 : index;
  }

  function save() {
    const missing = firstUnrated();
    if (scales[missing].querySelector("input:checked")) {
      form.requestSubmit();
    } else {
      highlight(missing);
    }
  }

  scales.forEach((fieldset, index) => fieldset.addEventListener("change", () => highlight(index + 1)));
  form.addEventListener("submit", () => { saveButton.disabled = true; });  // no double submission

  document.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLTextAreaElement || event.altKey || event.ctrlKey || event.metaKey) {
      if (event.key === "Escape") { event.target.blur(); }
      return;
    }
    if (event.key >= "1" && event.key <= "5") {
      const input = scales[active].querySelector(`input[value="${event.key}"]`);
      input.checked = true;
      highlight(active + 1);
      event.preventDefault();
    } else if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
      highlight(active - 1);
      event.preventDefault();
    } else if (event.key === "ArrowRight" || event.key === "ArrowDown") {
      highlight(active + 1);
      event.preventDefault();
    } else if (event.key === "c") {
      document.getElementById("comment").focus();
      event.preventDefault();
    } else if (event.key === "Enter") {
      save();
      event.preventDefault();
    }
  });

  highlight(0);
}());
