/** The toolbar popup: what the archive holds, whether it is syncing, and this site's switch. */
import type { BackgroundStatus } from "../lib/messages";

export interface PopupProps {
  status: BackgroundStatus | null;
  statusError: string | null;
  site: string | null;
  siteEnabled: boolean;
  onToggleSite(enabled: boolean): void;
}

function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function Popup({ status, statusError, site, siteEnabled, onToggleSite }: PopupProps) {
  return (
    <div class="popup">
      <h1>Belarus Briefings</h1>
      {statusError ? (
        <p class="popup-error" role="alert">{statusError}</p>
      ) : !status ? (
        <p role="status">Reading the archive…</p>
      ) : (
        <div role="status" aria-live="polite">
          <p>
            <strong>{status.articles.toLocaleString()}</strong> briefings · <strong>{status.entities.toLocaleString()}</strong> names in your archive
          </p>
          {status.syncing ? (
            <p>
              Syncing
              {status.progress ? ` ${status.progress.phase}: ${status.progress.done} of ${status.progress.total}` : "…"}
              {status.progress && status.progress.total > 0 ? (
                <progress max={status.progress.total} value={status.progress.done} aria-label="Sync progress" />
              ) : null}
            </p>
          ) : status.lastSync ? (
            <p class="popup-muted">Last updated {formatTime(status.lastSync)}</p>
          ) : null}
          {status.lastError ? <p class="popup-error" role="alert">{status.lastError}</p> : null}
        </div>
      )}
      {site ? (
        <label class="popup-switch">
          <input type="checkbox" checked={siteEnabled} onChange={(e) => onToggleSite((e.currentTarget as HTMLInputElement).checked)} />
          Spot names on <strong>{site}</strong>
        </label>
      ) : (
        <p class="popup-muted">Names are spotted on web pages (http and https).</p>
      )}
      <p class="popup-muted">Page text never leaves your browser.</p>
    </div>
  );
}
