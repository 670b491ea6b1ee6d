/* The page has JavaScript: collapsible menus may hide their contents (without it, they stay open). */
document.documentElement.classList.remove("no-js");
