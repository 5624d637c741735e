"""Redis clients with short timeouts: a Redis that stops answering (a partition, a paused
server) costs a request a second, not forever, and the next command reconnects by itself."""

from __future__ import annotations

from arq import create_pool
from arq.connections import ArqRedis
from arq.connections import RedisSettings as ArqRedisSettings
from redis.asyncio import Redis

from app.settings import RedisSettings


def open_redis(s: RedisSettings, listener: bool = False) -> Redis:
    """A listener (pub/sub) waits for messages as long as it takes, so it has no socket
    timeout; its reader pings a quiet connection instead (app.social.live)."""
    client: Redis = Redis.from_url(
        s.url, decode_responses=True, socket_timeout=None if listener else s.socket_timeout,
        socket_connect_timeout=s.connect_timeout, health_check_interval=15)
    return client


def arq_settings(s: RedisSettings) -> ArqRedisSettings:
    settings = ArqRedisSettings.from_dsn(s.url)
    settings.conn_timeout = max(1, round(s.connect_timeout))
    return settings


async def open_jobs(s: RedisSettings) -> ArqRedis:
    """The job queue's pool; its commands get the same socket timeout as open_redis's."""
    pool = await create_pool(arq_settings(s))
    pool.connection_pool.connection_kwargs["socket_timeout"] = s.socket_timeout
    await pool.connection_pool.disconnect()  # the connection create_pool pinged with had none
    return pool
