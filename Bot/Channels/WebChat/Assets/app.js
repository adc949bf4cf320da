"use strict";
// The ChatPay web chat: one token per browser (kept in localStorage), a long poll for new messages,
// and a POST per message or button press. The server keeps the history, so a reload loses nothing.
(() => {
  const tokenKey = "chatpay.webchat.token";
  const list = document.getElementById("messages");
  const form = document.getElementById("composer");
  const input = document.getElementById("text");
  const status = document.getElementById("status");
  let token = localStorage.getItem(tokenKey);
  // A one-tap payment link (/?ma=<token>) opens that dossier's fees. It is taken off the address at once, so a reload
  // or a shared screenshot does not open it again.
  let pendingLink = new URLSearchParams(location.search).get("ma");
  if (pendingLink) history.replaceState(null, "", location.pathname);
  let last = 0;
  let generation = 0;
  const shown = new Map();

  const timeFormat = new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", timeZone: "Asia/Ho_Chi_Minh" });

  function showStatus(text) {
    status.hidden = !text;
    status.textContent = text || "";
  }

  async function api(method, path, body) {
    const response = await fetch(path, {
      method,
      headers: Object.assign({ "Content-Type": "application/json" }, token ? { "X-Chat-Token": token } : {}),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const error = new Error("HTTP " + response.status);
      // A refusal for too many requests carries a sentence for the person and how long to wait.
      if (response.status === 429) {
        error.retryAfter = Number(response.headers.get("Retry-After")) || 5;
        error.userMessage = await response.json().then(body => body.error, () => null);
      }
      throw error;
    }
    return response.status === 202 ? null : response.json();
  }

  async function openChat() {
    const created = await api("POST", "/webchat/api/chats", pendingLink ? { link: pendingLink } : undefined);
    pendingLink = null;
    token = created.token;
    localStorage.setItem(tokenKey, token);
  }

  // A message seen before (its buttons were used, or an alert was taken by an officer) is redrawn in place.
  function render(message) {
    const item = document.createElement("li");
    item.className = "message " + message.from + (message.warning ? " error" : "");
    item.dataset.id = message.id;
    const bubble = document.createElement("div");
    bubble.className = "bubble";
    fill(bubble, message.text);
    item.appendChild(bubble);

    if (message.choices.length || message.links.length) {
      const buttons = document.createElement("div");
      buttons.className = "buttons";
      for (const link of message.links) {
        const a = document.createElement("a");
        a.href = link.url;
        a.target = "_blank";
        a.rel = "noopener";
        a.textContent = link.label;
        buttons.appendChild(a);
      }
      // The step's one main action is filled; "Hủy" stands apart, plain.
      const actions = message.choices.filter(choice => choice.label !== "Hủy");
      for (const choice of message.choices) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = choice.label;
        if (choice.label === "Hủy") button.className = "cancel";
        else if (actions.length === 1) button.className = "primary";
        button.addEventListener("click", () => press(item, message.id, choice));
        buttons.appendChild(button);
      }
      item.appendChild(buttons);
    }

    const time = document.createElement("div");
    time.className = "time";
    time.textContent = timeFormat.format(new Date(message.at));
    item.appendChild(time);
    const previous = shown.get(message.id);
    shown.set(message.id, item);
    if (previous) {
      // A message above that changes (its buttons used up) must not push the newest out of view.
      const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
      previous.replaceWith(item);
      if (atBottom) list.scrollTop = list.scrollHeight;
      return;
    }
    // Messages come in the order they last changed (an edit moves one later); they are shown in the order they were
    // written, so a reload never puts the buttons pressed above the fees they answered.
    const later = [...list.children].find(other => Number(other.dataset.id) > message.id);
    list.insertBefore(item, later || null);
    if (!later) list.scrollTop = list.scrollHeight;
  }

  // A message's text as written, except fee lines ("• Phí: name — 200.000 ₫") and their total, which read better as a
  // small table with the total in bold. Text only ever goes in as text, never as markup.
  const feeLine = /^• (.+?): (.+) — (.+₫)$/;
  const totalLine = /^Tổng cộng: (.+₫)$/;
  function fill(bubble, text) {
    let table = null;
    for (const line of text.split("\n")) {
      const fee = feeLine.exec(line);
      const total = totalLine.exec(line);
      if ((fee || total) && !table) {
        table = document.createElement("table");
        table.className = "fees";
        bubble.appendChild(table);
      }
      if (fee) {
        const row = table.insertRow();
        row.insertCell().textContent = fee[2];
        const amount = row.insertCell();
        amount.textContent = fee[3];
        amount.className = "amount";
        row.title = fee[1];
        continue;
      }
      if (total) {
        const row = table.insertRow();
        row.className = "total";
        row.insertCell().textContent = "Tổng cộng";
        const amount = row.insertCell();
        amount.textContent = total[1];
        amount.className = "amount";
        table = null;
        continue;
      }
      table = null;
      const text = document.createElement("div");
      text.textContent = line;
      bubble.appendChild(text);
    }
  }

  // The person's own message shows the choice; the used buttons go, and focus stays in the conversation instead of
  // falling back to the page.
  function choiceMade(item) {
    item.querySelectorAll(".buttons button").forEach(b => b.remove());
    list.focus({ preventScroll: true });
  }

  async function press(item, messageId, choice) {
    item.querySelectorAll(".buttons button").forEach(b => (b.disabled = true));
    try {
      await api("POST", "/webchat/api/messages", { payload: choice.payload, messageId });
      choiceMade(item);
    } catch (error) {
      item.querySelectorAll(".buttons button").forEach(b => (b.disabled = false));
      showStatus(error.userMessage || "Không gửi được. Vui lòng thử lại.");
    }
  }

  async function poll(mine) {
    let delay = 1000;
    // After a failure the next read does not wait: the moment the server answers again, "reconnecting" goes away.
    let reconnecting = false;
    while (mine === generation) {
      try {
        const history = await api("GET", `/webchat/api/messages?after=${last}&wait=${reconnecting ? 0 : 25}`);
        reconnecting = false;
        if (mine !== generation) return;
        showStatus("");
        delay = 1000;
        // The history read on opening is not news.
        const news = last > 0;
        for (const message of history.messages) {
          if (message.seq <= last) continue;
          if (news && !shown.has(message.id) && message.from === "bot") notice();
          render(message);
          last = message.seq;
        }
      } catch (error) {
        if (mine !== generation) return;
        if (String(error.message) === "HTTP 401") await openChat();
        reconnecting = true;
        showStatus(error.userMessage || "Mất kết nối. Đang kết nối lại…");
        await waitToRetry(error.retryAfter ? error.retryAfter * 1000 : delay);
        delay = Math.min(delay * 2, 3000);
      }
    }
  }

  // A message that arrives while the tab is in the background (an officer's alert, a receipt) shows in its title.
  const title = document.title;
  let unseen = 0;
  function notice() {
    if (document.visibilityState === "visible") return;
    unseen++;
    document.title = `(${unseen}) ${title}`;
  }
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState !== "visible") return;
    unseen = 0;
    document.title = title;
  });

  // A restart of the server looks like a short outage: try again within 3 s, and at once when the browser comes back
  // online or the tab is looked at again.
  let wake = null;
  function waitToRetry(ms) {
    return new Promise(resolve => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });
  }
  // The keyboard opening on a phone shrinks the view: keep the newest message in it.
  if (window.visualViewport) window.visualViewport.addEventListener("resize", () => { list.scrollTop = list.scrollHeight; });
  window.addEventListener("online", () => wake && wake());
  window.addEventListener("focus", () => wake && wake());
  document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && wake && wake());

  async function start() {
    generation++;
    last = 0;
    shown.clear();
    list.replaceChildren();
    try {
      if (!token) await openChat();
      if (pendingLink) {
        await api("POST", "/webchat/api/messages", { link: pendingLink });
        pendingLink = null;
      }
    } catch (error) {
      showStatus(error.userMessage || "Không kết nối được máy chủ. Đang thử lại…");
      setTimeout(start, error.retryAfter ? error.retryAfter * 1000 : 3000);
      return;
    }
    poll(generation);
  }

  form.addEventListener("submit", async event => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    try {
      await api("POST", "/webchat/api/messages", { text });
    } catch (error) {
      input.value = text;
      showStatus(error.userMessage || "Không gửi được. Vui lòng thử lại.");
    }
  });

  // A photo of the appointment slip: its barcode or QR code is read on the server, in memory, and never kept.
  const photo = document.getElementById("photo");
  document.getElementById("photo-button").addEventListener("click", () => photo.click());
  photo.addEventListener("change", async () => {
    const file = photo.files && photo.files[0];
    photo.value = "";
    if (!file) return;
    if (file.size > 5 * 1024 * 1024) {
      showStatus("Ảnh quá lớn (tối đa 5 MB).");
      return;
    }
    try {
      const response = await fetch("/webchat/api/photos", {
        method: "POST",
        headers: Object.assign({ "Content-Type": file.type || "image/jpeg" }, token ? { "X-Chat-Token": token } : {}),
        body: file,
      });
      if (!response.ok) throw new Error("HTTP " + response.status);
    } catch (error) {
      showStatus("Không gửi được ảnh. Vui lòng thử lại.");
    }
  });

  document.getElementById("new-chat").addEventListener("click", () => {
    if (!confirm("Bắt đầu cuộc trò chuyện mới? Cuộc trò chuyện hiện tại sẽ không hiện trên trình duyệt này nữa.")) return;
    localStorage.removeItem(tokenKey);
    token = null;
    start();
  });

  start();
})();
