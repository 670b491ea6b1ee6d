// Buttons marked data-print open the browser's print dialogue (no inline handlers: the
// content security policy allows scripts from this site only).
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-print]");
  if (button) {
    event.preventDefault();
    window.print();
  }
});
