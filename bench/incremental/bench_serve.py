#!/usr/bin/env python3
"""Serve latency benchmark: how long from saving a release note until the browser has the new page.

  bench/incremental/bench_serve.py [WORK_DIR] [--edits N] [--during-rebuild]

Uses the corpus and Release CLI that bench_build.sh prepared in WORK_DIR (default /tmp/internalsite-incremental-bench).
Starts `serve --port 0`, listens on the reload event stream like an open tab, then edits a release note N times and
measures: save -> 'reload' event (the tab starts reloading) and save -> page fetched with the new text (what the
reloaded tab shows). Prints each edit, the median and the worst. Normally each save waits for the last rebuild to end;
with --during-rebuild a body edit is saved as soon as the title edit before it is on the page, while that title edit's
rebuild (changelogs, feeds, search) is still running, as a writer who saves again at once does.
"""
import json, os, re, socket, statistics, subprocess, sys, threading, time, urllib.parse, urllib.request

args = [a for a in sys.argv[1:] if not a.startswith("--")]
edits = int(sys.argv[sys.argv.index("--edits") + 1]) if "--edits" in sys.argv else 10
if "--edits" in sys.argv:
    args = [a for a in args if a != str(edits)]
during_rebuild = "--during-rebuild" in sys.argv
work = args[0] if args else "/tmp/internalsite-incremental-bench"
site = os.path.join(work, "corpus")
cli = os.path.join(work, "cli", "InternalSite.Cli.dll")
if not os.path.exists(cli):
    sys.exit("run bench_build.sh first: it builds the corpus and the Release CLI")

releases = sorted(
    os.path.join(root, f) for root, _, files in os.walk(os.path.join(site, "content", "products"))
    if root.endswith("releases") for f in files if f.endswith(".md"))
note = releases[len(releases) // 2]
original = open(note, encoding="utf-8").read()
current = original
rel = os.path.relpath(note, os.path.join(site, "content"))[:-3]  # products/<p>/releases/<version>

env = dict(os.environ, SOURCE_DATE_EPOCH="1795000000")
server = subprocess.Popen(["dotnet", cli, "--site", site, "serve", "--port", "0", "--timings"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, env=env, bufsize=1)
log = []
url = None
started = time.monotonic()
for line in server.stdout:
    log.append(line.rstrip())
    m = re.search(r"Serving (http://\S+)", line)
    if m:
        url = m.group(1)
        break
if url is None:
    sys.exit("serve did not start:\n" + "\n".join(log))
print(f"first build + start: {time.monotonic() - started:.1f}s; {log[-2] if len(log) > 1 else ''}")
ticks = os.sysconf("SC_CLK_TCK")


def cpu_ms():
    """Processor time the server has used so far (user + system), from /proc: robust to other jobs on the machine."""
    with open(f"/proc/{server.pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / ticks


threading.Thread(target=lambda: [log.append(l.rstrip()) for l in server.stdout], daemon=True).start()

origin = re.match(r"(http://[^/]+)", url).group(1)
page_url = url + rel + "/"
page_path = page_url[len(origin):]
events = []
ready = threading.Event()


def listen():
    host, port = origin[len("http://"):].rsplit(":", 1)
    s = socket.create_connection((host, int(port)))
    # Like the tab showing the release note: it says which page it shows when it connects.
    request = f"GET /__internalsite/events?page={urllib.parse.quote(page_path)} HTTP/1.1\r\nHost: x\r\nAccept: text/event-stream\r\n\r\n"
    s.sendall(request.encode("ascii"))
    buffer = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            return
        buffer += chunk
        while b"\n\n" in buffer:
            block, buffer = buffer.split(b"\n\n", 1)
            text = block.decode("utf-8", "replace")
            m = re.search(r"event: (\w+)", text)
            if m:
                events.append((time.monotonic(), m.group(1), text))
                ready.set()


threading.Thread(target=listen, daemon=True).start()
ready.wait(30)
to_event, to_page, to_done, cpu, kinds = [], [], [], [], []
saves = 0  # rebuilds are counted from here: one per save


def rebuilds():
    return sum(1 for l in list(log) if "rebuilt in" in l or "build failed" in l)


def concerns_page(event):
    if event[1] == "errors":
        return True
    if event[1] != "reload":
        return False
    data = json.loads(event[2].split("data: ", 1)[1])
    return data["all"] or page_path in data["paths"]


base = rebuilds()
try:
    for i in range(edits):
        # Even edits change the body (drawn against the last model at once); odd edits change the title in the front
        # matter, which moves the note in every list, so the page waits for the rebuilt model.
        kind = "title" if i % 2 else "body"
        marker = f"Benchmark edit {i} {time.time_ns()}."
        before = len(events)
        rebuilds_before = rebuilds()
        running = rebuilds_before - base < saves
        cpu_before = cpu_ms()
        with open(note, "w", encoding="utf-8") as f:
            # Each edit starts from the text as the last one left it, as a writer's successive saves do.
            if kind == "body":
                current = re.sub(r"\n\nBenchmark edit [^\n]*\n$", "\n", current).rstrip("\n") + "\n\n" + marker + "\n"
            else:
                current = re.sub(r'^title: "?(.*?)( Benchmark edit .*)?"?$', lambda m: f'title: "{m.group(1)} {marker}"', current, count=1, flags=re.M)
            f.write(current)
        saved = time.monotonic()
        saves += 1
        # What the tab does (reload.js): it reloads on an event that names its page (or every page), or shows errors.
        while not any(concerns_page(e) for e in events[before:]):
            if time.monotonic() - saved > 30:
                sys.exit("no reload event for the page within 30 s:\n" + "\n".join(log[-5:]))
            time.sleep(0.001)
        event = next(e for e in events[before:] if concerns_page(e))
        if event[1] != "reload":
            sys.exit("the edit broke the build: " + event[2])
        body = urllib.request.urlopen(page_url).read().decode("utf-8")
        fetched = time.monotonic()
        if marker not in body:
            sys.exit("the page does not show the edit after the reload event")
        # The rest of the rebuild (changelogs, feeds, search) goes on after the page is shown; the next save waits
        # for it, like a writer who reads the page before editing again.
        if during_rebuild and kind == "title" and i + 1 < edits:
            to_event.append((event[0] - saved) * 1000)
            to_page.append((fetched - saved) * 1000)
            kinds.append(kind)
            print(f"edit {i + 1} ({kind}): new page fetched {to_page[-1]:.0f} ms; next save while its rebuild runs")
            continue
        while rebuilds() - base < saves:
            if time.monotonic() - saved > 60:
                sys.exit("the rebuild did not finish within 60 s")
            time.sleep(0.005)
        finished = time.monotonic()
        cpu.append(cpu_ms() - cpu_before)
        to_event.append((event[0] - saved) * 1000)
        to_page.append((fetched - saved) * 1000)
        kinds.append(kind + (" during a rebuild" if running else ""))
        to_done.append((finished - saved) * 1000)
        print(f"edit {i + 1} ({kind}): reload event {to_event[-1]:.0f} ms, new page fetched {to_page[-1]:.0f} ms, whole rebuild done {to_done[-1]:.0f} ms, server cpu {cpu[-1]:.0f} ms\n    {log[-3]}\n    {log[-2]}\n    {log[-1]}")
        time.sleep(0.3)
finally:
    with open(note, "w", encoding="utf-8") as f:
        f.write(original)
    time.sleep(0.5)
    server.terminate()  # SIGTERM: a background job may have SIGINT ignored
    try:
        server.wait(20)
    except subprocess.TimeoutExpired:
        server.kill()
        print("serve did not stop on SIGTERM within 20 s")

print(f"edited: {os.path.relpath(note, site)} ({len(releases)} release notes in the corpus)")
print(f"save -> reload event:     median {statistics.median(to_event):.0f} ms, worst {max(to_event):.0f} ms")
print(f"save -> new page fetched: median {statistics.median(to_page):.0f} ms, worst {max(to_page):.0f} ms")
for k in ("body", "body during a rebuild", "title"):
    times = [t for t, kind in zip(to_page, kinds) if kind == k]
    if times:
        print(f"  {k} edits ({len(times)}): median {statistics.median(times):.0f} ms, worst {max(times):.0f} ms")
print(f"save -> whole rebuild done: median {statistics.median(to_done):.0f} ms, worst {max(to_done):.0f} ms (feeds, changelogs, search: after the page)")
print(f"server processor time per edit: median {statistics.median(cpu):.0f} ms, worst {max(cpu):.0f} ms (1/100 s resolution)")
