// The document viewer's PDF pages, drawn by pdf.js (served from this origin under /pdfjs/, see
// index.html) into a canvas inside the element the viewer renders for them (pdf_view.rs).
//
// pdf.js is imported when the first PDF is opened, never before. Each document is parsed in a
// worker of its own (ended when the viewer closes it) with every path to active content shut:
// no eval (isEvalSupported), no XFA forms, no annotation layer (links, form fields) and no
// scripting (pdf.js runs a PDF's JavaScript only through its viewer's sandbox, not shipped):
// a page is only drawn.
//
// The words are the viewer's, in the reader's language: the data attributes of the element,
// which the viewer keeps up to date (a change of language relabels at once).
const BASE = "/pdfjs/";
// Largest canvas drawn, in device pixels: a very tall page is drawn smaller rather than not at all.
const MAX_PIXELS = 16777216;

let library = null;

function load() {
  library ??= import(BASE + "pdf.min.mjs").then(
    (lib) => {
      lib.GlobalWorkerOptions.workerSrc = BASE + "pdf.worker.min.mjs";
      return lib;
    },
    (error) => {
      library = null;
      throw error;
    },
  );
  return library;
}

function element(tag, className) {
  const made = document.createElement(tag);
  made.className = className;
  return made;
}

// Opens a document from its bytes (a Uint8Array the caller gives up) and shows its pages, one at
// a time, in the element `holderId`: previous and next, "page n of N" (the canvas's label too),
// each page as wide as the element and sharp at the screen's pixel ratio. Resolves to the
// document once its first page is drawn; rejects when it cannot be read or drawn.
export async function showPdf(bytes, holderId) {
  const lib = await load();
  const doc = await lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    enableXfa: false,
    cMapUrl: BASE + "cmaps/",
    standardFontDataUrl: BASE + "standard_fonts/",
    wasmUrl: BASE + "wasm/",
    iccUrl: BASE + "iccs/",
    verbosity: lib.VerbosityLevel.ERRORS,
  }).promise;
  const holder = document.getElementById(holderId);
  const pages = doc.numPages;
  const nav = element("div", "in-page pdf-pages");
  nav.setAttribute("role", "group");
  const previous = element("button", "button-secondary pdf-previous");
  const status = element("span", "pdf-page-number");
  status.setAttribute("aria-live", "polite");
  const next = element("button", "button-secondary pdf-next");
  previous.type = next.type = "button";
  nav.append(previous, status, next);
  const canvas = element("canvas", "document-page");
  canvas.setAttribute("role", "img");
  let page = 1;
  let task = null;
  const label = () => {
    const words = holder.dataset;
    const text = words.page.replace("{page}", page).replace("{pages}", pages);
    nav.setAttribute("aria-label", words.pages);
    previous.textContent = words.previous;
    next.textContent = words.next;
    status.textContent = text;
    canvas.setAttribute("aria-label", text);
    previous.disabled = page <= 1;
    next.disabled = page >= pages;
  };
  const draw = async () => {
    task?.cancel();
    delete canvas.dataset.rendered;
    const shown = page;
    const drawn = await doc.getPage(shown);
    if (shown !== page) return;
    const natural = drawn.getViewport({ scale: 1 });
    let scale = (holder.clientWidth / natural.width) * (window.devicePixelRatio || 1);
    const pixels = natural.width * natural.height * scale * scale;
    if (pixels > MAX_PIXELS) scale *= Math.sqrt(MAX_PIXELS / pixels);
    const viewport = drawn.getViewport({ scale });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    task = drawn.render({ canvasContext: canvas.getContext("2d"), viewport, annotationMode: lib.AnnotationMode.ENABLE });
    try {
      await task.promise;
    } catch (error) {
      if (error instanceof lib.RenderingCancelledException) return;
      throw error;
    }
    if (shown === page) canvas.dataset.rendered = String(page);
  };
  const turn = (by) => {
    page += by;
    label();
    draw().catch(() => {
      canvas.hidden = true;
      status.textContent = holder.dataset.unreadable;
    });
  };
  previous.onclick = () => turn(-1);
  next.onclick = () => turn(1);
  label();
  try {
    await draw();
  } catch (error) {
    doc.destroy();
    throw error;
  }
  if (pages > 1) holder.append(nav);
  holder.append(canvas);
  new MutationObserver(label).observe(holder, { attributes: true });
  return doc;
}

// Gives back what the viewer held: an object URL (an image's) or a document (its worker ends).
export function release(held) {
  if (typeof held === "string") URL.revokeObjectURL(held);
  else held.destroy();
}
