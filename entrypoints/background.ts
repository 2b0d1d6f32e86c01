import { browser } from "wxt/browser";
import { sharedBriefingsDB } from "@/lib/db/database";
import { handleMessages } from "@/lib/messages";
import { forwardCommand } from "@/lib/background/focus-command";
import { createHandlers } from "@/lib/background/handlers";
import { createBackground } from "@/lib/background/service";

// Listeners are registered synchronously on every start of the service worker, so the
// events that woke it (install, alarm, message, command) are delivered.
export default defineBackground(() => {
  const bg = createBackground({ db: sharedBriefingsDB() });

  browser.runtime.onInstalled.addListener(({ reason }) => void bg.onInstalled(reason));
  browser.runtime.onStartup.addListener(() => void bg.onStartup());
  browser.alarms.onAlarm.addListener((alarm) => void bg.onAlarm(alarm.name));
  handleMessages(createHandlers(bg));

  // Absent where the browser has no keyboard commands (Firefox for Android).
  browser.commands?.onCommand.addListener((command, tab) => {
    void forwardCommand(command, tab).then((reply) => {
      if (reply && !reply.ok) console.warn("Belarus Briefings:", reply.error);
    });
  });
});
