/** Entry of a `briefings spot` matching thread, bundled to plain JavaScript by spot-worker-bundle.ts. */
import { parentPort } from "node:worker_threads";
import { serveSpotPieces } from "./spot-thread";

if (parentPort === null) throw new Error("spot-worker runs only as a worker thread of briefings spot");
serveSpotPieces(parentPort);
