from typing import Any

from django.apps import AppConfig


class AnnotationsConfig(AppConfig):
    name = "annotations"
    verbose_name = "Annotations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from simple_history.signals import pre_create_historical_record

        pre_create_historical_record.connect(record_history_context)


def record_history_context(
    sender: Any, instance: Any, history_instance: Any, **kwargs: Any
) -> None:
    """Stamp each history record with the request that made it and the row's workspace."""
    from annotations.history.entries import history_context

    for field, value in history_context(instance.workspace_id).items():
        setattr(history_instance, field, value)
