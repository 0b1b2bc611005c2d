# Sourced by scripts/bench and scripts/first-session: start Hotline processes on free ports, wait until they are UP,
# and stop exactly what was started (by PID, with every descendant: a spring-boot:run Maven JVM forks the app, the
# app forks mariadbd and redis-server). The caller sets run_dir (logs) before starting anything.
app_pids=()

# The whole tree under a PID, parents first.
app_descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$child"
    app_descendants "$child"
  done
}

# TERM every started process, give it 15 s (the app's shutdown can wait on a database its own hook already stopped),
# then KILL it and whatever it left behind.
app_stop_all() {
  local pid tree=()
  for pid in "${app_pids[@]}"; do
    while read -r child; do [[ -n "$child" ]] && tree+=("$child"); done < <(app_descendants "$pid")
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${app_pids[@]}"; do
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  for pid in "${tree[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  [[ ${#tree[@]} -eq 0 ]] || sleep 1
  for pid in "${tree[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  app_pids=()
}

# app_free_port: a free port below Linux's ephemeral range (32768+ by default): a port in that range can be taken as the
# source port of an outgoing connection (a pool opening connections) between choosing it and the server binding it.
app_free_port() {
  local port below
  below=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % (below - 20000)))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port" >&2; exit 1
}

# app_start LOG COMMAND...: runs the command in the background, its output in LOG; the PID goes to app_pids.
app_start() {
  local log=$1; shift
  "$@" >"$log" 2>&1 &
  app_pids+=($!)
}

# app_wait_up URL PID LOG [SECONDS]: until URL/actuator/health says UP; fails if the process dies or time runs out.
app_wait_up() {
  local url=$1 pid=$2 log=$3 seconds=${4:-180}
  for _ in $(seq 1 $((seconds * 2))); do
    if curl -fsS "$url/actuator/health" 2>/dev/null | grep -q '"status":"UP"}$'; then return; fi
    kill -0 "$pid" 2>/dev/null || { echo "the app ($pid) died:" >&2; tail -30 "$log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the app at $url was not UP after $seconds s" >&2; tail -30 "$log" >&2; exit 1
}
