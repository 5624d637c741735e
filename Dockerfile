# The API, worker and trainer image (docker-compose.yml). The local scripts do not need it.
# The project is installed as a package, so the image holds exactly the packages that
# pyproject.toml lists. LOCK picks the dependencies: the API's and the worker's (default,
# no torch) or the trainer's (requirements.train.lock: the `gnn` extra).
FROM python:3.11-slim
ARG LOCK=requirements.api.lock
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    REELGRAPH_DATA_DIR=/srv/data
WORKDIR /srv
RUN pip install uv
COPY ${LOCK} /tmp/requirements.lock
RUN uv pip install --system -r /tmp/requirements.lock && rm /tmp/requirements.lock
# the build context is filtered by .dockerignore: sources, pyproject.toml and the demo data
COPY . /tmp/src
RUN uv pip install --system --no-deps /tmp/src && mv /tmp/src/data /srv/data && rm -rf /tmp/src
RUN useradd --system --uid 10001 reelgraph && mkdir -p /srv/.state && chown reelgraph /srv/.state
USER reelgraph
EXPOSE 8000
CMD ["python", "-m", "app.cli", "serve", "--host", "0.0.0.0", "--port", "8000"]
