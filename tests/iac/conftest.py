"""The session's local servers: moto for the scripts, and the trap that no script may contact."""

from __future__ import annotations

import socket
import subprocess
import time

import pytest

from iac_env import BIN, NO_NETWORK, TRAP_ADDRESS, post


@pytest.fixture(scope="session")
def moto(tmp_path_factory):
    """A moto server on 127.0.0.1 for the session; yields its URL. Always stopped."""
    log_path = tmp_path_factory.mktemp("moto") / "moto.log"
    env = {
        "PATH": f"{BIN}:/usr/bin:/bin",
        "HOME": str(log_path.parent),
        "LANG": "C.UTF-8",
        # AWS managed policies (AmazonEC2ContainerServiceRole) exist only with this.
        "MOTO_IAM_LOAD_MANAGED_POLICIES": "true",
        **NO_NETWORK,
    }
    for _attempt in range(3):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        url = f"http://127.0.0.1:{port}"
        with open(log_path, "ab") as log:
            proc = subprocess.Popen(
                [BIN / "moto_server", "-H", "127.0.0.1", "-p", str(port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
            )
        try:
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline:
                try:
                    post(f"{url}/moto-api/reset")
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                continue  # exited (port taken?) or never answered: try another port
            yield url
            return
        finally:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    pytest.fail(f"moto_server did not start; its log:\n{log_path.read_text()}")


@pytest.fixture(scope="session")
def trap():
    """A listener at TRAP_ADDRESS that must never be contacted; yields the list of connections it
    got (peer addresses). It accepts and closes: the CLI then fails, and the list says why."""
    import threading

    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    deadline = time.monotonic() + 60
    while True:
        try:
            server.bind(TRAP_ADDRESS)
            break
        except OSError as e:  # another run of these tests holds it: wait for it
            if time.monotonic() > deadline:
                pytest.fail(f"cannot listen on {TRAP_ADDRESS}: {e}")
            time.sleep(1)
    server.listen(16)
    server.settimeout(0.2)
    connections = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, peer = server.accept()
            except (socket.timeout, OSError):
                continue
            connections.append(peer)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield connections
    stop.set()
    thread.join(5)
    server.close()
