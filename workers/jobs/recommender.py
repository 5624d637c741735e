"""Retraining the LightGCN recommender: daily, from the CLI, or from an admin's mutation."""

from __future__ import annotations

from typing import Any

from arq import func

from app.logging import log
from app.settings import Settings, get_settings
from gnn.config import ExportConfig, RunConfig, TrainConfig
from gnn.pipeline import retrain
from gnn.registry import Registry

from ..context import WorkerCtx, arq_job


def run_config(settings: Settings) -> RunConfig:
    g = settings.gnn
    return RunConfig(
        export=ExportConfig(rating_threshold=g.rating_threshold, watched_weight=g.watched_weight,
                            listed_weight=g.listed_weight),
        train=TrainConfig(dim=g.dim, layers=g.layers, lr=g.lr, reg=g.reg, epochs=g.max_epochs,
                          device=g.device))


async def retrain_recommender(ctx: WorkerCtx) -> dict[str, Any]:
    settings: Settings = ctx.get("settings") or get_settings()
    outcome = await retrain(ctx["driver"], Registry(settings.models_dir), run_config(settings),
                            settings.gnn.tolerance, progress=False)
    log.info("gnn.retrained", version=outcome.version, promoted=outcome.promoted, reason=outcome.reason,
             recall20=outcome.candidate.get("recall@20"), ndcg20=outcome.candidate.get("ndcg@20"))
    return {"version": outcome.version, "promoted": outcome.promoted, "reason": outcome.reason,
            "metrics": outcome.candidate, "current_metrics": outcome.current}


# No stored result: the job id is then free again once a run ends, and the fixed id the
# admin mutation uses only stops a second retrain while one is queued or running.
RECOMMENDER_JOBS = [func(arq_job(retrain_recommender), keep_result=0)]
