// The document viewer's bridge to pdf.js, served from this origin under /pdfjs/ (index.html).
//
// pdf.js is imported when the first PDF is opened, never before. Each document is parsed in a
// worker of its own (ended when the viewer closes it) with every path to active content shut:
// no eval (isEvalSupported), no XFA forms, no annotation layer (links, form fields) and no
// scripting (pdf.js runs a PDF's JavaScript only through its viewer's sandbox, not shipped):
// a page is only drawn, into a canvas.
const BASE = "/pdfjs/";
// Largest canvas drawn, in device pixels: a very tall page is drawn smaller rather than not at all.
const MAX_PIXELS = 16777216;

let library = null;
let pdfjs = null;

function load() {
  library ??= import(BASE + "pdf.min.mjs").then(
    (lib) => {
      lib.GlobalWorkerOptions.workerSrc = BASE + "pdf.worker.min.mjs";
      pdfjs = lib;
      return lib;
    },
    (error) => {
      library = null;
      throw error;
    },
  );
  return library;
}

// Opens a document from its bytes (a Uint8Array the caller gives up) and draws its first page into
// the canvas `canvasId`; resolves to the document, rejects when it cannot be read or drawn.
export async function openPdf(bytes, canvasId) {
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
  try {
    await renderPage(doc, 1, canvasId);
  } catch (error) {
    doc.destroy();
    throw error;
  }
  return doc;
}

export function pageCount(doc) {
  return doc.numPages;
}

// The latest call for each canvas: an earlier one stops drawing or never starts.
const latest = new WeakMap();

// Draws page `number` into the canvas `canvasId`, as wide as the box that holds it (the canvas
// may still be hidden) and sharp at the screen's pixel ratio. Resolves to false when a later call
// for the same canvas took over.
export async function renderPage(doc, number, canvasId) {
  const canvas = document.getElementById(canvasId);
  if (!canvas) return false;
  const call = {};
  latest.get(canvas)?.task?.cancel();
  latest.set(canvas, call);
  delete canvas.dataset.rendered;
  const page = await doc.getPage(number);
  if (latest.get(canvas) !== call) return false;
  const natural = page.getViewport({ scale: 1 });
  const width = canvas.parentElement.clientWidth || natural.width;
  let scale = (width / natural.width) * (window.devicePixelRatio || 1);
  const pixels = natural.width * natural.height * scale * scale;
  if (pixels > MAX_PIXELS) scale *= Math.sqrt(MAX_PIXELS / pixels);
  const viewport = page.getViewport({ scale });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  call.task = page.render({
    canvasContext: canvas.getContext("2d"),
    viewport,
    annotationMode: pdfjs.AnnotationMode.ENABLE,
  });
  try {
    await call.task.promise;
  } catch (error) {
    if (error instanceof pdfjs.RenderingCancelledException) return false;
    throw error;
  }
  if (latest.get(canvas) !== call) return false;
  canvas.dataset.rendered = String(number);
  return true;
}

// Gives back what the viewer held: an object URL (an image's) or a document (its worker ends).
export function release(held) {
  if (typeof held === "string") URL.revokeObjectURL(held);
  else held.destroy();
}
