import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download, downloadVerified, MAX_FILE_BYTES } from "../../../lib/sync/download";
import { sha256Hex } from "../../../lib/ingest/sha256";

let server: Server;
let base: string;
const hanging: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case "/ok":
        res.writeHead(200, { ETag: '"v1"' }).end(req.headers["if-none-match"] === '"v1"' ? "" : "hello");
        return;
      case "/cached":
        res.writeHead(req.headers["if-none-match"] === '"v1"' ? 304 : 200, { ETag: '"v1"' }).end();
        return;
      case "/error":
        res.writeHead(503, "Service Unavailable").end();
        return;
      case "/huge":
        res.writeHead(200, { "Content-Length": String(MAX_FILE_BYTES + 1) });
        res.write("x");
        hanging.push(res);
        return;
      default:
        // Never answers: the client's timeout must end the wait.
        hanging.push(res);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of hanging) res.destroy();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("download", () => {
  it("returns the bytes and the ETag", async () => {
    const got = await download(fetch, `${base}/ok`, "File");
    expect(got).toMatchObject({ ok: true, notModified: false, etag: '"v1"' });
    if (got.ok && !got.notModified) expect(new TextDecoder().decode(got.bytes)).toBe("hello");
  });

  it("reports 304 as not modified when revalidating", async () => {
    expect(await download(fetch, `${base}/cached`, "File", { etag: '"v1"' })).toEqual({ ok: true, notModified: true });
  });

  it("names the file and the HTTP status of a failed request", async () => {
    expect(await download(fetch, `${base}/error`, "Feed manifest")).toEqual({
      ok: false,
      error: expect.stringMatching(/^Feed manifest \(http:.*\/error\) answered HTTP 503 Service Unavailable\./),
    });
  });

  it("gives up on a server that does not answer", async () => {
    expect(await download(fetch, `${base}/silent`, "Shard", { timeoutMs: 200 })).toEqual({
      ok: false,
      error: expect.stringContaining("did not answer in time"),
    });
  });

  it("refuses a file larger than any feed file", async () => {
    expect(await download(fetch, `${base}/huge`, "Shard")).toMatchObject({ ok: false, error: expect.stringContaining("larger than") });
  });
});

describe("downloadVerified", () => {
  it("accepts matching content and rejects a checksum mismatch", async () => {
    expect(await downloadVerified(fetch, `${base}/ok`, sha256Hex("hello"), "Shard")).toMatchObject({ ok: true });
    expect(await downloadVerified(fetch, `${base}/ok`, sha256Hex("other"), "Shard")).toMatchObject({
      ok: false,
      error: expect.stringContaining("damaged or incomplete"),
    });
  });
});
