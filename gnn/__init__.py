"""LightGCN recommender: export, training, evaluation, registry (issue #6). Never imported by app/."""
