"""gunicorn's settings for attachment.service (read with `gunicorn -c`).

Kept free of Django imports: the master process forks each worker, and a worker must load
the code that is on disk now, so `systemctl reload attachment` (SIGHUP) serves an upgrade
with new workers while the old ones finish their requests.
"""

from __future__ import annotations

import multiprocessing
import os

# Loopback only: nginx is the one way in, and it sets X-Real-IP and X-Forwarded-Proto.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Sync workers, gunicorn's advice of 2 per core + 1, at most 5 unless GUNICORN_WORKERS
# says otherwise: each holds about 70 MB, and a practice's server is usually 1-2 GB.
workers = int(
    os.environ.get("GUNICORN_WORKERS") or min(2 * multiprocessing.cpu_count() + 1, 5)
)
worker_class = "sync"
# A request that takes longer is stuck; a reload waits this long for the old workers.
timeout = 30
graceful_timeout = 30
keepalive = 5
# A fresh worker now and then keeps memory flat over months without a restart.
max_requests = 2000
max_requests_jitter = 200
# nginx logs each request (without the full client address); gunicorn logs errors only.
accesslog = None
errorlog = "-"
loglevel = "warning"
proc_name = "attachment"
