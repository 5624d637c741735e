"""Local Neo4j and Redis without Docker.

    python services/manage.py up | down | status | env

Neo4j 5.26 Community runs from its Maven Central jars (services/neo4j/pom.xml)
on the machine's Java 17; Redis is Debian's redis-server. Everything they write
lives in the state folder ($REELGRAPH_STATE, default .state/); passwords are
generated there on first start. Standard library only: this runs before the
virtual environment exists.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
POM = ROOT / "services" / "neo4j" / "pom.xml"
CACHE = Path(os.environ.get("REELGRAPH_CACHE", Path.home() / ".cache" / "reelgraph"))

# What the official `neo4j` launcher passes to the JVM (neo4j.conf defaults of 5.26
# plus the bootloader's own), so the server behaves as a packaged install would.
NEO4J_JVM_OPTIONS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+AlwaysPreTouch",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
]


@dataclass(frozen=True)
class Layout:
    state: Path
    neo4j_port: int
    redis_port: int
    heap: str
    pagecache: str

    @classmethod
    def from_env(cls) -> Layout:
        state = Path(os.environ.get("REELGRAPH_STATE", ROOT / ".state")).resolve()
        return cls(
            state=state,
            neo4j_port=int(os.environ.get("REELGRAPH_NEO4J_PORT", "7687")),
            redis_port=int(os.environ.get("REELGRAPH_REDIS_PORT", "6379")),
            # 2 cores / 24 GB: the API, worker and GNN training need most of the RAM.
            heap=os.environ.get("REELGRAPH_NEO4J_HEAP", "2g"),
            pagecache=os.environ.get("REELGRAPH_NEO4J_PAGECACHE", "2g"),
        )

    @property
    def neo4j_home(self) -> Path:
        return self.state / "neo4j"

    @property
    def redis_dir(self) -> Path:
        return self.state / "redis"

    def secret(self, name: str) -> str:
        path = self.state / "secrets" / name
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.parent.chmod(0o700)
            # a leading letter: a secret starting with "-" reads as an option to neo4j-admin
            path.write_text("s" + secrets.token_urlsafe(24))
            path.chmod(0o600)
        return path.read_text().strip()


def say(msg: str) -> None:
    print(f"==> {msg}", flush=True)


def pid_alive(pidfile: Path, marker: str) -> int | None:
    """The pid in the file, if that process runs and is ours (a reboot recycles pids)."""
    try:
        pid = int(pidfile.read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    return pid if marker.encode() in cmdline else None


NEO4J_MARK, REDIS_MARK = "org.neo4j.server.CommunityEntryPoint", "redis-server"


@contextmanager
def locked(lay: Layout) -> Iterator[None]:
    """One up/down at a time per state folder."""
    lay.state.mkdir(parents=True, exist_ok=True)
    with open(lay.state / ".services.lock", "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        yield


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def bolt_answers(port: int) -> bool:
    """True once the server completes a Bolt handshake (it agrees on a version)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
            # magic preamble + four proposed versions: 5.x range, 4.4, none, none
            s.sendall(bytes.fromhex("6060b017" "00080805" "00000404" + "00" * 8))
            reply = s.recv(4)
            return len(reply) == 4 and reply != b"\x00\x00\x00\x00"
    except OSError:
        return False


# ---------------------------------------------------------------- Neo4j

def neo4j_classpath() -> str:
    """Jars resolved by Maven (cached in ~/.m2), classpath cached per pom."""
    key = hashlib.sha256(POM.read_bytes()).hexdigest()[:16]
    out = CACHE / f"neo4j-classpath-{key}.txt"
    if not out.exists() or not all(Path(p).exists() for p in out.read_text().split(":")):
        if not shutil.which("mvn"):
            sys.exit("Maven (mvn) is needed to fetch Neo4j: apt-get install maven")
        say("resolving Neo4j jars from Maven Central (once)")
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = out.with_suffix(f".{os.getpid()}.tmp")
        subprocess.run(
            ["mvn", "-q", "-B", "-f", str(POM), "dependency:build-classpath",
             f"-Dmdep.outputFile={tmp}"],
            check=True,
        )
        tmp.replace(out)
    return out.read_text().strip()


def neo4j_conf(lay: Layout) -> str:
    home = lay.neo4j_home
    return f"""# Generated by services/manage.py on every start; edit that file, not this one.
server.directories.data={home}/data
server.directories.logs={home}/logs
server.directories.run={home}/run
server.directories.plugins={home}/plugins
server.directories.import={home}/import
server.default_listen_address=127.0.0.1
server.bolt.enabled=true
server.bolt.listen_address=127.0.0.1:{lay.neo4j_port}
server.http.enabled=false
server.https.enabled=false
dbms.security.auth_enabled=true
dbms.usage_report.enabled=false
server.memory.heap.initial_size={lay.heap}
server.memory.heap.max_size={lay.heap}
server.memory.pagecache.size={lay.pagecache}
server.threads.worker_count=8
db.tx_log.rotation.retention_policy=256M size
server.logs.gc.enabled=false
"""


def neo4j_up(lay: Layout) -> None:
    home = lay.neo4j_home
    pidfile = home / "run" / "neo4j.pid"
    if pid_alive(pidfile, NEO4J_MARK):
        # running, or still starting: wait for it rather than start a second
        wait_for_bolt(lay, lambda: pid_alive(pidfile, NEO4J_MARK) is None)
        say(f"Neo4j running on bolt://127.0.0.1:{lay.neo4j_port}")
        return
    if port_open(lay.neo4j_port):
        sys.exit(f"port {lay.neo4j_port} is taken by another program; "
                 "set REELGRAPH_NEO4J_PORT to another port")
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    (home / "conf" / "neo4j.conf").write_text(neo4j_conf(lay))
    cp = neo4j_classpath()
    env = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    if not (home / "data" / "dbms" / "auth.ini").exists():
        subprocess.run(
            ["java", "-cp", cp, "org.neo4j.server.startup.Neo4jAdminCommand",
             "dbms", "set-initial-password", lay.secret("neo4j_password")],
            env=env, check=True, stdout=subprocess.DEVNULL,
        )
    heap = [f"-Xms{lay.heap}", f"-Xmx{lay.heap}"]
    cmd = ["java", *heap, *NEO4J_JVM_OPTIONS, "-cp", cp,
           "org.neo4j.server.CommunityEntryPoint",
           f"--home-dir={home}", f"--config-dir={home / 'conf'}", "--console-mode"]
    say(f"starting Neo4j 5.26 on bolt://127.0.0.1:{lay.neo4j_port}")
    with open(home / "logs" / "console.log", "ab") as log:
        proc = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    pidfile.write_text(str(proc.pid))
    wait_for_bolt(lay, lambda: proc.poll() is not None)
    say("Neo4j is up")


def wait_for_bolt(lay: Layout, exited: Callable[[], bool], timeout: float = 180) -> None:
    logs = lay.neo4j_home / "logs"
    deadline = time.monotonic() + timeout
    while not bolt_answers(lay.neo4j_port):
        if exited():
            tail = (logs / "console.log").read_text()[-3000:]
            sys.exit(f"Neo4j exited while starting:\n{tail}")
        if time.monotonic() > deadline:
            sys.exit(f"Neo4j did not answer on Bolt within {timeout:.0f} s; see {logs}")
        time.sleep(0.5)


def stop_pid(name: str, pidfile: Path, marker: str, timeout: float = 120) -> None:
    pid = pid_alive(pidfile, marker)
    if pid is None:
        say(f"{name} is not running")
        return
    say(f"stopping {name} (pid {pid})")
    os.kill(pid, signal.SIGTERM)  # Neo4j and Redis both shut down cleanly on TERM
    deadline = time.monotonic() + timeout
    while pid_alive(pidfile, marker):
        if time.monotonic() > deadline:
            say(f"{name} did not stop in {timeout:.0f} s; killing it")
            os.kill(pid, signal.SIGKILL)
            break
        time.sleep(0.3)
    pidfile.unlink(missing_ok=True)


# ---------------------------------------------------------------- Redis

def redis_binary() -> str:
    found = shutil.which("redis-server") or (
        "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None)
    if found:
        return found
    say("installing Debian's redis-server")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run([*sudo, "apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run([*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends",
                    "redis-server"], check=True, env=env)
    # Debian starts its own instance on 6379; ours runs from the state folder instead.
    subprocess.run([*sudo, "service", "redis-server", "stop"], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return "/usr/bin/redis-server"


def redis_ping(lay: Layout) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", lay.redis_port), timeout=2) as s:
            pw = lay.secret("redis_password")
            s.sendall(f"AUTH {pw}\r\nPING\r\n".encode())
            time.sleep(0.05)
            return b"+PONG" in s.recv(256)
    except OSError:
        return False


def redis_up(lay: Layout) -> None:
    d = lay.redis_dir
    pidfile = d / "redis.pid"
    if pid_alive(pidfile, REDIS_MARK) and redis_ping(lay):
        say(f"Redis already running on 127.0.0.1:{lay.redis_port}")
        return
    if port_open(lay.redis_port):
        sys.exit(f"port {lay.redis_port} is taken by another program; "
                 "set REELGRAPH_REDIS_PORT to another port")
    d.mkdir(parents=True, exist_ok=True)
    conf = d / "redis.conf"
    conf.touch(mode=0o600)
    conf.chmod(0o600)  # it holds the password: private before anything is written
    conf.write_text(
        f"bind 127.0.0.1\nport {lay.redis_port}\ndir {d}\n"
        f"requirepass {lay.secret('redis_password')}\n"
        "appendonly yes\nappendfsync everysec\n"
        f"daemonize yes\npidfile {pidfile}\nlogfile {d / 'redis.log'}\n"
    )
    say(f"starting Redis on 127.0.0.1:{lay.redis_port}")
    subprocess.run([redis_binary(), str(conf)], check=True)
    deadline = time.monotonic() + 30
    while not redis_ping(lay):
        if time.monotonic() > deadline:
            sys.exit(f"Redis did not answer within 30 s; see {d / 'redis.log'}")
        time.sleep(0.2)
    say("Redis is up")


# ---------------------------------------------------------------- commands

def env_lines(lay: Layout) -> list[str]:
    return [
        f"export NEO4J_URI=bolt://127.0.0.1:{lay.neo4j_port}",
        "export NEO4J_USER=neo4j",
        f"export NEO4J_PASSWORD={lay.secret('neo4j_password')}",
        f"export REDIS_URL=redis://:{lay.secret('redis_password')}@127.0.0.1:{lay.redis_port}/0",
    ]


def main(argv: list[str]) -> int:
    lay = Layout.from_env()
    cmd = argv[0] if argv else "status"
    if cmd == "up":
        with locked(lay):
            redis_up(lay)
            neo4j_up(lay)
    elif cmd == "down":
        with locked(lay):
            stop_pid("Neo4j", lay.neo4j_home / "run" / "neo4j.pid", NEO4J_MARK)
            stop_pid("Redis", lay.redis_dir / "redis.pid", REDIS_MARK, timeout=30)
    elif cmd == "status":
        neo = "up" if bolt_answers(lay.neo4j_port) and pid_alive(
            lay.neo4j_home / "run" / "neo4j.pid", NEO4J_MARK) else "down"
        red = "up" if redis_ping(lay) else "down"
        print(f"neo4j  {neo:4}  bolt://127.0.0.1:{lay.neo4j_port}  ({lay.neo4j_home})")
        print(f"redis  {red:4}  127.0.0.1:{lay.redis_port}  ({lay.redis_dir})")
        return 0 if neo == red == "up" else 3
    elif cmd == "env":
        print("\n".join(env_lines(lay)))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
