# API and worker image (docker-compose.yml). The local scripts do not need it.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /srv
COPY requirements.runtime.lock .
RUN pip install uv && uv pip install --system -r requirements.runtime.lock
COPY app ./app
COPY graph_model ./graph_model
COPY cypher ./cypher
COPY ingest ./ingest
COPY search ./search
COPY workers ./workers
COPY data ./data
RUN useradd --system --uid 10001 reelgraph && mkdir -p /srv/.state && chown reelgraph /srv/.state
USER reelgraph
EXPOSE 8000
CMD ["python", "-m", "app.cli", "serve", "--host", "0.0.0.0", "--port", "8000"]
