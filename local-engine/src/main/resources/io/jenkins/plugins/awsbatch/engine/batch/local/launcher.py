# The local engine's launcher (LauncherProcess) where python3 runs: the same requests, replies and records as
# launcher.pl, but each child is started by posix_spawn (a vfork and one exec in the C library) instead of a fork
# of the interpreter, which halves what a short child costs. Read launcher.pl's header for the protocol; what
# differs here:
#   - the start record "S millis pid base" is written by the launcher as soon as the spawn returned (the child
#     cannot run code of ours before its exec), before anything else happens;
#   - a program that cannot be executed, or a folder that cannot be entered, is reported as perl's child reports
#     it (started, its message in its log, ended with 127 or 126) by a tiny /bin/sh that prints the message;
#   - python cannot retitle its own command line, so once its stdin closed it creates "<records>.drained" beside
#     its records file (removed when it exits): that is how a restarted engine sees it starts nothing more.
# It is run as: python3 -I -S -c <bootstrap> batchgraph-launcher <records>, this text in the environment.
import collections
import errno
import os
import select
import signal
import sys
import time

if not hasattr(os, "posix_spawn"):
    sys.exit(3)  # before READY: the engine falls back to perl

records_path = sys.argv[-1]
drained_marker = records_path + ".drained"
IGNORED = (signal.SIGPIPE, signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
# the engine's Ctrl-C, a closed pipe or a stray TERM must not cost the records of what still runs
for number in IGNORED:
    signal.signal(number, signal.SIG_IGN)
# a child's end wakes the loop through this pipe (a no-op handler: ignoring SIGCHLD would reap them unrecorded)
wake_read, wake_write = os.pipe()
os.set_blocking(wake_read, False)
os.set_blocking(wake_write, False)
signal.set_wakeup_fd(wake_write, warn_on_full_buffer=False)
signal.signal(signal.SIGCHLD, lambda signum, frame: None)
RESET = IGNORED + (signal.SIGCHLD,)  # a child starts with every signal at its default, as perl's does

records = os.open(records_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
DEV_NULL = b"/dev/null"
SH = b"/bin/sh"
running = {}  # pid => (id, base, log)
queue = collections.deque()  # (id, cwd, log, base, argv, env), oldest first
gate = -1  # negative: no limit
quiet = False
engine_open = True
buffer = b""
fields = collections.deque()
replies = []  # sent at once before the next wait: an end and the start that followed it in one write


def now_ms():
    return int(time.time() * 1000)


def reply(line):
    if engine_open:  # the engine may be gone: then nobody listens
        replies.append(line)


def send_replies():
    global replies
    data = b"".join(replies)
    replies = []
    while engine_open and data:
        try:
            written = os.write(1, data)
        except InterruptedError:
            continue
        except OSError:
            return  # the engine is gone
        data = data[written:]


def record(line):
    os.write(records, line)


def start_queued():
    """Starts queued requests while the gate has room; nothing once the engine is gone or shutting down."""
    while queue and engine_open and not quiet and (gate < 0 or len(running) < gate):
        spawn(*queue.popleft())


def withdraw(base):
    for request in queue:
        if request[3] == base:
            queue.remove(request)
            reply(b"W %s\n" % request[0])
            return


def resolve(program, env):
    """argv[0] as exec would find it on the job's own PATH (the launcher's environment is empty)."""
    if b"/" in program:
        return program
    for folder in env.get(b"PATH", b"").split(b":"):
        candidate = os.path.join(folder or b".", program)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def spawn(request_id, cwd, log, base, argv, env):
    try:
        out = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    except OSError as e:
        reply(b"F %s cannot open the log %s: %s\n" % (request_id, log, e.strerror.encode()))
        return
    actions = [(os.POSIX_SPAWN_OPEN, 0, DEV_NULL, os.O_RDONLY, 0), (os.POSIX_SPAWN_DUP2, out, 1),
               (os.POSIX_SPAWN_DUP2, out, 2)]
    try:
        pid = start_child(cwd, argv, env, actions)
    except OSError as e:
        reply(b"F %s spawn failed: %s\n" % (request_id, str(e).encode()))
        return
    finally:
        os.close(out)
    record(b"S %d %d %s\n" % (now_ms(), pid, base))
    running[pid] = (request_id, base, log)
    reply(b"P %s %d\n" % (request_id, pid))


def start_child(cwd, argv, env, actions):
    """The pid of the command started in cwd, or of a shell that says why it cannot be (as perl's child would)."""
    program = argv[0].decode(errors="replace")
    # posix_spawn has no chdir of its own: the child starts in the launcher's folder, entered every time, as perl's
    # child does (the folder may have been replaced since)
    try:
        os.chdir(cwd)
    except OSError as e:
        return explain(actions, 'Cannot run program "%s": working directory %s: %s'
                       % (program, cwd.decode(errors="replace"), e.strerror), 126)
    path = resolve(argv[0], env)
    if path is None:
        return explain(actions, 'Cannot run program "%s": %s' % (program, os.strerror(errno.ENOENT)), 127)
    try:
        return os.posix_spawn(path, argv, env, file_actions=actions, setsigdef=RESET, setsigmask=())
    except OSError as e:
        return explain(actions, 'Cannot run program "%s": %s' % (program, e.strerror), 127)


def explain(actions, message, status):
    """A child that prints why the attempt cannot run, then exits with status."""
    return os.posix_spawn(SH, [SH, b"-c", b'printf "%s\\n" "$1" >&2; exit "$2"', b"sh", message.encode(),
                               str(status).encode()], {}, file_actions=actions, setsigdef=RESET, setsigmask=())


def exit_code(status):
    return 128 + os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


def reap(flags):
    while running:
        try:
            pid, status = os.waitpid(-1, flags)
        except ChildProcessError:
            return
        if pid == 0:
            return
        child = running.pop(pid, None)
        if child is None:
            continue
        request_id, base, log = child
        code = exit_code(status)
        if not quiet:
            record(b"E %d %d %s\n" % (now_ms(), code, base))
        try:
            if os.stat(log).st_size == 0:
                os.unlink(log)  # a log left empty is removed: only what printed keeps a file
        except OSError:
            pass
        reply(b"X %s %d\n" % (request_id, code))
        start_queued()


def handle_requests():
    global quiet, gate
    while fields:
        kind = fields[0]
        if kind == b"Q":
            fields.popleft()
            quiet = True
            for request in queue:
                reply(b"W %s\n" % request[0])
            queue.clear()
            continue
        if kind in (b"G", b"C"):
            if len(fields) < 2:
                return
            fields.popleft()
            value = fields.popleft()
            if kind == b"G":
                gate = int(value)
                start_queued()
            else:
                withdraw(value)
            continue
        if kind != b"R":
            sys.stderr.write("batchgraph-launcher: unknown request '%s'\n" % kind.decode(errors="replace"))
            sys.exit(2)
        if len(fields) < 6:
            return
        argc = int(fields[5])
        if len(fields) < 7 + argc:
            return
        envc = int(fields[6 + argc])
        if len(fields) < 7 + argc + envc:
            return
        request = [fields.popleft() for _ in range(7 + argc + envc)]
        env = dict(entry.split(b"=", 1) for entry in request[7 + argc:])
        queue.append((request[1], request[2], request[3], request[4], request[6:6 + argc], env))


def read_requests():
    global buffer, engine_open
    try:
        data = os.read(0, 65536)
    except InterruptedError:
        return
    if not data:
        engine_open = False  # the engine closed it or died: what was half sent or still queued is dropped
        queue.clear()
        with open(drained_marker, "w"):
            pass
        return
    parts = (buffer + data).split(b"\0")
    buffer = parts.pop()
    fields.extend(parts)
    handle_requests()
    start_queued()


def drain_wakeups():
    try:
        while os.read(wake_read, 4096):
            pass
    except (BlockingIOError, InterruptedError):
        pass


reply(b"READY %d\n" % os.getpid())
try:
    while engine_open or running:
        send_replies()
        if not engine_open:
            reap(0)  # the engine is gone: only the children are left to wait for
            continue
        # a short timeout catches a child whose end came between the last reap and the wait
        ready = select.select([0, wake_read], [], [], 0.01 if running else None)[0]
        if wake_read in ready:
            drain_wakeups()
        if 0 in ready:
            read_requests()
        if running:
            reap(os.WNOHANG)
finally:
    try:
        os.unlink(drained_marker)
    except OSError:
        pass
