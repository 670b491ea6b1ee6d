// Proof of work asked after repeated failed attempts (ID-11; ALTCHA's protocol, self-hosted).
// Fetches a challenge, finds the number whose SHA-256 matches, and puts the proof into the
// form's hidden "proof" field; the person then sends the form again as usual.
(function () {
  "use strict";
  var box = document.querySelector("[data-proof-challenge]");
  if (!box || !window.crypto || !window.crypto.subtle) { return; }
  var form = box.closest("form");
  var input = form && form.querySelector("input[name=proof]");
  if (!input) { return; }
  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }
  async function solve(c) {
    var encoder = new TextEncoder();
    for (var n = 0; n <= c.maxnumber; n++) {
      var digest = hex(await crypto.subtle.digest("SHA-256", encoder.encode(c.salt + n)));
      if (digest === c.challenge) { return n; }
    }
    return null;
  }
  fetch(box.getAttribute("data-proof-challenge"), { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (c) {
      return solve(c).then(function (n) {
        if (n === null) { return; }
        input.value = btoa(JSON.stringify({
          algorithm: c.algorithm, challenge: c.challenge, number: n, salt: c.salt,
          signature: c.signature
        }));
        box.textContent = box.getAttribute("data-done");
      });
    });
})();
