"""gunicorn's settings for `make serve`, from the environment.

WEB_CONCURRENCY: worker processes (default 2 x cores + 1); GUNICORN_THREADS: threads in each
(default 4, at most the database pool's size). PORT, HOST: where to listen.
"""

import multiprocessing
import os

wsgi_app = "factcheck.wsgi:application"
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1))
# Threaded workers keep clients' connections alive between requests (sync workers close them)
# and overlap one request's database wait with another's Python.
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# Requests are short; a worker stuck longer than this is restarted.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
keepalive = 30
# The app logs every request itself (JSON, with its id and query count).
accesslog = None
errorlog = "-"
# Load the app once, then fork: workers share its memory and start fast.
preload_app = True
