# Process bookkeeping: start daemons detached, record their pids, wait until they serve, and stop only
# the processes this test bed started. Sourced by eng/engines.sh.

# pid_alive PIDFILE NAME: the recorded pid runs and really is NAME (guards against pid reuse,
# so `down` never signals an unrelated process).
pid_alive() {
  local pidfile=$1 name=$2 pid
  [[ -s $pidfile ]] || return 1
  pid=$(<"$pidfile")
  proc_running "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "$name"
}

# proc_running PID: the process exists and is not a zombie (a daemon that died during start-up
# stays a zombie child of this shell until the script exits).
proc_running() {
  local pid=$1 state
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || return 1
  state=$(sed -E 's/^.*\) ([A-Za-z]).*$/\1/' "/proc/$pid/stat" 2>/dev/null) || return 1
  [[ $state != Z ]]
}

# stop_pids LABEL:PIDFILE:NAME...: TERM every recorded process that is still ours, wait up to
# 15 s for all of them (each takes ~2 s to shut down, so in parallel; dockerd takes ~10 s more
# when a container ignores TERM, its default stop timeout), KILL stragglers, drop the pid files.
stop_pids() {
  local spec label pidfile name pid i alive
  local -a pids=() labels=()
  for spec in "$@"; do
    IFS=: read -r label pidfile name <<<"$spec"
    if pid_alive "$pidfile" "$name"; then
      pid=$(<"$pidfile")
      log "stopping $label (pid $pid)"
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      labels+=("$label")
    fi
    rm -f "$pidfile"
  done
  for ((i = 0; i < 150; i++)); do
    alive=0
    for pid in "${pids[@]}"; do proc_running "$pid" && alive=1; done
    ((alive)) || return 0
    sleep 0.1
  done
  for i in "${!pids[@]}"; do
    if proc_running "${pids[$i]}"; then
      log "${labels[$i]} (pid ${pids[$i]}) ignored TERM for 15 s, killing"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
  done
  sleep 0.5
}

# start_bg PIDFILE LOGFILE CMD...: start a daemon detached from this shell (own session, no
# stdin) so it outlives the script, and record its pid. setsid does not fork here because a
# background job of a non-interactive shell is never a process-group leader, so $! is the daemon.
start_bg() {
  local pidfile=$1 logfile=$2
  shift 2
  # 9>&-: do not hand the `up`/`down` lock to the daemon, or it would hold it forever.
  setsid "$@" </dev/null >>"$logfile" 2>&1 9>&- &
  echo $! >"$pidfile"
}

# wait_for WHAT LOGFILE PIDFILE NAME CHECK...: poll CHECK for up to 60 s; on failure show why.
wait_for() {
  local what=$1 logfile=$2 pidfile=$3 name=$4 i
  shift 4
  for ((i = 0; i < 300; i++)); do
    if "$@"; then
      return 0
    fi
    # Only "is the pid still running": right after the fork its cmdline may not show NAME yet.
    if ! proc_running "$(cat "$pidfile" 2>/dev/null)"; then
      log "$what exited during start-up; last lines of $logfile:"
      tail -n 30 "$logfile" >&2 || true
      die "$what did not start"
    fi
    sleep 0.2
  done
  log "$what did not answer within 60 s; last lines of $logfile:"
  tail -n 30 "$logfile" >&2 || true
  die "$what did not start"
}

# ping_socket SOCKET: an engine API on that unix socket answers its _ping.
ping_socket() { [[ -S $1 ]] && [[ $(curl -sf --max-time 2 --unix-socket "$1" http://d/_ping 2>/dev/null) == OK ]]; }
