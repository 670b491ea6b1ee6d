/* The Jalali date picker on Persian pages: every input marked data-jdp (core.pickers). */
(function () {
  "use strict";
  function start() {
    if (!window.jalaliDatepicker) return;
    window.jalaliDatepicker.startWatch({
      persianDigits: true,
      time: true,
      hasSecond: false,
      autoReadOnlyInput: false,
      zIndex: 2000,
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
