// The whole annotation flow through the generated types and openapi-fetch, as a frontend
// would write it: no casts, no non-null assertions. `npm run example` runs it against
// FACTCHECK_URL (default http://127.0.0.1:8000) with the demo users (`make run`).
import createClient from "openapi-fetch";

import type { components, paths } from "../src/schema.js";

type Span = components["schemas"]["Span"];
type Problem = components["schemas"]["Problem"];

const baseUrl = process.env.FACTCHECK_URL ?? "http://127.0.0.1:8000";

function check(condition: boolean, what: string): void {
  if (!condition) throw new Error(`Failed: ${what}`);
}

function required<T>(value: T | undefined, what: string, problem?: Problem): T {
  if (value === undefined) {
    throw new Error(`${what}: ${problem ? `${problem.type} ${problem.detail}` : "no body"}`);
  }
  return value;
}

async function main(): Promise<void> {
  const anonymous = createClient<paths>({ baseUrl });
  const login = await anonymous.POST("/api/v1/auth/token/", {
    body: { username: "demo-editor", password: "demo-password" },
  });
  const { token } = required(login.data, "log in", login.error);
  const api = createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });

  // An article whose body has characters outside the BMP: offsets in JavaScript are UTF-16.
  const body = "Fact-checkers 🧐 read it twice: the minister said unemployment fell to 3% in May.";
  const created = await api.POST("/api/v1/articles/", {
    body: { title: `Client example ${Date.now()}`, body, language: "en" },
  });
  const article = required(created.data, "create the article", created.error);

  // A span by UTF-16 offsets, as a DOM selection gives them.
  const passage = "unemployment fell to 3%";
  const start = body.indexOf(passage);
  const byOffsets = await api.POST("/api/v1/spans/", {
    body: { article: article.id, start, end: start + passage.length, offset_unit: "utf16" },
  });
  const span: Span = required(byOffsets.data, "span by offsets", byOffsets.error);
  check(body.slice(span.start_utf16, span.end_utf16) === span.quote, "the UTF-16 slice is the quote");
  check(span.quote === passage, "the quote is the passage");
  const codePoints: number = span.start; // always present: no Unset, no undefined
  check(codePoints === start - 1, "code points count the emoji once");

  // A span by quote: the server finds it.
  const byQuote = await api.POST("/api/v1/spans/", {
    body: { article: article.id, quote: "the minister" },
  });
  const quoted = required(byQuote.data, "span by quote", byQuote.error);
  check(body.slice(quoted.start_utf16, quoted.end_utf16) === "the minister", "quote found");

  // A claim citing both; its likely duplicates come with the creation only.
  const claimed = await api.POST("/api/v1/claims/", {
    body: { text: "Unemployment fell to 3% in May.", spans: [span.id, quoted.id] },
  });
  const claim = required(claimed.data, "create the claim", claimed.error);
  const duplicates: number = claim.similar_claims.length;
  check(duplicates >= 0, "similar_claims is a list");

  // The one-shot view for annotation UIs.
  const oneShot = await api.GET("/api/v1/articles/{id}/annotations/", {
    params: { path: { id: article.id } },
  });
  const annotations = required(oneShot.data, "the one-shot view", oneShot.error);
  check(annotations.spans.length === 2 && annotations.claims.length === 1, "one-shot contents");

  // Conditional requests: 304 for what the client holds, 412 for a stale change.
  const read = await api.GET("/api/v1/spans/{id}/", { params: { path: { id: span.id } } });
  const etag = required(read.response.headers.get("ETag") ?? undefined, "an ETag");
  const again = await api.GET("/api/v1/spans/{id}/", {
    params: { path: { id: span.id }, header: { "If-None-Match": etag } },
  });
  check(again.response.status === 304, "304 Not Modified");
  const changed = await api.PATCH("/api/v1/spans/{id}/", {
    params: { path: { id: span.id }, header: { "If-Match": etag } },
    body: { note: "Checked against the statistics office." },
  });
  check(changed.response.status === 200, "a change with the current ETag");
  const stale = await api.PATCH("/api/v1/spans/{id}/", {
    params: { path: { id: span.id }, header: { "If-Match": etag } },
    body: { note: "A second, stale edit." },
  });
  check(stale.response.status === 412, "412 for a stale ETag");
  const problemType: Problem["type"] = required(stale.error, "a problem").type;
  check(problemType === "urn:factcheck:problem:precondition-failed", "the problem type");

  console.log(`client flow passed: article ${article.id}, spans ${span.id} and ${quoted.id}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
