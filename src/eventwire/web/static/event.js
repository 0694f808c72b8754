/* eventwire event page: the review buttons (write mode) post to /api/judgments. */
(() => {
  "use strict";
  document.addEventListener("DOMContentLoaded", () => {
    const box = document.querySelector("#review");
    if (!box) return;
    const note = box.querySelector(".review-note");
    const token = box.querySelector(".review-token"), who = box.querySelector(".review-who");
    token.value = sessionStorage.getItem("eventwire-token") || "";
    who.value = localStorage.getItem("eventwire-who") || "";
    for (const b of box.querySelectorAll("button[data-verdict]")) {
      b.addEventListener("click", async () => {
        note.classList.remove("error");
        note.textContent = "saving…";
        try {
          const res = await fetch("/api/judgments", { method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${token.value.trim()}` },
            body: JSON.stringify({ event_id: box.dataset.eventId, verdict: b.dataset.verdict,
                                   field: b.dataset.field || null, who: who.value.trim() || null }) });
          const data = await res.json();
          if (!res.ok) throw new Error(data.error || String(res.status));
          sessionStorage.setItem("eventwire-token", token.value.trim());
          if (who.value.trim()) localStorage.setItem("eventwire-who", who.value.trim());
          note.textContent = `saved: ${b.dataset.verdict}${b.dataset.field ? ` (${b.dataset.field})` : ""}; ${data.judged} judgments so far`;
          note.dataset.saved = "1";
        } catch (e) {
          note.textContent = e.message;
          note.classList.add("error");
        }
      });
    }
  });
})();
