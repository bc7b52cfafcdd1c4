// The reference annotator: log in, choose an article, read it with its spans highlighted, and
// highlight a passage by selecting it (mouse or keyboard). Offsets are taken from the DOM
// selection in UTF-16 code units, as JavaScript counts, and sent with offset_unit "utf16".
// Written against the generated types (clients/typescript) with openapi-fetch; what a frontend
// team copies from.
import createClient from "openapi-fetch";

import type { components, paths } from "../../typescript/src/schema.js";

type Article = components["schemas"]["Article"];
type Span = components["schemas"]["Span"];
type Problem = components["schemas"]["Problem"];

const TOKEN_KEY = "factcheck-token";

function element<T extends HTMLElement>(id: string, kind: new () => T): T {
  const found = document.getElementById(id);
  if (!(found instanceof kind)) throw new Error(`The page has no ${kind.name} #${id}.`);
  return found;
}

const ui = {
  login: element("login", HTMLFormElement),
  username: element("username", HTMLInputElement),
  password: element("password", HTMLInputElement),
  status: element("status", HTMLParagraphElement),
  workspace: element("workspace", HTMLElement),
  articles: element("articles", HTMLSelectElement),
  reader: element("reader", HTMLElement),
  title: element("article-title", HTMLHeadingElement),
  body: element("article-body", HTMLElement),
  note: element("note", HTMLInputElement),
  highlight: element("highlight", HTMLButtonElement),
  spans: element("spans", HTMLUListElement),
  orphaned: element("orphaned", HTMLUListElement),
  claimForm: element("claim-form", HTMLFormElement),
  claimText: element("claim-text", HTMLInputElement),
  claimant: element("claimant", HTMLInputElement),
  similar: element("similar", HTMLUListElement),
};

function client(token: string | null) {
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  return createClient<paths>({ baseUrl: window.location.origin, headers });
}

let api = client(sessionStorage.getItem(TOKEN_KEY));
let article: Article | null = null;

function say(message: string): void {
  ui.status.textContent = message;
}

function problem(error: Problem | undefined, doing: string): void {
  say(error ? `Could not ${doing}: ${error.detail}` : `Could not ${doing}.`);
}

async function logIn(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const { data, error } = await client(null).POST("/api/v1/auth/token/", {
    body: { username: ui.username.value, password: ui.password.value },
  });
  if (!data) return problem(error, "log in");
  sessionStorage.setItem(TOKEN_KEY, data.token);
  api = client(data.token);
  ui.password.value = "";
  await listArticles();
}

async function listArticles(): Promise<void> {
  const { data, error } = await api.GET("/api/v1/articles/", {
    params: { query: { page_size: 100 } },
  });
  if (!data) return problem(error, "list the articles");
  ui.login.hidden = true;
  ui.workspace.hidden = false;
  ui.articles.replaceChildren(
    new Option("Choose an article", ""),
    ...data.results.map((item) => new Option(item.title, item.id)),
  );
  say(`${data.count} articles.`);
}

async function open(id: string): Promise<void> {
  const { data, error } = await api.GET("/api/v1/articles/{id}/annotations/", {
    params: { path: { id } },
  });
  if (!data) return problem(error, "open the article");
  article = data.article;
  ui.title.textContent = article.title;
  render(article.body, data.spans);
  ui.reader.hidden = false;
  say(`${data.spans.length} spans.`);
}

/** The body as text, each passage covered by spans in a <mark> naming them. */
function render(body: string, spans: Span[]): void {
  const placed = spans.filter((span) => span.anchor_state !== "orphaned");
  const cuts = new Set([0, body.length]);
  for (const span of placed) cuts.add(span.start_utf16).add(span.end_utf16);
  const bounds = [...cuts].sort((a, b) => a - b);
  const parts: Node[] = [];
  for (let index = 0; index + 1 < bounds.length; index++) {
    const from = bounds[index] ?? 0;
    const to = bounds[index + 1] ?? body.length;
    const text = body.slice(from, to);
    const covering = placed.filter((span) => span.start_utf16 <= from && to <= span.end_utf16);
    if (covering.length === 0) {
      parts.push(document.createTextNode(text));
      continue;
    }
    const mark = document.createElement("mark");
    mark.textContent = text;
    mark.dataset.spans = covering.map((span) => span.id).join(" ");
    mark.className = covering.map((span) => `state-${span.anchor_state}`).join(" ");
    parts.push(mark);
  }
  ui.body.replaceChildren(...parts);
  ui.spans.replaceChildren(...placed.map(listItem));
  ui.orphaned.replaceChildren(
    ...spans.filter((span) => span.anchor_state === "orphaned").map(listItem),
  );
}

function listItem(span: Span): HTMLLIElement {
  const item = document.createElement("li");
  item.dataset.span = span.id;
  const text = document.createElement("span");
  text.textContent = `“${span.quote}” (${span.anchor_state})${span.note ? `: ${span.note}` : ""}`;
  const tick = document.createElement("input");
  tick.type = "checkbox";
  tick.value = span.id;
  tick.className = "cite";
  tick.setAttribute("aria-label", `Cite “${span.quote}” in a claim`);
  const edit = document.createElement("button");
  edit.type = "button";
  edit.textContent = "Edit note";
  edit.setAttribute("aria-label", `Edit the note of “${span.quote}”`);
  edit.addEventListener("click", () => void editNote(span.id, item));
  item.append(tick, " ", text, " ", edit);
  return item;
}

/** The span as it is now, and the ETag a change of it must send back in If-Match. */
async function current(id: string): Promise<{ span: Span; etag: string } | null> {
  const { data, error, response } = await api.GET("/api/v1/spans/{id}/", {
    params: { path: { id } },
    headers: { Accept: "application/json" },
  });
  const etag = response.headers.get("ETag");
  // The span's JSON (asked for), not its Web Annotation (the other type this path has).
  if (!data || !("anchor_state" in data) || !etag) {
    problem(error, "read the span");
    return null;
  }
  return { span: data, etag };
}

/** A note edited in place. The change is sent with If-Match: if someone changed the span
 * since it was read (412), their version is shown, to be reloaded into the form. */
async function editNote(id: string, item: HTMLLIElement): Promise<void> {
  let read = await current(id);
  if (!read) return;
  const form = document.createElement("form");
  const field = document.createElement("input");
  field.value = read.span.note;
  const label = document.createElement("label");
  label.append("New note ", field);
  const save = document.createElement("button");
  save.textContent = "Save note";
  const conflict = document.createElement("p");
  conflict.setAttribute("role", "alert");
  form.append(label, " ", save, conflict);
  item.append(form);
  field.focus();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      if (!read) return;
      const { data, error, response } = await api.PATCH("/api/v1/spans/{id}/", {
        params: { path: { id }, header: { "If-Match": read.etag } },
        body: { note: field.value },
      });
      if (response.status === 412) {
        const theirs = await current(id);
        if (!theirs) return;
        conflict.replaceChildren(
          `Someone changed this span since you opened it; its note is now “${theirs.span.note}”. `,
          reloadButton(() => {
            read = theirs;
            field.value = theirs.span.note;
            conflict.replaceChildren();
          }),
        );
        return;
      }
      if (!data) return problem(error, "save the note");
      if (article) await open(article.id);
      say(`Saved the note of “${data.quote}”.`);
    })();
  });
}

function reloadButton(reload: () => void): HTMLButtonElement {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Reload their version";
  button.addEventListener("click", reload);
  return button;
}

/** Where a boundary of the selection is in the body's text, in UTF-16 code units. */
function offset(node: Node, at: number): number {
  const before = document.createRange();
  before.setStart(ui.body, 0);
  before.setEnd(node, at);
  return before.toString().length;
}

/** The passage last selected in the body, kept while the note is typed (focusing the note
 * field ends the document's selection). */
let selected: { start: number; end: number; text: string } | null = null;

function rememberSelection(): void {
  const selection = window.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
  if (!range || range.collapsed || !ui.body.contains(range.commonAncestorContainer)) return;
  const start = offset(range.startContainer, range.startOffset);
  const end = offset(range.endContainer, range.endOffset);
  selected = { start, end, text: range.toString() };
  say(`Selected “${selected.text}”: add a note if you like, then highlight it.`);
}

async function highlight(): Promise<void> {
  if (!article || !selected) return say("Select a passage of the article first.");
  const { start, end } = selected;
  const { data, error } = await api.POST("/api/v1/spans/", {
    body: { article: article.id, start, end, offset_unit: "utf16", note: ui.note.value },
  });
  if (!data) return problem(error, "highlight the passage");
  selected = null;
  window.getSelection()?.removeAllRanges();
  ui.note.value = "";
  await open(article.id);
  say(`Highlighted “${data.quote}”.`);
}

/** "Checked before?": the claims most like the text being typed, with their verdicts, asked
 * for once typing pauses. */
let typing: number | undefined;

function checkBefore(): void {
  window.clearTimeout(typing);
  typing = window.setTimeout(() => void showSimilar(ui.claimText.value), 300);
}

async function showSimilar(text: string): Promise<void> {
  if (text.trim().length < 3) return ui.similar.replaceChildren();
  const { data, error } = await api.GET("/api/v1/claims/similar/", {
    params: { query: { text, limit: 5 } },
  });
  if (!data) return problem(error, "look for claims checked before");
  if (text !== ui.claimText.value) return; // an answer to an earlier text
  ui.similar.replaceChildren(
    ...data.map((hit) => {
      const item = document.createElement("li");
      const verdict = hit.published_verdict;
      item.textContent =
        `${hit.text} (score ${hit.score.toFixed(2)})` +
        (verdict ? `: checked, ${verdict.rating_label}` : ": not checked yet");
      return item;
    }),
  );
}

async function createClaim(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const spans = [...ui.spans.querySelectorAll<HTMLInputElement>("input.cite:checked")].map(
    (tick) => tick.value,
  );
  const { data, error } = await api.POST("/api/v1/claims/", {
    body: { text: ui.claimText.value, claimant: ui.claimant.value, spans },
  });
  if (!data) return problem(error, "create the claim");
  ui.claimForm.reset();
  ui.similar.replaceChildren();
  if (article) await open(article.id);
  say(`Created the claim “${data.text}”, citing ${data.spans.length} spans.`);
}

ui.claimText.addEventListener("input", checkBefore);
ui.claimForm.addEventListener("submit", (event) => void createClaim(event));

// selectionchange comes late (a task later): the mouse's and the keys' own ends of a
// selection are remembered at once, before focus can move to the note field.
document.addEventListener("selectionchange", rememberSelection);
ui.body.addEventListener("mouseup", rememberSelection);

/** Keyboard selection in the body (it is not editable, so browsers give it no caret): arrows,
 * Home and End move a caret, with Shift they extend the selection, with Ctrl by words. */
const MOVES: Record<string, [Direction, Granularity]> = {
  ArrowLeft: ["backward", "character"],
  ArrowRight: ["forward", "character"],
  ArrowUp: ["backward", "line"],
  ArrowDown: ["forward", "line"],
  Home: ["backward", "lineboundary"],
  End: ["forward", "lineboundary"],
};
type Direction = "backward" | "forward";
type Granularity = "character" | "word" | "line" | "lineboundary";

ui.body.addEventListener("keydown", (event) => {
  const move = MOVES[event.key];
  const selection = window.getSelection();
  if (!move || !selection) return;
  if (selection.rangeCount === 0 || !ui.body.contains(selection.anchorNode)) {
    selection.collapse(ui.body, 0);
  }
  const [direction, granularity] = move;
  const by = event.ctrlKey && granularity === "character" ? "word" : granularity;
  selection.modify(event.shiftKey ? "extend" : "move", direction, by);
  event.preventDefault();
  rememberSelection();
});
ui.login.addEventListener("submit", (event) => void logIn(event));
ui.articles.addEventListener("change", () => {
  if (ui.articles.value) void open(ui.articles.value);
});
ui.highlight.addEventListener("click", () => void highlight());
if (sessionStorage.getItem(TOKEN_KEY)) void listArticles();
